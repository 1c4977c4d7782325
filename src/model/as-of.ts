import type { MetricsData } from "../metrics/types.js";
import type { RepoData } from "./repo-data.js";
import type { RestIssue, RestIssueEvent, RestPull } from "./rest.js";

/**
 * The one as-of reconstruction: the repository as it was at an instant, from timestamps and issue
 * events. Triage, the release criteria and the weekly report all read the world through it, so a
 * replay (`--now`, `LAUNCHGATE_NOW`) or a week rebuilt later sees what was true then:
 *
 * - what existed: issues, PRs, comments, events and releases created (published) at or before `at`;
 * - an issue's labels: today's, with later `labeled`/`unlabeled` events undone;
 * - whether it was open, and why it was closed: the last `closed`/`reopened` event at or before
 *   `at`, with the close's own `state_reason` (a fix reopened later stays a fix in its week; a
 *   not-planned close later re-closed as completed is not a fix before that). Without close events
 *   for an issue, `closed_at` and today's reason stand in;
 * - PRs: merged or closed only when that happened by `at`.
 *
 * `at` is inclusive: something stamped exactly at the instant has happened.
 */
export function worldAt(data: RepoData, at: number): RepoData {
  const happened = (iso: string | null | undefined) => !!iso && Date.parse(iso) <= at;
  const events =
    data.events === null ? null : woundBack(data.events, at, (list) => list.filter((e) => happened(e.created_at)));
  // Issues already wound back to `at` went through their events already (the fixed point below).
  const issues = woundBack(
    data.issues,
    at,
    (list) => {
      const byIssue = eventsByIssue(data.events ?? []);
      return list
        .filter((issue) => happened(issue.created_at))
        .map((issue) => issueAt(issue, byIssue.get(issue.number) ?? [], at));
    },
    events === data.events,
  );
  return {
    issues,
    comments:
      data.comments === null
        ? null
        : woundBack(data.comments, at, (list) => list.filter((c) => happened(c.created_at))),
    events,
    pulls: woundBack(data.pulls, at, (list) =>
      list.filter((pull) => happened(pull.created_at)).map((pull) => pullAt(pull, at)),
    ),
    releases: woundBack(data.releases, at, (list) =>
      list.filter((r) => !r.draft && happened(r.published_at ?? r.created_at)),
    ),
    ...(data.closingRefs ? { closingRefs: data.closingRefs } : {}),
  };
}

/**
 * The lists worldAt made, by the instant they were wound back to. Winding a list back to its own
 * instant again changes nothing (the reconstruction is a fixed point), so it is passed on as it is:
 * the weekly report winds the world back once per week, and the triage and criteria it runs on that
 * world (each winds its input back, for their own entry points) reuse it instead of copying every
 * issue twice more. Weak: a list is forgotten with the world it belongs to.
 */
const wound = new WeakMap<object, number>();

function woundBack<T>(
  list: readonly T[],
  at: number,
  rewind: (list: readonly T[]) => T[],
  reusable = true,
): readonly T[] {
  if (reusable && wound.get(list) === at) return list;
  const out = rewind(list);
  wound.set(out, at);
  return out;
}

/** Metric samples taken at or before `at`. */
export function metricsAt(metrics: MetricsData | null, at: number): MetricsData | null {
  if (!metrics) return null;
  const series = Object.create(null) as MetricsData["metrics"];
  for (const [name, s] of Object.entries(metrics.metrics))
    series[name] = { ...s, samples: s.samples.filter((p) => p.time <= at) };
  return { ...metrics, metrics: series };
}

/** Events per issue number, oldest first (list order breaks ties: GitHub lists same-second events in order). */
export function eventsByIssue(events: readonly RestIssueEvent[]): Map<number, RestIssueEvent[]> {
  const out = new Map<number, RestIssueEvent[]>();
  for (const event of events) {
    const number = event.issue?.number;
    if (number === undefined) continue;
    const list = out.get(number) ?? [];
    list.push(event);
    out.set(number, list);
  }
  for (const list of out.values()) list.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
  return out;
}

function issueAt(issue: RestIssue, events: readonly RestIssueEvent[], at: number): RestIssue {
  const labels = new Set(issue.labels);
  for (const event of [...events].reverse()) {
    if (Date.parse(event.created_at) <= at) break;
    if (!event.label) continue;
    if (event.event === "labeled") labels.delete(event.label.name);
    else if (event.event === "unlabeled") labels.add(event.label.name);
  }
  const { closedAt, reason } = closeAt(issue, events, at);
  const state = closedAt ? "closed" : "open";
  const labelsAt = sameSorted(issue.labels, labels) ? issue.labels : [...labels].sort();
  // Unchanged at `at` (most issues, for the week now): the issue itself, not a copy (memory).
  if (
    !issue.pull_request &&
    labelsAt === issue.labels &&
    state === issue.state &&
    closedAt === issue.closed_at &&
    reason === issue.state_reason
  )
    return issue;
  const pullRequest = issue.pull_request && {
    ...issue.pull_request,
    merged_at:
      issue.pull_request.merged_at && Date.parse(issue.pull_request.merged_at) <= at
        ? issue.pull_request.merged_at
        : null,
  };
  return {
    ...issue,
    labels: labelsAt,
    state,
    closed_at: closedAt,
    state_reason: reason,
    ...(pullRequest ? { pull_request: pullRequest } : {}),
  };
}

/** Whether `list` is sorted, without repeats, and holds exactly the labels of `set`. */
function sameSorted(list: readonly string[], set: ReadonlySet<string>): boolean {
  if (list.length !== set.size) return false;
  for (let i = 0; i < list.length; i++) {
    const label = list[i] as string;
    if (!set.has(label) || (i > 0 && !((list[i - 1] as string) < label))) return false;
  }
  return true;
}

/** When the issue was closed at `at` (null while open) and the reason of that close. */
function closeAt(
  issue: RestIssue,
  events: readonly RestIssueEvent[],
  at: number,
): { closedAt: string | null; reason: string | null } {
  const changes = events.filter((e) => e.event === "closed" || e.event === "reopened");
  if (changes.length === 0) {
    const closed = issue.state === "closed" ? (issue.closed_at ?? issue.updated_at ?? null) : null;
    return closed && Date.parse(closed) <= at
      ? { closedAt: closed, reason: issue.state_reason ?? null }
      : { closedAt: null, reason: null };
  }
  const last = changes.filter((e) => Date.parse(e.created_at) <= at).at(-1);
  if (last?.event !== "closed") return { closedAt: null, reason: null };
  // An event without a reason (older exports): today's reason belongs to today's close only.
  const current = last === changes.at(-1) && issue.state === "closed";
  const reason = last.state_reason !== undefined && last.state_reason !== null ? last.state_reason : null;
  return { closedAt: last.created_at, reason: reason ?? (current ? (issue.state_reason ?? null) : null) };
}

function pullAt(pull: RestPull, at: number): RestPull {
  const merged = pull.merged_at && Date.parse(pull.merged_at) <= at ? pull.merged_at : null;
  const closed = pull.closed_at && Date.parse(pull.closed_at) <= at ? pull.closed_at : null;
  const state = closed ? "closed" : "open";
  if (state === pull.state && merged === pull.merged_at && closed === pull.closed_at) return pull;
  return { ...pull, state, merged_at: merged, closed_at: closed };
}
