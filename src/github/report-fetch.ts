import * as z from "zod";
import {
  type RestComment,
  type RestIssue,
  type RestIssueEvent,
  type RestPull,
  type RestRelease,
  restReleaseSchema,
} from "../model/rest.js";
import { ApiError, call, type GitHubClient, toApiError } from "./client.js";
import type { Repo } from "./contents.js";
import {
  affordable,
  graphql,
  type IssueReader,
  issueReader,
  readIssuePages,
  readMore,
  repoName,
} from "./issue-reader.js";
import { isRateLimitError } from "./rate-limit.js";
import { type CacheRead, emptyCache, encodeCache, mergeRecords, type ReportCache } from "./report-cache.js";
import { PULLS_QUERY, type PullsPage } from "./report-queries.js";
import { type CachedPull, pullRecord, type RestUrls, restFromRecords, restPulls } from "./report-records.js";

/**
 * What the weekly report reads from GitHub. Issues come through GraphQL, 100 per request with
 * their comments and the timeline items the report replays nested (report-queries.ts): a first
 * run takes about ceil(N/100) requests, a later one ceil(changed/100), reading only issues updated
 * since the cache's watermark. Pull requests likewise; the repository (stars) and the first page
 * of releases (download counts change) through REST.
 *
 * A read runs while the GraphQL rate limit (from the response headers) has points for the next
 * request plus a reserve. When it has not — or GitHub answers that the limit is spent — the run
 * stops, keeps everything read so far in the cache with the read's cursors, and reports itself
 * partial; the next run goes on from there. Any other failure mid-read also keeps the progress
 * (`interrupted`): the caller stores it and then fails.
 */

/** GraphQL points a report run leaves unspent in the hour: room for the hourly triage sweep. */
export const RATE_RESERVE = 100;
/** Re-read a little before the watermark: GitHub's `since` compares to second-precision timestamps. */
const OVERLAP_MS = 60_000;
const PULLS_PAGE_COST = 2;

export interface ReportFetchOptions {
  now: Date;
  /** Issue-form fields whose answers the report reads (the rest of a body is not kept). */
  fields: readonly string[];
  /** GraphQL points to leave unspent (default RATE_RESERVE). */
  reserve?: number;
  /** Called after each page of issues. */
  progress?: (read: number, total: number) => void;
}

export interface FetchedData {
  /** The report's input lists in REST shapes (the whole cache, updated). */
  cache: { issues: RestIssue[]; comments: RestComment[]; events: RestIssueEvent[]; releases: RestRelease[] };
  pulls: RestPull[];
  stars: number | null;
  repoUrl: string | null;
  /** The cache to store on the data branch, encoded (the records themselves are not kept: memory). */
  stored: Uint8Array;
  /** Requests this fetch sent. */
  requests: number;
  /** Issues and pull requests read that changed since the cache (all of them on a first read). */
  changed: number;
  /** Set while a read is unfinished: the figures are built from part of the issues. */
  partial: { issuesRead: number; issuesTotal: number; since: string | null } | null;
  /** A failure (not the rate limit) that stopped the read; its progress is in `stored`. */
  interrupted: ApiError | null;
}

interface ReadContext extends IssueReader {
  read: CacheRead;
  pulls: Map<number, CachedPull>;
  changed: number;
}

