import * as z from "zod";
import {
  type RestIssue,
  type RestPull,
  restCommentSchema,
  restIssueEventSchema,
  restIssueSchema,
  restReleaseSchema,
} from "../model/rest.js";
import { ApiError, call, type GitHubClient } from "./client.js";
import type { Repo } from "./contents.js";

/**
 * What the weekly report reads from GitHub, fetched incrementally. The previous run's data is kept
 * as a cache file on the data branch; a run asks only for what changed since it was fetched:
 * issues and PRs (`/issues?since=`, which lists PRs too), comments (`/issues/comments?since=`),
 * issue events (newest first, until older than the cache), the first page of releases (download
 * counts change) and the repository (stars). That is five requests plus one per extra 100 changed
 * items: ceil(changed/100) + a constant.
 */

export const CACHE_PATH = "cache/rest.json";
/** Re-read a little before the last fetch: GitHub's `since` compares to second-precision timestamps. */
const OVERLAP_MS = 60_000;
const PER_PAGE = 100;

const cacheSchema = z.object({
  version: z.literal(1),
  fetchedAt: z.iso.datetime({ offset: true }),
  issues: z.array(restIssueSchema),
  comments: z.array(restCommentSchema),
  events: z.array(restIssueEventSchema),
  releases: z.array(restReleaseSchema),
});

export type RestCache = z.output<typeof cacheSchema>;

export interface FetchedData {
  cache: RestCache;
  pulls: RestPull[];
  stars: number | null;
  repoUrl: string | null;
  /** Requests this fetch sent. */
  requests: number;
  /** Items that changed since the cache (issues + comments + events). */
  changed: number;
}

/** The cache file's text, or null (start over with a full fetch) when it is unreadable or from another version. */
export function parseCache(text: string | null): RestCache | null {
  if (text === null) return null;
  try {
    const parsed = cacheSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function fetchReportData(
  client: GitHubClient,
  repo: Repo,
  cache: RestCache | null,
  now: Date,
): Promise<FetchedData> {
  const before = client.requests;
  const since = cache ? new Date(Date.parse(cache.fetchedAt) - OVERLAP_MS).toISOString() : null;
  const sinceQuery = since ? { since } : {};

  const issues = await pages(client, "listing issues", "GET /repos/{owner}/{repo}/issues", restIssueSchema, {
    ...repo,
    state: "all",
    sort: "updated",
    direction: "asc",
    ...sinceQuery,
  });
  const comments = await pages(
    client,
    "listing issue comments",
    "GET /repos/{owner}/{repo}/issues/comments",
    restCommentSchema,
    {
      ...repo,
      sort: "updated",
      direction: "asc",
      ...sinceQuery,
    },
  );
  // The events list has no `since`: it is newest first, so stop at the first page reaching back past it.
  const events = await pages(
    client,
    "listing issue events",
    "GET /repos/{owner}/{repo}/issues/events",
    restIssueEventSchema,
    { ...repo },
    since ? (page) => page.some((e) => e.created_at < since) : undefined,
  );
  const releases = await pages(
    client,
    "listing releases",
    "GET /repos/{owner}/{repo}/releases",
    restReleaseSchema,
    { ...repo },
    () => true,
  );
  const { data: repository } = await call("reading the repository", () =>
    client.octokit.request("GET /repos/{owner}/{repo}", { ...repo }),
  );

  const merged: RestCache = {
    version: 1,
    fetchedAt: now.toISOString(),
    issues: mergeBy(cache?.issues ?? [], issues, (i) => i.number),
    comments: mergeBy(cache?.comments ?? [], comments, (c) => c.id),
    events: mergeBy(
      cache?.events ?? [],
      events,
      (e) => e.id ?? `${e.event}:${e.created_at}:${e.issue?.number}:${e.label?.name}`,
    ),
    releases: mergeBy(cache?.releases ?? [], releases, (r) => r.id ?? r.tag_name),
  };
  return {
    cache: merged,
    pulls: pullsFromIssues(merged.issues),
    stars: typeof repository.stargazers_count === "number" ? repository.stargazers_count : null,
    repoUrl: repository.html_url ?? null,
    requests: client.requests - before,
    changed: issues.length + comments.length + events.filter((e) => !since || e.created_at >= since).length,
  };
}

/** Newer entries replace older ones with the same key; order: by key. */
export function mergeBy<T, K extends string | number>(
  old: readonly T[],
  fresh: readonly T[],
  key: (item: T) => K,
): T[] {
  const byKey = new Map<K, T>();
  for (const item of old) byKey.set(key(item), item);
  for (const item of fresh) byKey.set(key(item), item);
  return [...byKey.values()];
}

/** The issues API lists pull requests too, with `pull_request.merged_at`: enough for the report. */
export function pullsFromIssues(issues: readonly RestIssue[]): RestPull[] {
  return issues
    .filter((i) => i.pull_request)
    .map((i) => ({
      number: i.number,
      title: i.title,
      state: i.state,
      html_url: i.html_url,
      body: i.body,
      user: i.user,
      author_association: i.author_association,
      labels: i.labels,
      created_at: i.created_at,
      closed_at: i.closed_at,
      merged_at: i.pull_request?.merged_at ?? null,
    }));
}

/**
 * Every page of a list (following GitHub's Link header), each element validated; `last` may stop
 * early after a page.
 */
async function pages<S extends z.ZodType>(
  client: GitHubClient,
  what: string,
  route: string,
  schema: S,
  params: Record<string, unknown>,
  last?: (page: z.output<S>[]) => boolean,
): Promise<z.output<S>[]> {
  const out: z.output<S>[] = [];
  const list = z.array(schema);
  await call(what, async () => {
    for await (const response of client.octokit.paginate.iterator(route, { ...params, per_page: PER_PAGE })) {
      const parsed = list.safeParse(response.data);
      if (!parsed.success)
        throw new ApiError(what, undefined, `unexpected response: ${parsed.error.issues[0]?.message}`);
      out.push(...parsed.data);
      if (last?.(parsed.data)) break;
    }
  });
  return out;
}
