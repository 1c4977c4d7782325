import { evidenceLabel } from "../criteria/format/text.js";
import type { CriteriaResult, Evidence } from "../criteria/result.js";
import type { CheckFileResult } from "../gates/result.js";
import { stabilizationPhase } from "../launch/stabilization.js";
import { ownEntry } from "../metrics/by-name.js";
import type { MetricsData } from "../metrics/types.js";
import { PERCENT_METRICS } from "../metrics/types.js";
import { weekSourceFields } from "../metrics/week-record.js";
import type { RestIssue, RestPull, RestRelease } from "../model/rest.js";
import {
  SEVERITIES,
  type Severity,
  type SeverityCounts,
  type SlaBreach,
  type SlaSeverity,
  SNAPSHOT_SCHEMA_VERSION,
  type Snapshot,
  type SnapshotGate,
  type SnapshotMetric,
  type SnapshotOpenIssue,
  type SnapshotRuleEvidence,
} from "../snapshot/schema.js";
import type { WeekBefore } from "../snapshot/week-before.js";
import { weekBounds } from "../time/weeks.js";
import { isoInZone } from "../time/zone.js";
import { isBot } from "../triage/responders.js";
import type { TriagedIssue, TriageResult } from "../triage/result.js";
import { type Period, periodForDay, type ReportConfig } from "./config.js";
import { notesFromLabels, type WeekNotes } from "./notes.js";
import { metricEntry, weekStatus } from "./status.js";

/**
 * One week's snapshot from plain data, with no I/O: the REST lists as they were at the week's end
 * (see as-of.ts), the triage result and release decision at that instant, gate results, metrics
 * and notes. The week ends at min(week end, now): the current week is reported as far as it has gone.
 */

export interface WeekInput {
  repo: { owner: string; name: string; url: string };
  weekId: string;
  timeZone: string;
  launchDate: string | null;
  /** The instant the week is judged at (its last instant, or now while it runs): every figure is taken then. */
  at: Date;
  now: Date;
  issues: readonly RestIssue[];
  pulls: readonly RestPull[];
  releases: readonly RestRelease[];
  /** Severity of an issue (the triage classifier). */
  severityOf: (issue: RestIssue) => Severity | null;
  /** Triage (SLA clocks) evaluated at the week's end; null when unknown. */
  triage: TriageResult | null;
  /** False when no comments were given: response clocks are then unknown and left out. */
  responsesKnown: boolean;
  /** The release decision at the week's end; null when unknown. */
  release: CriteriaResult | null;
  gates: readonly GateInput[];
  metrics: MetricsData | null;
  /** Parsed `launch/notes/<week>.md`, when the file exists. */
  notes: WeekNotes | null;
  /** Stargazers now (only meaningful for the current week); null when unknown. */
  stars: number | null;
  previous: WeekBefore | null;
  /** Reconstructed later: current-only figures (downloads, stars) become unknown. */
  backfilled: boolean;
  config: ReportConfig;
}

export interface GateInput {
  result: CheckFileResult;
  /** Item line → login whose change ticked it, when attribution was verified. */
  signedOffBy?: ReadonlyMap<number, string>;
  /** The commit SHA the gate file was read at, when known (links to its lines on GitHub). */
  ref?: string;
}

/** The open-issue list is capped so a snapshot stays small; the rest is counted in `openOmitted`. */
export const OPEN_LIST_LIMIT = 1000;

const DAY_MS = 24 * 60 * 60 * 1000;
const SEVERITY_ORDER: Record<string, number> = { P0: 0, P1: 1, P2: 2, P3: 3 };

