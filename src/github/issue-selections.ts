import { commentIssueNumber, restIssueEventSchema } from "../model/rest.js";
import { call, type GitHubClient } from "./client.js";
import type { Repo } from "./contents.js";
import { fetchIssues, type IssueSelection, noIssues, type SweptIssues } from "./issues-sweep.js";

/**
 * Issues (with comments and events) of several selections, as one list: triage's sweep and the
 * criteria read the repository's issues through this, so both see the same issues the same way.
 */
export async function fetchIssueSelections(
  client: GitHubClient,
  repo: Repo,
  selections: readonly IssueSelection[],
): Promise<SweptIssues> {
  const parts: SweptIssues[] = [];
  for (const selection of selections) parts.push(await fetchIssues(client, repo, selection));
  return mergeSelections(parts);
}

/** One issue list from several selections; an issue in two keeps its first copy. */
export function mergeSelections(parts: SweptIssues[]): SweptIssues {
  const out = noIssues();
  const seen = new Set<number>();
  for (const part of parts) {
    out.requests += part.requests;
    const fresh = new Set(part.issues.filter((i) => !seen.has(i.number)).map((i) => i.number));
    for (const issue of part.issues) if (fresh.has(issue.number)) out.issues.push(issue);
    // One push at a time: spreading 200,000 comments into push() as arguments overflows the stack.
    for (const comment of part.comments) if (fresh.has(commentIssueNumber(comment) ?? -1)) out.comments.push(comment);
    for (const event of part.events) if (event.issue && fresh.has(event.issue.number)) out.events.push(event);
    for (const [n, cursor] of part.moreComments) if (fresh.has(n)) out.moreComments.set(n, cursor);
    for (const n of part.moreEvents) if (fresh.has(n)) out.moreEvents.add(n);
    for (const n of fresh) seen.add(n);
  }
  return out;
}

/**
 * Replaces the events of issues whose history did not fit the first page with their whole REST
 * event list (one paginated request per such issue, rare): a P0 clock or a close reason read from
 * half a history could force a wrong rollback. Any failure fails the run.
 */
export async function completeEvents(client: GitHubClient, repo: Repo, swept: SweptIssues): Promise<void> {
  for (const number of swept.moreEvents) {
    const data = await call(`listing the events of issue #${number}`, () =>
      client.octokit.paginate("GET /repos/{owner}/{repo}/issues/{issue_number}/events", {
        ...repo,
        issue_number: number,
        per_page: 100,
      }),
    );
    const events = restIssueEventSchema.array().parse(data);
    swept.events = swept.events.filter((e) => e.issue?.number !== number);
    // Per-issue lists do not name the issue; the core keys events by it.
    for (const event of events) swept.events.push({ ...event, issue: { number } });
    swept.requests++;
  }
  swept.moreEvents.clear();
}
