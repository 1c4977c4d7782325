import type { MetricsData } from "../metrics/types.js";
import type { RestIssue, RestPull, RestRelease } from "../model/rest.js";
import { uniqueByNumber } from "../triage/unique.js";
import { closingIssueNumbers } from "./closing-keywords.js";
import type { CriteriaConfig } from "./config.js";
import type { Severity, SeverityLabelTimes, SeverityOf } from "./severity.js";
import type { SlaBreachSummary } from "./sla.js";

/** Everything the rules read, as of `now`. */
export interface CriteriaInput {
  issues: readonly RestIssue[];
  pulls: readonly RestPull[];
  releases: readonly RestRelease[];
  metrics: MetricsData | null;
  now: Date;
  launch: { date?: string | undefined; timezone: string };
  severityOf: SeverityOf;
  /** When each issue first got each severity label (`severityLabelTimes`); absent without events. */
  severityLabelled?: SeverityLabelTimes | null;
  /** Live: PR number → issues it closes (GraphQL closingIssuesReferences). Offline: `Fixes #N` in bodies. */
  closingRefs?: ReadonlyMap<number, readonly number[]>;
  /** Gate completion for readiness; null/absent when no gate was evaluated. */
  gates?: readonly { id: string; required: number; requiredDone: number }[] | null;
  /** SLA breaches for readiness (see sla.ts); null/absent when unknown. */
  sla?: SlaBreachSummary | null;
  /** Link to a line of the metrics file (the Action links into the repository). */
  metricUrl?: (file: string, line: number) => string | null;
}

export interface Release {
  tag: string;
  publishedAt: string;
  time: number;
  url: string | null;
}

export interface Facts {
  input: CriteriaInput;
  config: CriteriaConfig;
  now: number;
  release: Release | null;
  /** Issues (not PRs) that exist at `now`. */
  issues: RestIssue[];
  severity: Map<number, Severity | null>;
  openIssues: RestIssue[];
  /** PRs merged at or before `now` and after the latest release (all, when there is none). */
  mergedSinceRelease: RestPull[];
  openPulls: RestPull[];
  closes: (pull: RestPull) => readonly number[];
  /** Issues fixed since the latest release → the merged PRs that closed them. */
  fixedSinceRelease: Map<number, { issue: RestIssue; pulls: RestPull[] }>;
}

const at = (iso: string | null | undefined) => (iso ? Date.parse(iso) : Number.NaN);

/** The latest published, non-draft release at or before `now`. */
export function latestRelease(
  releases: readonly RestRelease[],
  now: number,
  includePrereleases: boolean,
): Release | null {
  let best: Release | null = null;
  for (const r of releases) {
    if (r.draft || !r.published_at || (r.prerelease && !includePrereleases)) continue;
    const time = at(r.published_at);
    if (time > now) continue;
    if (!best || time > best.time)
      best = { tag: r.tag_name, publishedAt: r.published_at, time, url: r.html_url ?? null };
  }
  return best;
}

/** Label match ignores case: `Security` and `security` are the same label to people. */
export function hasLabel(item: { labels: string[] }, wanted: readonly string[]): boolean {
  const set = new Set(wanted.map((l) => l.toLowerCase()));
  return item.labels.some((l) => set.has(l.toLowerCase()));
}

/**
 * Rebuilds the world as it was at `now` (so `--now` replays history): issues and PRs created
 * later do not exist, ones closed or merged later are still open.
 */
export function collectFacts(input: CriteriaInput, config: CriteriaConfig): Facts {
  const now = input.now.getTime();
  const release = latestRelease(input.releases, now, config.includePrereleases);
  const since = release?.time ?? Number.NEGATIVE_INFINITY;
  const issues = uniqueByNumber(input.issues).filter((i) => !i.pull_request && at(i.created_at) <= now);
  const isOpen = (item: { state: string; closed_at?: string | null | undefined }) => openAt(item, now);
  const severity = new Map(issues.map((i) => [i.number, input.severityOf(i)]));
  const pulls = uniqueByNumber(input.pulls).filter((p) => at(p.created_at) <= now);
  const mergedAt = (p: RestPull) => at(p.merged_at);
  const mergedSinceRelease = pulls.filter((p) => mergedAt(p) <= now && mergedAt(p) > since);
  const openPulls = pulls.filter((p) => isOpen(p) && !(mergedAt(p) <= now));
  // Memoised: rules ask once per open P0 and PR, and reading the body parses its Markdown.
  const closing = new Map<RestPull, readonly number[]>();
  const closes = (pull: RestPull) => {
    let numbers = closing.get(pull);
    if (!numbers) {
      numbers = input.closingRefs?.get(pull.number) ?? closingIssueNumbers(pull.body);
      closing.set(pull, numbers);
    }
    return numbers;
  };

  const byNumber = new Map(issues.map((i) => [i.number, i]));
  const fixedSinceRelease = new Map<number, { issue: RestIssue; pulls: RestPull[] }>();
  for (const pull of mergedSinceRelease) {
    for (const number of closes(pull)) {
      const issue = byNumber.get(number);
      if (!issue || isOpen(issue) || !(at(issue.closed_at) > since)) continue;
      if (issue.state_reason && issue.state_reason !== "completed") continue;
      const entry = fixedSinceRelease.get(number) ?? { issue, pulls: [] };
      entry.pulls.push(pull);
      fixedSinceRelease.set(number, entry);
    }
  }
  return {
    input,
    config,
    now,
    release,
    issues,
    severity,
    openIssues: issues.filter(isOpen),
    mergedSinceRelease,
    openPulls,
    closes,
    fixedSinceRelease,
  };
}

/** Whether an issue or PR is open at `now` (epoch ms): a close after `now` has not happened yet. */
export function openAt(item: { state: string; closed_at?: string | null | undefined }, now: number): boolean {
  return item.state === "open" || !(at(item.closed_at) <= now);
}

/**
 * When an issue became a P0: its first P0 label (an escalated issue's clock starts there), or its
 * creation when it was created with one or no label events are known.
 */
export function p0Since(facts: Facts, issue: RestIssue): number {
  const created = Date.parse(issue.created_at);
  const labelled = facts.input.severityLabelled?.get(issue.number)?.P0;
  return labelled !== undefined && labelled > created ? labelled : created;
}