export function aggregateWeek(input: WeekInput): Snapshot {
  const bounds = weekBounds(input.weekId, input.timeZone);
  const start = bounds.start.getTime();
  const asOf = input.at.getTime();
  const inWeek = (iso: string | null | undefined) => !!iso && Date.parse(iso) >= start && Date.parse(iso) <= asOf;

  const launch = launchInfo(input.launchDate, asOf, input.timeZone);
  const period = periodForDay(launch.day);
  const issues = input.issues.filter((i) => !i.pull_request && Date.parse(i.created_at) <= asOf);
  const facts = issues.map((issue) => ({
    issue,
    labels: issue.labels,
    severity: input.severityOf(issue),
    open: issue.state === "open",
  }));

  const bySeverity = emptyCounts();
  for (const { issue, severity, open } of facts) {
    const counts = bySeverity[severity ?? "untriaged"];
    counts.open = (counts.open ?? 0) + (open ? 1 : 0);
    counts.new = (counts.new ?? 0) + (inWeek(issue.created_at) ? 1 : 0);
    counts.fixed = (counts.fixed ?? 0) + (!open && isFixed(issue) && inWeek(issue.closed_at) ? 1 : 0);
  }

  const triaged = new Map((input.triage?.issues ?? []).map((t) => [t.number, t]));
  const open = facts
    .filter((f) => f.open)
    .sort(
      (a, b) =>
        (SEVERITY_ORDER[a.severity ?? ""] ?? 4) - (SEVERITY_ORDER[b.severity ?? ""] ?? 4) ||
        Date.parse(a.issue.created_at) - Date.parse(b.issue.created_at),
    );
  const openList: SnapshotOpenIssue[] = open.slice(0, OPEN_LIST_LIMIT).map(({ issue, labels, severity }) => {
    const t = triaged.get(issue.number);
    return {
      number: issue.number,
      title: issue.title,
      url: issueUrl(input, issue),
      severity,
      phase: t?.phase ?? null,
      labels: [...labels],
      createdAt: issue.created_at,
      triage: t && !t.triaged ? clockOf(t.triage) : null,
      response: t?.severity && input.responsesKnown ? clockOf(t.response) : null,
      resolution: t?.severity ? clockOf(t.resolution) : null,
    };
  });

  const sla = slaSummary(input.triage, start, asOf, input.responsesKnown, (n) => issueUrlByNumber(input, n));
  const metrics = weekMetrics(input, period, start, asOf);
  const p0 = bySeverity.P0.open;
  const p1 = bySeverity.P1.open;
  const firstFired = input.release?.rules.find((r) => r.level === input.release?.decision && r.outcome !== "pass");
  const decision = input.release ? { decision: input.release.decision, rule: firstFired?.rule ?? null } : null;
  const status = weekStatus({ period, p0Open: p0, p1Open: p1, metrics, decision }, input.config);

  const downloadsTotal = input.backfilled ? null : releaseDownloads(input.releases, asOf);
  const stars = input.backfilled ? null : input.stars;
  const community = communityPulls(input, inWeek);
  const notes = weekNotes(input, facts, inWeek, open);
  const generatedAt = input.now.toISOString();
  const cadence = input.config.cadence_days;

  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    generatedAt,
    backfilled: input.backfilled,
    previousWeek: input.previous?.week.id ?? null,
    schedule: {
      cadenceDays: cadence,
      staleAfter: new Date(input.now.getTime() + (cadence + input.config.stale_grace_days) * DAY_MS).toISOString(),
    },
    repo: {
      owner: input.repo.owner,
      name: input.repo.name,
      fullName: `${input.repo.owner}/${input.repo.name}`,
      url: input.repo.url,
    },
    week: {
      id: input.weekId,
      start: isoInZone(bounds.start, input.timeZone),
      end: isoInZone(bounds.end, input.timeZone),
      timeZone: input.timeZone,
    },
    launch,
    status,
    gates: input.gates.map(toSnapshotGate),
    issues: {
      bySeverity,
      untriaged: bySeverity.untriaged.open,
      open: openList,
      openOmitted: Math.max(0, open.length - OPEN_LIST_LIMIT),
    },
    sla,
    release: releaseSummary(input),
    metrics,
    downloads: { total: downloadsTotal, delta: difference(downloadsTotal, input.previous?.downloads.total) },
    stars: { total: stars, delta: difference(stars, input.previous?.stars.total) },
    community,
    notes,
  };
}

function launchInfo(launchDate: string | null, asOf: number, timeZone: string): Snapshot["launch"] {
  if (!launchDate) return { date: null, day: null, phase: null };
  // The instant the week is judged at, so a finished week reports its Sunday's T+N.
  const info = stabilizationPhase(launchDate, new Date(asOf), timeZone);
  return { date: launchDate, day: info.day, phase: info.phase };
}

