import type { GitHubClient } from "./client.js";
import { ApiError } from "./client.js";
import type { Repo } from "./contents.js";
import { type RateLimits, rateLimitsOf } from "./rate-limit.js";
import {
  type ByNumberPage,
  type GqlIssue,
  ISSUES_QUERY,
  type IssuesPage,
  issuesByNumberQuery,
  MORE_BATCH,
  type MorePage,
  type MoreRequest,
  moreQuery,
} from "./report-queries.js";
import { addComments, addEvents, type CachedIssue, issueRecord } from "./report-records.js";

/**
 * Reads issues through GraphQL into compact records (report-records.ts), for the weekly report and
 * the hourly sweep: pages of issues (resumable from a cursor), issues by number, and the rest of
 * long threads and timelines. Every request first checks that the GraphQL rate limit (as the last
 * response's headers reported it) has its points plus a reserve; a reader that may not go on says
 * so (false) and keeps what it read.
 */

/** Points an issues page costs (connections: issues + 100 × labels, comments, timeline, reactions). */
const ISSUES_PAGE_COST = 5;
const MORE_COST = 1;

export interface IssueReader {
  client: GitHubClient;
  repo: Repo;
  limits: RateLimits;
  /** GraphQL points to leave unspent. */
  reserve: number;
  /** Issue-form fields whose answers are kept. */
  fields: readonly string[];
  issues: Map<number, CachedIssue>;
  /** Issues with comments or timeline items still to read. */
  more: Map<number, MoreRequest>;
  /** The repository's web page, once a page of issues has told it. */
  web: string | null;
}

export function issueReader(
  client: GitHubClient,
  repo: Repo,
  options: { reserve: number; fields: readonly string[]; issues?: Iterable<CachedIssue>; more?: Iterable<MoreRequest> },
): IssueReader {
  return {
    client,
    repo,
    limits: rateLimitsOf(client.octokit),
    reserve: options.reserve,
    fields: options.fields,
    issues: new Map([...(options.issues ?? [])].map((r) => [r.n, r])),
    more: new Map([...(options.more ?? [])].map((m) => [m.number, m])),
    web: null,
  };
}

/** Whether the GraphQL bucket has `cost` points left beyond the reserve (unknown before the first answer: yes). */
export function affordable(reader: IssueReader, cost: number): boolean {
  const bucket = reader.limits.get("graphql");
  return !bucket || bucket.remaining - cost >= reader.reserve;
}

/**
 * One query. An answer whose only errors are NOT_FOUND (an issue deleted or transferred since it
 * was listed) is used as it is: GitHub still answers the rest of the query.
 */
export async function graphql<T>(reader: IssueReader, query: string, variables: Record<string, unknown>): Promise<T> {
  try {
    return await reader.client.octokit.graphql<T>(query, {
      owner: reader.repo.owner,
      name: reader.repo.repo,
      ...variables,
    });
  } catch (error) {
    const e = error as { data?: T; errors?: { type?: string }[] };
    if (e.data && e.errors?.length && e.errors.every((x) => x.type === "NOT_FOUND")) return e.data;
    throw error;
  }
}

export interface PageCursor {
  cursor: string | null;
  done: boolean;
}

/**
 * Issues updated since `since` (all when null), in `states` (all when absent), 100 per request
 * from `at` on; `at` moves as pages are read. `onPage` sees each page's total and issues read.
 */
export async function readIssuePages(
  reader: IssueReader,
  at: PageCursor,
  selection: { since: string | null; states?: ("OPEN" | "CLOSED")[] },
  onPage?: (totalCount: number, read: number) => void,
): Promise<boolean> {
  while (!at.done) {
    if (!affordable(reader, ISSUES_PAGE_COST)) return false;
    const data = await graphql<IssuesPage>(reader, ISSUES_QUERY, {
      since: selection.since,
      states: selection.states ?? null,
      cursor: at.cursor,
    });
    const page = data.repository?.issues;
    if (!page) throw new ApiError("listing issues", undefined, `repository ${repoName(reader)} not found`);
    reader.web = data.repository?.url ?? reader.web;
    let read = 0;
    for (const node of page.nodes) {
      if (!node) continue;
      addIssue(reader, node);
      read++;
    }
    at.cursor = page.pageInfo.endCursor ?? at.cursor;
    at.done = !page.pageInfo.hasNextPage;
    onPage?.(page.totalCount, read);
  }
  return true;
}

/** The issues numbered `numbers`, 100 per request; one that no longer exists is skipped. */
export async function readIssuesByNumber(reader: IssueReader, numbers: readonly number[]): Promise<boolean> {
  for (let i = 0; i < numbers.length; i += 100) {
    if (!affordable(reader, ISSUES_PAGE_COST)) return false;
    const data = await graphql<ByNumberPage>(reader, issuesByNumberQuery(numbers.slice(i, i + 100)), {});
    for (const [key, node] of Object.entries(data.repository ?? {})) {
      if (key === "url" && typeof node === "string") reader.web = node;
      else if (node && typeof node === "object") addIssue(reader, node);
    }
  }
  return true;
}

function addIssue(reader: IssueReader, node: GqlIssue): void {
  reader.issues.set(node.number, issueRecord(node, reader.fields));
  reader.more.delete(node.number);
  const comments = node.comments.pageInfo;
  const timeline = node.timelineItems.pageInfo;
  if (comments.hasNextPage || timeline.hasNextPage)
    reader.more.set(node.number, {
      number: node.number,
      ...(comments.hasNextPage && comments.endCursor ? { comments: comments.endCursor } : {}),
      ...(timeline.hasNextPage && timeline.endCursor ? { timeline: timeline.endCursor } : {}),
    });
}

/** The rest of long threads and timelines, MORE_BATCH issues per request. */
export async function readMore(reader: IssueReader): Promise<boolean> {
  while (reader.more.size > 0) {
    if (!affordable(reader, MORE_COST)) return false;
    const batch = [...reader.more.values()].slice(0, MORE_BATCH);
    const data = await graphql<MorePage>(reader, moreQuery(batch), {});
    for (const request of batch) {
      reader.more.delete(request.number);
      const answer = data.repository?.[`i${request.number}`];
      const record = reader.issues.get(request.number);
      if (!answer || !record) continue; // deleted or transferred meanwhile: nothing more to read
      const after: MoreRequest = { number: request.number };
      if (answer.comments) {
        addComments(record, answer.comments.nodes);
        if (answer.comments.pageInfo.hasNextPage && answer.comments.pageInfo.endCursor)
          after.comments = answer.comments.pageInfo.endCursor;
      }
      if (answer.timelineItems) {
        addEvents(record, answer.timelineItems.nodes);
        if (answer.timelineItems.pageInfo.hasNextPage && answer.timelineItems.pageInfo.endCursor)
          after.timeline = answer.timelineItems.pageInfo.endCursor;
      }
      if (after.comments !== undefined || after.timeline !== undefined) reader.more.set(request.number, after);
    }
  }
  return true;
}

export const repoName = (reader: { repo: Repo }) => `${reader.repo.owner}/${reader.repo.repo}`;
