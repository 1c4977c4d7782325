import type { MetricsData } from "../metrics/types.js";
import type { RestComment, RestIssue, RestIssueEvent, RestPull, RestRelease } from "../model/rest.js";

/**
 * The REST lists as they were at an instant, reconstructed from timestamps: what existed, which
 * labels an issue had (later `labeled`/`unlabeled` events undone), whether it was open (the last
 * `closed`/`reopened` event before the instant, else `closed_at`), which PRs were merged and which
 * releases published. This is how a past week is reported (`--backfill`) with the same engines
 * that report the current one. Without events, labels are today's: the best available answer.
 */

export interface RestData {
  issues: readonly RestIssue[];
  /** null when not given: first responses (and so response clocks) are unknown. */
  comments: readonly RestComment[] | null;
  events: readonly RestIssueEvent[];
  pulls: readonly RestPull[];
  releases: readonly RestRelease[];
  metrics: MetricsData | null;
}

export function dataAsOf(data: RestData, at: number): RestData {
  const before = (iso: string | null | undefined) => !!iso && Date.parse(iso) < at;
  const eventsByIssue = new Map<number, RestIssueEvent[]>();
  for (const event of data.events) {
    const number = event.issue?.number;
    if (number === undefined) continue;
    const list = eventsByIssue.get(number) ?? [];
    list.push(event);
    eventsByIssue.set(number, list);
  }
  for (const list of eventsByIssue.values()) list.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));

  const issues = data.issues
    .filter((issue) => before(issue.created_at))
    .map((issue) => issueAt(issue, eventsByIssue.get(issue.number) ?? [], at));
  const pulls = data.pulls
    .filter((pull) => before(pull.created_at))
    .map((pull) => {
      const merged = before(pull.merged_at) ? (pull.merged_at ?? null) : null;
      const closed = before(pull.closed_at) ? (pull.closed_at ?? null) : null;
      return { ...pull, state: closed ? "closed" : "open", merged_at: merged, closed_at: closed } as RestPull;
    });
  const metrics = data.metrics && {
    ...data.metrics,
    metrics: Object.fromEntries(
      Object.entries(data.metrics.metrics).map(([name, series]) => [
        name,
        { ...series, samples: series.samples.filter((s) => s.time < at) },
      ]),
    ),
  };
  return {
    issues,
    comments: data.comments === null ? null : data.comments.filter((c) => before(c.created_at)),
    events: data.events.filter((e) => before(e.created_at)),
    pulls,
    releases: data.releases.filter((r) => !r.draft && before(r.published_at ?? r.created_at)),
    metrics,
  };
}

function issueAt(issue: RestIssue, events: readonly RestIssueEvent[], at: number): RestIssue {
  const labels = new Set(issue.labels);
  for (const event of [...events].reverse()) {
    if (Date.parse(event.created_at) < at) break;
    if (!event.label) continue;
    if (event.event === "labeled") labels.delete(event.label.name);
    else if (event.event === "unlabeled") labels.add(event.label.name);
  }
  const changes = events.filter((e) => e.event === "closed" || e.event === "reopened");
  let closedAt: string | null;
  if (changes.length > 0) {
    const last = changes.filter((e) => Date.parse(e.created_at) < at).at(-1);
    closedAt = last?.event === "closed" ? last.created_at : null;
  } else {
    closedAt = issue.closed_at && Date.parse(issue.closed_at) < at ? issue.closed_at : null;
  }
  const pullRequest = issue.pull_request && {
    ...issue.pull_request,
    merged_at:
      issue.pull_request.merged_at && Date.parse(issue.pull_request.merged_at) < at
        ? issue.pull_request.merged_at
        : null,
  };
  return {
    ...issue,
    labels: [...labels].sort(),
    state: closedAt ? "closed" : "open",
    closed_at: closedAt,
    state_reason: closedAt ? issue.state_reason : null,
    ...(pullRequest ? { pull_request: pullRequest } : {}),
  };
}