function emptyCounts(): Record<Severity | "untriaged", SeverityCounts> {
  const zero = (): SeverityCounts => ({ open: 0, new: 0, fixed: 0 });
  return { P0: zero(), P1: zero(), P2: zero(), P3: zero(), untriaged: zero() };
}

/** Closed as completed (GitHub's default; older issues have no reason and count as fixed). */
function isFixed(issue: RestIssue): boolean {
  return issue.state_reason === "completed" || issue.state_reason === null || issue.state_reason === undefined;
}

function clockOf(clock: TriagedIssue["response"]): SnapshotOpenIssue["response"] {
  return { state: clock.state, dueAt: clock.dueAt };
}

/**
 * The week's SLA figures at the instant it is judged at:
 * - `breaches`: triage's SLA breaches at that instant, exactly (the one definition: clocks still
 *   running past their target), so the report, the site, `launchgate triage` and readiness agree;
 * - `missed`: clocks missed this week (ended in the week after their target);
 * - compliance per severity over the response and resolution clocks that ended in the week or
 *   still run at its end. Response clocks are left out when no comments were given.
 */
export function slaSummary(
  triage: TriageResult | null,
  start: number,
  asOf: number,
  responsesKnown: boolean,
  urlOf: (number: number) => string,
): Snapshot["sla"] {
  const counts = Object.fromEntries(
    SEVERITIES.map((s) => [s, { met: 0, missed: 0, pending: 0, breached: 0, compliance: null }]),
  ) as Record<Severity, SlaSeverity>;
  const byNumber = new Map((triage?.issues ?? []).map((i) => [i.number, i]));
  const url = (issue: { number: number; url: string | null }) => httpUrlOr(issue.url, () => urlOf(issue.number));
  const breaches: SlaBreach[] = (triage?.breaches ?? []).map((b) => ({
    number: b.number,
    title: b.title,
    url: url(b),
    severity: b.severity,
    clock: b.clock,
    dueAt: b.dueAt,
    stoppedAt: null,
  }));
  const missed: SlaBreach[] = [];
  for (const issue of triage?.issues ?? []) {
    if (Date.parse(issue.createdAt) > asOf) continue;
    const clocks = issue.severity
      ? ([
          ["response", issue.response],
          ["resolution", issue.resolution],
        ] as const)
      : ([["triage", issue.triage]] as const);
    for (const [name, clock] of clocks) {
      if (name === "response" && !responsesKnown) continue;
      const ended = clock.at !== null ? Date.parse(clock.at) : null;
      if (ended !== null && (ended < start || ended > asOf)) continue;
      if (issue.severity && clock.state !== "stopped") counts[issue.severity][clock.state] += 1;
      if (clock.state === "missed" && clock.dueAt) {
        missed.push({
          number: issue.number,
          title: issue.title,
          url: url(byNumber.get(issue.number) ?? issue),
          severity: issue.severity,
          clock: name,
          dueAt: clock.dueAt,
          stoppedAt: clock.at,
        });
      }
    }
  }
  for (const severity of SEVERITIES) {
    const c = counts[severity];
    const due = c.met + c.missed + c.breached;
    c.compliance = due === 0 ? null : Math.round((c.met / due) * 1000) / 10;
  }
  const order = (a: SlaBreach, b: SlaBreach) =>
    (SEVERITY_ORDER[a.severity ?? ""] ?? 4) - (SEVERITY_ORDER[b.severity ?? ""] ?? 4) ||
    Date.parse(a.dueAt) - Date.parse(b.dueAt);
  return { bySeverity: counts, breaches: breaches.sort(order), missed: missed.sort(order) };
}

/**
 * The metrics the week is judged on: the must-haves, the targets of the week's period and every
 * series in the metrics file. A value is the latest sample in the week. `downloads` falls back
 * to release asset downloads and `community_pulls` to merged PRs by non-members.
 */
