import { openAt } from "../../criteria/facts.js";
import type { SeverityOf } from "../../criteria/severity.js";
import { call, type GitHubClient } from "../../github/client.js";
import type { Repo } from "../../github/contents.js";
import { type RestIssue, type RestIssueEvent, restIssueEventSchema } from "../../model/rest.js";

/**
 * The label events of the issues that are open P0s at `now`: "P0 open longer than 4 h" counts
 * from an issue's first P0 label, which the issue lists do not carry. One paginated request per
 * open P0 (usually none or a few), instead of the repository's whole event history. Any failure
 * fails the run: a P0 clock guessed from creation could force a rollback.
 */
export async function fetchP0LabelEvents(
  client: GitHubClient,
  repo: Repo,
  issues: readonly RestIssue[],
  severityOf: SeverityOf,
  now: Date,
): Promise<RestIssueEvent[]> {
  const at = now.getTime();
  const openAtNow = (i: RestIssue) => !i.pull_request && Date.parse(i.created_at) <= at && openAt(i, at);
  const p0s = issues.filter((i) => openAtNow(i) && severityOf(i) === "P0");
  const events: RestIssueEvent[] = [];
  for (const issue of new Map(p0s.map((i) => [i.number, i])).values()) {
    const what = `listing the label events of issue #${issue.number}`;
    const data = await call(what, () =>
      client.octokit.paginate("GET /repos/{owner}/{repo}/issues/{issue_number}/events", {
        ...repo,
        issue_number: issue.number,
        per_page: 100,
      }),
    );
    // Validated like the CLI's --events file, so a surprising API shape fails the run.
    const labelEvents = restIssueEventSchema.array().parse(data);
    // Per-issue lists do not name the issue; the severity label times are keyed by it.
    for (const event of labelEvents) events.push({ ...event, issue: { number: issue.number } });
  }
  return events;
}
