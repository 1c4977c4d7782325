import { stabilizationPhase } from "../../launch/stabilization.js";
import { disabled, issueEvidence, note, pullEvidence, releaseEvidence, result, sinceRelease } from "../evidence.js";
import { type Facts, hasLabel } from "../facts.js";
import { performanceClaim } from "../perf-claim.js";
import type { Evidence, Level, RuleResult } from "../result.js";
import type { Severity } from "../severity.js";

function severityFixes(
  facts: Facts,
  id: string,
  level: Level,
  severity: Severity,
  settings: { enabled: boolean; count: number },
): RuleResult {
  const rule = `≥ ${settings.count} ${severity} issues fixed since the latest release`;
  if (!settings.enabled) return disabled(id, level, rule);
  const fixed = [...facts.fixedSinceRelease.values()].filter(
    ({ issue }) => facts.severity.get(issue.number) === severity,
  );
  return result(id, level, rule, fixed.length >= settings.count, [
    note(`${fixed.length} ${severity} fix(es) ${sinceRelease(facts)}`),
    ...fixed.map(({ issue, pulls }) =>
      issueEvidence(issue, `${severity} fixed by ${pulls.map((p) => `#${p.number}`).join(", ")}`),
    ),
  ]);
}

export function p1Fixes(facts: Facts): RuleResult {
  return severityFixes(facts, "patch.p1-fixes", "patch", "P1", facts.config.patch.p1Fixes);
}

export function p2Fixes(facts: Facts): RuleResult {
  return severityFixes(facts, "feature.p2-fixes", "feature", "P2", facts.config.feature.p2Fixes);
}

export function frequentComplaint(facts: Facts): RuleResult {
  const { enabled, labels, thumbsUp } = facts.config.patch.frequentComplaint;
  const id = "patch.frequent-complaint";
  const rule = `a fix since the latest release for a frequent complaint (labeled ${labels.join("/")} or ≥ ${thumbsUp} 👍)`;
  if (!enabled) return disabled(id, "patch", rule);
  const evidence: Evidence[] = [];
  for (const { issue, pulls } of facts.fixedSinceRelease.values()) {
    const votes = issue.reactions?.["+1"] ?? 0;
    const why = hasLabel(issue, labels) ? `labeled ${labels.join("/")}` : votes >= thumbsUp ? `${votes} 👍` : null;
    if (why)
      evidence.push(
        issueEvidence(issue, `frequent complaint (${why}) fixed by ${pulls.map((p) => `#${p.number}`).join(", ")}`),
      );
  }
  return result(id, "patch", rule, evidence.length > 0, evidence);
}

function labeledPulls(
  facts: Facts,
  id: string,
  level: Level,
  what: string,
  settings: { enabled: boolean; labels: string[] },
): RuleResult {
  const rule = `≥ 1 merged ${what} PR (labeled ${settings.labels.join("/")}) since the latest release`;
  if (!settings.enabled) return disabled(id, level, rule);
  const hits = facts.mergedSinceRelease.filter((p) => hasLabel(p, settings.labels));
  return result(
    id,
    level,
    rule,
    hits.length > 0,
    hits.map((p) => pullEvidence(p, `merged ${p.merged_at}`)),
  );
}

export function featurePr(facts: Facts): RuleResult {
  return labeledPulls(facts, "feature.feature-pr", "feature", "feature", facts.config.feature.featurePr);
}

export function uxPr(facts: Facts): RuleResult {
  return labeledPulls(facts, "feature.ux", "feature", "UX", facts.config.feature.ux);
}

function performance(
  facts: Facts,
  id: string,
  level: Level,
  settings: { enabled: boolean; labels: string[]; percent: number },
): RuleResult {
  const rule = `a merged PR labeled ${settings.labels.join("/")} since the latest release claiming ≥ ${settings.percent} % (e.g. "perf: 25%" or "25% faster")`;
  if (!settings.enabled) return disabled(id, level, rule);
  const evidence: Evidence[] = [];
  let fires = false;
  for (const pull of facts.mergedSinceRelease) {
    if (!hasLabel(pull, settings.labels)) continue;
    const claim = performanceClaim(pull.title, pull.body);
    if (!claim) {
      evidence.push(pullEvidence(pull, "no percentage claim found in title or body"));
      continue;
    }
    const enough = claim.percent >= settings.percent;
    fires ||= enough;
    evidence.push(
      pullEvidence(
        pull,
        `claims ${claim.percent} % ("${claim.quote}" in the ${claim.source}; ${enough ? "≥" : "<"} ${settings.percent} %)`,
      ),
    );
  }
  return result(id, level, rule, fires, evidence);
}

export function patchPerformance(facts: Facts): RuleResult {
  return performance(facts, "patch.performance", "patch", facts.config.patch.performance);
}

export function featurePerformance(facts: Facts): RuleResult {
  return performance(facts, "feature.performance", "feature", facts.config.feature.performance);
}

/**
 * The plan's scheduled end-of-week patch in week 1: due from T+`day` (launch time zone) until a
 * release is published on or after that day, and no longer after T+`untilDay`.
 */
export function endOfWeek(facts: Facts): RuleResult {
  const { enabled, day, untilDay } = facts.config.patch.endOfWeek;
  const id = "patch.end-of-week";
  const rule = `scheduled end-of-week patch on T+${day} after launch (due until T+${untilDay} or a release)`;
  if (!enabled) return disabled(id, "patch", rule);
  const { date, timezone } = facts.input.launch;
  if (!date) return result(id, "patch", rule, false, [note("no launch.date in config: not evaluated")]);
  const today = stabilizationPhase(date, new Date(facts.now), timezone).day;
  const evidence: Evidence[] = [note(`today is T+${today} (launch ${date}, ${timezone})`)];
  const release = facts.release;
  const releasedDay = release ? stabilizationPhase(date, new Date(release.time), timezone).day : null;
  if (release && releasedDay !== null && releasedDay >= day) {
    evidence.push(releaseEvidence(release, `released on T+${releasedDay}: the scheduled patch is out`));
    return result(id, "patch", rule, false, evidence);
  }
  return result(id, "patch", rule, today >= day && today <= untilDay, evidence);
}