function weekMetrics(input: WeekInput, period: Period, start: number, asOf: number): SnapshotMetric[] {
  const mustHave = input.config.status.must_have.metrics;
  const targets = input.config.status.targets[period];
  const series = input.metrics?.metrics ?? {};
  const unknown = input.metrics?.unknown ?? {};
  const names = [
    ...new Set([...Object.keys(mustHave), ...Object.keys(targets), ...Object.keys(series), ...Object.keys(unknown)]),
  ];
  const computed: Record<string, () => number | null> = {
    downloads: () => (input.backfilled ? null : releaseDownloads(input.releases, asOf)),
    community_pulls: () =>
      communityPulls(input, (iso) => !!iso && Date.parse(iso) >= start && Date.parse(iso) <= asOf).mergedPulls,
    stars: () => (input.backfilled ? null : input.stars),
  };
  return names.map((name) => {
    const s = ownEntry(series, name);
    const inWeek = s?.samples.filter((p) => p.time >= start && p.time <= asOf) ?? [];
    const sample = inWeek.at(-1);
    const value = sample ? sample.value : s ? null : (ownEntry(computed, name)?.() ?? null);
    const unit = (PERCENT_METRICS as readonly string[]).includes(name) ? "%" : (s?.unit ?? "");
    const mustHaveTarget = ownEntry(mustHave, name);
    const entry = mustHaveTarget
      ? metricEntry(name, value, unit, mustHaveTarget, "must-have")
      : metricEntry(name, value, unit, ownEntry(targets, name) ?? s?.target ?? null, "target");
    return {
      ...entry,
      ...weekSourceFields(input.metrics, name, start, asOf),
      worst: worstOf(
        entry,
        inWeek.map((p) => p.value),
      ),
    };
  });
}

/** Metrics whose good direction is known without a target. */
const LOWER_IS_BETTER = new Set(["error_rate", "crash_rate"]);
const HIGHER_IS_BETTER = new Set(["uptime"]);

/**
 * The week's worst sample, so trends show the spike behind a rollback and not only where the week
 * ended: the highest value of a metric that must stay low (error rate), the lowest of one that must
 * stay high (uptime). null without samples or a known direction.
 */
function worstOf(metric: SnapshotMetric, values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const lower = metric.comparison === "<" || metric.comparison === "<=" || LOWER_IS_BETTER.has(metric.name);
  const higher = metric.comparison === ">" || metric.comparison === ">=" || HIGHER_IS_BETTER.has(metric.name);
  if (lower === higher) return null;
  // reduce, not Math.max(...values): a week of fine-grained samples is too many arguments.
  return values.reduce((worst, v) => (lower ? Math.max(worst, v) : Math.min(worst, v)));
}

/** Total release asset downloads of releases published by `asOf` (GitHub keeps only totals). */
export function releaseDownloads(releases: readonly RestRelease[], asOf: number): number | null {
  const published = releases.filter((r) => !r.draft && r.published_at && Date.parse(r.published_at) <= asOf);
  if (published.length === 0) return null;
  return published.reduce((sum, r) => sum + r.assets.reduce((s, a) => s + a.download_count, 0), 0);
}

function communityPulls(input: WeekInput, inWeek: (iso: string | null | undefined) => boolean): Snapshot["community"] {
  const members = new Set(input.config.members.map((m) => m.toUpperCase()));
  const pulls = input.pulls
    .filter(
      (p) =>
        inWeek(p.merged_at) &&
        p.user !== null &&
        !isBot(p.user) &&
        !members.has((p.author_association ?? "NONE").toUpperCase()),
    )
    .sort((a, b) => Date.parse(a.merged_at as string) - Date.parse(b.merged_at as string))
    .map((p) => ({
      number: p.number,
      title: p.title,
      url: httpUrlOr(p.html_url, () => `${repoUrl(input)}/pull/${p.number}`),
      author: p.user?.login ?? "ghost",
      mergedAt: p.merged_at as string,
    }));
  return { mergedPulls: pulls.length, pulls };
}

