import type { LaunchConfig } from "../launch/config.js";
import type { MetricsData } from "../metrics/types.js";
import { metricsAt, worldAt } from "../model/as-of.js";
import type { RestIssue, RestIssueEvent, RestPull, RestRelease } from "../model/rest.js";
import type { TriageConfig } from "../triage/config.js";
import { type SeverityLabelTimes, severityLabelTimes } from "../triage/label-times.js";
import { uniqueByNumber } from "../triage/unique.js";
import { closingIssueNumbers } from "./closing-keywords.js";
import type { CriteriaConfig } from "./config.js";
import type { Severity, SeverityOf } from "./severity.js";
import type { SlaBreachSummary } from "./sla.js";

/** Everything the rules read, as of `now`. */
export interface CriteriaInput {
  issues: readonly RestIssue[];
  pulls: readonly RestPull[];
  releases: readonly RestRelease[];
  metrics: MetricsData | null;
  now: Date;
  launch: LaunchConfig;
  severityOf: SeverityOf;
  /** Triage settings: severity labels, for when an issue first became a P0. */
  triage: TriageConfig;
  /** Issue events (labels, closes, reopens): the world is wound back to `now` with them; null when unknown. */
  events?: readonly RestIssueEvent[] | null | undefined;
  /** The repository: `Fixes owner/name#N` and full issue URLs in PR bodies count when they name it. */
  repo?: { owner: string; name: string } | null | undefined;
  /** Live: PR number → issues it closes (GraphQL closingIssuesReferences). Offline: read from PR bodies. */
  closingRefs?: ReadonlyMap<number, readonly number[]> | undefined;
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
  /** The input as it was at `now` (issues, PRs, releases, metrics wound back). */
  input: CriteriaInput;
  config: CriteriaConfig;
  now: number;
  /** When each issue first got each severity label, from events at or before `now`. */
  labelled: SeverityLabelTimes;
  release: Release | null;
  /** Issues (not PRs) that exist at `now`. */
  issues: RestIssue[];
  severity: Map<number, Severity | null>;
  openIssues: RestIssue[];
  /** PRs merged at or before `now` and after the latest release (all, when there is none). */
  mergedSinceRelease: RestPull[];
  openPulls: RestPull[];
  /** Open PRs and PRs merged by `now` (into any branch): a fix in hand. */
  fixPulls: RestPull[];
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
 * Rebuilds the world as it was at `now` (model/as-of.ts, so `--now` replays history): issues and
 * PRs created later do not exist, ones closed or merged later are still open, labels and close
 * reasons are those of the time.
 */
export function collectFacts(raw: CriteriaInput, config: CriteriaConfig): Facts {
  const now = raw.now.getTime();
  const world = worldAt(
    { issues: raw.issues, comments: null, events: raw.events ?? null, pulls: raw.pulls, releases: raw.releases },
    now,
  );
  const input: CriteriaInput = {
    ...raw,
    issues: world.issues,
    pulls: world.pulls,
    releases: world.releases,
    metrics: metricsAt(raw.metrics, now),
  };
  const release = latestRelease(input.releases, now, config.includePrereleases);
  const since = release?.time ?? Number.NEGATIVE_INFINITY;
  const issues = uniqueByNumber(input.issues).filter((i) => !i.pull_request);
  const isOpen = (item: { state: string; closed_at?: string | null | undefined }) => openAt(item, now);
  const severity = new Map(issues.map((i) => [i.number, input.severityOf(i)]));
  const pulls = uniqueByNumber(input.pulls);
  const mergedAt = (p: RestPull) => at(p.merged_at);
  const mergedSinceRelease = pulls.filter((p) => mergedAt(p) <= now && mergedAt(p) > since);
  const openPulls = pulls.filter((p) => isOpen(p) && !(mergedAt(p) <= now));
  const fixPulls = pulls.filter((p) => isOpen(p) || mergedAt(p) <= now);
  // Memoised: rules ask once per open P0 and PR, and reading the body parses its Markdown.
  const closing = new Map<RestPull, readonly number[]>();
  const closes = (pull: RestPull) => {
    let numbers = closing.get(pull);
    if (!numbers) {
      numbers = input.closingRefs?.get(pull.number) ?? closingIssueNumbers(pull.body, input.repo ?? null);
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
    labelled: severityLabelTimes(world.events ?? [], raw.now, raw.triage),
    release,
    issues,
    severity,
    openIssues: issues.filter(isOpen),
    mergedSinceRelease,
    openPulls,
    fixPulls,
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
  const labelled = facts.labelled.get(issue.number)?.P0;
  return labelled !== undefined && labelled > created ? labelled : created;
}