export async function fetchReportData(
  client: GitHubClient,
  repo: Repo,
  stored: ReportCache | null,
  options: ReportFetchOptions,
): Promise<FetchedData> {
  const before = client.requests;
  const { data: repository } = await call("reading the repository", () =>
    client.octokit.request("GET /repos/{owner}/{repo}", { ...repo }),
  );
  const { data: releasePage } = await call("listing releases", () =>
    client.octokit.request("GET /repos/{owner}/{repo}/releases", { ...repo, per_page: 100 }),
  );
  const releases = z.array(restReleaseSchema).safeParse(releasePage);
  if (!releases.success)
    throw new ApiError("listing releases", undefined, `unexpected response: ${releases.error.issues[0]?.message}`);

  const { cache, ctx } = startRead(client, repo, stored, options);
  // From here the stored records are the reader's: one it replaces, and later each one converted, can be freed.
  stored = null;
  const { read } = ctx;
  const onPage = (totalCount: number, count: number) => {
    // The first page of a read tells how many issues it selects.
    if (read.done === 0) read.total = totalCount;
    read.done += count;
    ctx.changed += count;
    options.progress?.(read.done, Math.max(read.total, read.done));
  };
  let interrupted: ApiError | null = null;
  try {
    (await readPulls(ctx)) &&
      (await readIssuePages(ctx, read.issues, { since: read.since }, onPage)) &&
      (await readMore(ctx));
  } catch (error) {
    if (!isRateLimitError(error)) interrupted = toApiError("reading issues for the report", error);
  }

  read.more = [...ctx.more.values()];
  const finished = read.pulls.done && read.issues.done && read.more.length === 0;
  const next: ReportCache = {
    ...cache,
    since: finished ? new Date(Date.parse(read.startedAt) - OVERLAP_MS).toISOString() : cache.since,
    read: finished ? null : read,
    releases: mergeBy(cache.releases, releases.data, (r) => r.id ?? r.tag_name),
    issues: mergeRecords([], ctx.issues.values()),
    pulls: mergeRecords([], ctx.pulls.values()),
  };
  ctx.issues.clear();
  ctx.pulls.clear();
  const urls: RestUrls = {
    api: client.endpoints.apiUrl,
    owner: repo.owner,
    repo: repo.repo,
    web: repository.html_url ?? null,
  };
  const encoded = encodeCache(next);
  // Each record is dropped as it is converted: the records and the REST lists are never all alive together.
  const lists = restFromRecords(drain(next.issues), urls);
  return {
    cache: { ...lists, releases: next.releases },
    pulls: restPulls(drain(next.pulls), urls),
    stars: typeof repository.stargazers_count === "number" ? repository.stargazers_count : null,
    repoUrl: repository.html_url ?? null,
    stored: encoded,
    requests: client.requests - before,
    changed: ctx.changed,
    partial: finished
      ? null
      : { issuesRead: read.done, issuesTotal: Math.max(read.total, read.done), since: read.since },
    interrupted,
  };
}

/** The read under way (or a new one) over the stored records, and the cache's settings without its records. */
function startRead(
  client: GitHubClient,
  repo: Repo,
  stored: ReportCache | null,
  options: ReportFetchOptions,
): { cache: Omit<ReportCache, "issues" | "pulls">; ctx: ReadContext } {
  const { issues, pulls, ...cache } = stored ?? emptyCache(options.fields);
  const read: CacheRead = cache.read ?? {
    since: cache.since,
    startedAt: options.now.toISOString(),
    issues: { cursor: null, done: false },
    pulls: { cursor: null, done: false },
    total: 0,
    done: 0,
    more: [],
  };
  const ctx: ReadContext = {
    ...issueReader(client, repo, {
      reserve: options.reserve ?? RATE_RESERVE,
      fields: options.fields,
      issues,
      more: read.more,
    }),
    read,
    pulls: new Map(pulls.map((r) => [r.n, r])),
    changed: 0,
  };
  return { cache, ctx };
}

/** Pull requests: all by creation on a first read; later, newest-updated first down to the watermark. */
async function readPulls(ctx: ReadContext): Promise<boolean> {
  const { read } = ctx;
  const since = read.since;
  while (!read.pulls.done) {
    if (!affordable(ctx, PULLS_PAGE_COST)) return false;
    const data = await graphql<PullsPage>(ctx, PULLS_QUERY, {
      field: since ? "UPDATED_AT" : "CREATED_AT",
      direction: since ? "DESC" : "ASC",
      cursor: read.pulls.cursor,
    });
    const page = data.repository?.pullRequests;
    if (!page) throw new ApiError("listing pull requests", undefined, `repository ${repoName(ctx)} not found`);
    let older = false;
    for (const node of page.nodes) {
      if (!node) continue;
      if (since && node.updatedAt < since) {
        older = true;
        break;
      }
      ctx.pulls.set(node.number, pullRecord(node));
      ctx.changed++;
    }
    read.pulls.cursor = page.pageInfo.endCursor ?? read.pulls.cursor;
    read.pulls.done = older || !page.pageInfo.hasNextPage;
  }
  return true;
}

/** The list's items in order, each removed from the list as it is taken. */
function* drain<T>(list: T[]): Generator<T> {
  list.reverse();
  while (list.length > 0) yield list.pop() as T;
}

/** Newer entries replace older ones with the same key. */
function mergeBy<T, K>(old: readonly T[], fresh: readonly T[], key: (item: T) => K): T[] {
  const byKey = new Map<K, T>();
  for (const item of old) byKey.set(key(item), item);
  for (const item of fresh) byKey.set(key(item), item);
  return [...byKey.values()];
}