function weekNotes(
  input: WeekInput,
  facts: readonly { issue: RestIssue; labels: string[]; severity: Severity | null }[],
  inWeek: (iso: string | null | undefined) => boolean,
  open: readonly { issue: RestIssue; severity: Severity | null }[],
): Snapshot["notes"] {
  if (input.notes) return { ...input.notes, source: "notes-file" };
  const items = [
    ...facts.map(({ issue, labels }) => ({
      number: issue.number,
      title: issue.title,
      labels,
      active: inWeek(issue.created_at) || inWeek(issue.closed_at),
    })),
    ...input.pulls.map((p) => ({
      number: p.number,
      title: p.title,
      labels: p.labels,
      active: inWeek(p.created_at) || inWeek(p.merged_at) || inWeek(p.closed_at),
    })),
  ];
  const labeled = notesFromLabels(items, input.config.labels);
  // Next week's focus without a notes file: the most severe open issues.
  const focus = open
    .filter((o) => o.severity === "P0" || o.severity === "P1")
    .slice(0, 3)
    .map((o) => `Fix ${o.severity} ${o.issue.title} (#${o.issue.number})`);
  const any = labeled.highlights.length + labeled.challenges.length + focus.length > 0;
  return { ...labeled, focus, source: any ? "labels" : "none" };
}

function releaseSummary(input: WeekInput): Snapshot["release"] {
  const result = input.release;
  if (!result) return { decision: null, readiness: null, readinessNote: null, fired: [] };
  return {
    decision: result.decision,
    readiness: result.readiness,
    readinessNote: result.readinessNote,
    fired: result.rules
      .filter((r) => r.outcome !== "pass")
      .map((r) => ({
        id: r.id,
        outcome: r.outcome as "fire" | "consider",
        reason: [r.rule, ...r.evidence.map((e) => e.text)].join(" — "),
        rule: r.rule,
        evidence: r.evidence.map((e) => ruleEvidence(input, e)),
      })),
  };
}

/** Evidence as the site shows it: the CLI's label ("issue #164") and a link to what it names. */
function ruleEvidence(input: WeekInput, e: Evidence): SnapshotRuleEvidence {
  const numbered = e.kind === "issue" || e.kind === "pull";
  const url = "url" in e ? e.url : null;
  return {
    kind: e.kind,
    label: evidenceLabel(e),
    title: numbered ? e.title : null,
    // Issue URLs also reach pull requests: GitHub redirects /issues/N to /pull/N.
    url: numbered
      ? httpUrlOr(url, () => issueUrlByNumber(input, e.number))
      : url && /^https?:\/\//.test(url)
        ? url
        : null,
    text: e.text,
  };
}

function toSnapshotGate({ result, signedOffBy, ref }: GateInput): SnapshotGate {
  // Tasks are named by the outermost heading, or the one below a single document title (gates/tasks.ts).
  const outermost = new Set(result.items.map((i) => i.headings[0]));
  const level = outermost.size === 1 && result.items.some((i) => i.headings.length > 1) ? 1 : 0;
  const taskOf = (headings: readonly string[]) => headings[level] ?? headings.at(-1) ?? "(no heading)";
  const tasks = result.tasks.map((task) => ({
    ...task,
    items: result.items
      .filter((item) => taskOf(item.headings) === task.heading)
      .map((item) => ({
        line: item.line,
        text: item.text,
        checked: item.checked,
        owners: item.owners,
        optional: item.optional,
        waived: item.waived,
        signedOffBy: item.checked ? (signedOffBy?.get(item.line) ?? null) : null,
        headings: item.headings,
        blocking: item.blocking,
        waiverReason: item.waiverReason,
      })),
  }));
  return {
    id: result.gate.id,
    title: result.gate.title,
    path: result.path,
    total: result.total,
    done: result.done,
    required: result.required,
    requiredDone: result.requiredDone,
    passed: result.passed,
    tasks,
    ...(ref ? { ref } : {}),
  };
}

function difference(now: number | null, before: number | null | undefined): number | null {
  return now === null || before === null || before === undefined ? null : now - before;
}

function repoUrl(input: WeekInput): string {
  return input.repo.url;
}

function issueUrl(input: WeekInput, issue: RestIssue): string {
  return httpUrlOr(issue.html_url, () => issueUrlByNumber(input, issue.number));
}

/** An export's URL is untrusted: only an http(s) one is kept (the snapshot schema accepts nothing else). */
function httpUrlOr(url: string | null | undefined, fallback: () => string): string {
  return url && /^https?:\/\//.test(url) ? url : fallback();
}

function issueUrlByNumber(input: WeekInput, number: number): string {
  return `${repoUrl(input)}/issues/${number}`;
}
