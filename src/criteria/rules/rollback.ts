import type { RestIssue } from "../../model/rest.js";
import { disabled, hoursBetween, issueEvidence, metricEvidence, note, pullEvidence, result } from "../evidence.js";
import { type Facts, p0Since } from "../facts.js";
import type { Evidence, RuleResult } from "../result.js";
import { longestBreach } from "../sustained.js";
import { labeledIssue as labeledIssueRule } from "./issue-label.js";
import { currentSamples, missingMetric } from "./metric-window.js";

/** The metrics the rollback rules below read (callers report "rollback unknown" when one is). */
export const ROLLBACK_METRICS = ["crash_rate", "error_rate", "uptime"] as const;

export function crashRate(facts: Facts): RuleResult {
  const { enabled, threshold } = facts.config.rollback.crashRate;
  const id = "rollback.crash-rate";
  const rule = `crash rate > ${threshold} % of users (latest sample)`;
  if (!enabled) return disabled(id, "rollback", rule);
  const samples = currentSamples(facts, "crash_rate");
  const latest = samples?.at(-1);
  if (!latest) return result(id, "rollback", rule, false, [note(missingMetric(facts, "crash_rate"))]);
  const fires = latest.value > threshold;
  return result(id, "rollback", rule, fires, [
    metricEvidence(
      facts,
      "crash_rate",
      latest,
      `crash rate ${latest.value} % at ${latest.at} (${fires ? ">" : "≤"} ${threshold} %)`,
    ),
  ]);
}

export const labeledIssue = (facts: Facts): RuleResult => labeledIssueRule(facts, "rollback");

/** Open P0s and their fix PRs: open ones and ones merged (into any branch) that close the issue. */
export function openP0s(facts: Facts) {
  return facts.openIssues
    .filter((i) => facts.severity.get(i.number) === "P0")
    .map((issue) => ({ issue, fixes: facts.fixPulls.filter((p) => facts.closes(p).includes(issue.number)) }));
}

/** "open fix PR" / "merged fix PR": how a fix stands at `now`. */
export function fixText(pull: { merged_at?: string | null | undefined }): string {
  return pull.merged_at ? "merged fix PR" : "open fix PR";
}

export function p0Overdue(facts: Facts): RuleResult {
  const { enabled, hours, clearFixIsHotfix } = facts.config.rollback.p0Overdue;
  const id = "rollback.p0-overdue";
  const rule = `a P0 open longer than ${hours} h (one with an open or merged fix PR is a hotfix instead)`;
  if (!enabled) return disabled(id, "rollback", rule);
  const limit = hours * 3_600_000;
  const overdue = openP0s(facts).filter(({ issue }) => facts.now - p0Since(facts, issue) > limit);
  const evidence: Evidence[] = [];
  let fires = false;
  for (const { issue, fixes } of overdue) {
    const age = `P0 for ${hoursBetween(p0Since(facts, issue), facts.now)} (> ${hours} h)`;
    if (clearFixIsHotfix && fixes.length > 0) {
      evidence.push(issueEvidence(issue, `${age}, with a clear fix: hotfix, not rollback`));
      for (const p of fixes) evidence.push(pullEvidence(p, `${fixText(p)} for #${issue.number}`));
    } else {
      fires = true;
      evidence.push(
        issueEvidence(
          issue,
          fixes.length > 0 ? `${age} (fix PRs not counted: clearFixIsHotfix is off)` : `${age}, no fix PR`,
        ),
      );
    }
  }
  return result(id, "rollback", rule, fires, evidence);
}

function sustainedRule(
  facts: Facts,
  id: string,
  metric: string,
  settings: { enabled: boolean; threshold: number; minutes: number },
  direction: "above" | "below",
): RuleResult {
  const { enabled, threshold, minutes } = settings;
  const words = direction === "above" ? `> ${threshold} %` : `< ${threshold} %`;
  const rule = `${metric} ${words} sustained for ${minutes} min (every sample in the window)`;
  if (!enabled) return disabled(id, "rollback", rule);
  const samples = currentSamples(facts, metric);
  if (!samples || samples.length === 0)
    return result(id, "rollback", rule, false, [note(missingMetric(facts, metric))]);
  const window = longestBreach(samples, (v) => (direction === "above" ? v > threshold : v < threshold));
  if (!window) return result(id, "rollback", rule, false, [note(`no ${metric} sample ${words}`)]);
  const first = window.samples[0];
  const last = window.samples[window.samples.length - 1];
  if (!first || !last) return result(id, "rollback", rule, false, []);
  const fires = window.durationMs >= minutes * 60_000;
  const seconds = Math.round(window.durationMs / 1000);
  const length = `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  const summary = `${window.samples.length} consecutive samples ${words} over ${length} (${fires ? "≥" : "<"} ${minutes} min)`;
  const evidence = [metricEvidence(facts, metric, first, `${summary}: first ${first.value} % at ${first.at}`)];
  if (last !== first) evidence.push(metricEvidence(facts, metric, last, `last ${last.value} % at ${last.at}`));
  return result(id, "rollback", rule, fires, evidence);
}

export function errorRate(facts: Facts): RuleResult {
  return sustainedRule(facts, "rollback.error-rate", "error_rate", facts.config.rollback.errorRate, "above");
}

export function uptime(facts: Facts): RuleResult {
  return sustainedRule(facts, "rollback.uptime", "uptime", facts.config.rollback.uptime, "below");
}

export function p1Burst(facts: Facts): RuleResult {
  const { enabled, count, minutes } = facts.config.considerRollback.p1Burst;
  const id = "consider-rollback.p1-burst";
  const rule = `≥ ${count} P1 issues opened within ${minutes} min after the latest release`;
  if (!enabled) return disabled(id, "consider-rollback", rule);
  const release = facts.release;
  if (!release) return result(id, "consider-rollback", rule, false, [note("no published release yet")]);
  const end = release.time + minutes * 60_000;
  // A report closed by now as a duplicate or as not planned is not another bug.
  const dismissed = (i: RestIssue) =>
    !facts.openIssues.includes(i) && (i.state_reason === "duplicate" || i.state_reason === "not_planned");
  const hits = facts.issues.filter((i) => {
    const created = Date.parse(i.created_at);
    return facts.severity.get(i.number) === "P1" && created >= release.time && created <= end && !dismissed(i);
  });
  return result(id, "consider-rollback", rule, hits.length >= count, [
    note(`${hits.length} P1 issue(s) opened between ${release.tag} (${release.publishedAt}) and ${minutes} min later`),
    ...hits.map((i) =>
      issueEvidence(i, `P1 opened ${hoursBetween(release.time, Date.parse(i.created_at))} after ${release.tag}`),
    ),
  ]);
}
