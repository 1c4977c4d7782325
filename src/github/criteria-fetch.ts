import type { Config } from "../config/schema.js";
import { latestRelease } from "../criteria/facts.js";
import type { RepoData } from "../model/repo-data.js";
import { commentIssueNumber, restPullSchema, restReleaseSchema } from "../model/rest.js";
import { isResponse } from "../triage/responders.js";
import { ApiError, type GitHubClient, toApiError } from "./client.js";
import type { Repo } from "./contents.js";
import { graphqlQuery } from "./graphql.js";
import { completeEvents, fetchIssueSelections } from "./issue-selections.js";
import { fetchMoreComments } from "./issues-sweep.js";

/**
 * What the release criteria read, fetched live with the least data "since the latest release"
 * needs, as the `RepoData` the CLI reads from exports: one page of releases (newest first), open
 * issues and issues updated since that release (everything when there is none) with their comments
 * and label/close events (triage's GraphQL fetch, so readiness counts the SLA breaches triage
 * does), open PRs and PRs updated since the release, then the issues each of those PRs closes, 50
 * PRs per GraphQL query. Responses are validated with the same schemas as the CLI's files, so a
 * surprising API shape fails the run instead of being misread.
 */
export async function fetchCriteriaData(
  client: GitHubClient,
  repo: Repo,
  now: Date,
  config: Pick<Config, "criteria" | "triage">,
): Promise<RepoData> {
  const releases = restReleaseSchema
    .array()
    .parse(await getJson(client, "listing releases", "GET /repos/{owner}/{repo}/releases", { ...repo, per_page: 100 }));
  const since = latestRelease(releases, now.getTime(), config.criteria.includePrereleases)?.publishedAt;

  const swept = await fetchIssueSelections(client, repo, [
    { states: ["OPEN"] },
    { states: ["CLOSED"], ...(since ? { since } : {}) },
  ]);
  // Long threads: the rest of the comments only when the first 100 hold no response.
  for (const number of [...swept.moreComments.keys()]) {
    const author = swept.issues.find((i) => i.number === number)?.user?.login ?? null;
    const answered = swept.comments.some(
      (c) => commentIssueNumber(c) === number && isResponse(c, author, config.triage),
    );
    if (!answered) await fetchMoreComments(client, repo, swept, number);
  }
  await completeEvents(client, repo, swept);

  const openPulls = await list(client, "listing open pull requests", "GET /repos/{owner}/{repo}/pulls", {
    ...repo,
    state: "open",
  });
  const closedPulls = await list(
    client,
    "listing closed pull requests",
    "GET /repos/{owner}/{repo}/pulls",
    { ...repo, state: "closed", sort: "updated", direction: "desc" },
    // Newest updates first: stop at the first page that reaches back before the release.
    since ? (page) => page.some((p) => String((p as { updated_at?: string }).updated_at ?? "") < since) : undefined,
  );
  const pulls = restPullSchema.array().parse([...openPulls, ...closedPulls]);
  const relevant = pulls.filter((p) => p.state === "open" || (p.merged_at && (!since || p.merged_at > since)));
  const closingRefs = await fetchClosingRefs(
    client,
    repo,
    relevant.map((p) => p.number),
  );
  return { issues: swept.issues, comments: swept.comments, events: swept.events, pulls, releases, closingRefs };
}

async function getJson(client: GitHubClient, what: string, route: string, params: Params): Promise<unknown> {
  try {
    return (await client.octokit.request(route, params)).data;
  } catch (error) {
    throw toApiError(what, error);
  }
}

/** Every page of a list (100 per page), or until `stopAfter` says a page reached far enough back. */
async function list(
  client: GitHubClient,
  what: string,
  route: string,
  params: Params,
  stopAfter?: (page: unknown[]) => boolean,
): Promise<unknown[]> {
  const items: unknown[] = [];
  for (let page = 1; ; page++) {
    const data = await getJson(client, what, route, { ...params, per_page: 100, page });
    if (!Array.isArray(data)) throw new ApiError(what, undefined, "expected a JSON array");
    items.push(...data);
    if (data.length < 100 || stopAfter?.(data)) return items;
  }
}

type Params = Record<string, string | number>;

const BATCH = 50;

async function fetchClosingRefs(client: GitHubClient, repo: Repo, numbers: number[]): Promise<Map<number, number[]>> {
  const refs = new Map<number, number[]>();
  for (let start = 0; start < numbers.length; start += BATCH) {
    const batch = numbers.slice(start, start + BATCH);
    const fields = batch
      .map((n) => `pr${n}: pullRequest(number: ${n}) { closingIssuesReferences(first: 50) { nodes { number } } }`)
      .join("\n");
    const query = `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { ${fields} } }`;
    const what = "reading the issues pull requests close";
    type Node = { closingIssuesReferences?: { nodes?: ({ number: number } | null)[] } } | null;
    const { repository } = await graphqlQuery<{ repository: Record<string, Node> | null }>(client, what, query, {
      owner: repo.owner,
      name: repo.repo,
    });
    if (!repository) throw new ApiError(what, undefined, "repository not found");
    for (const n of batch) {
      const nodes = repository[`pr${n}`]?.closingIssuesReferences?.nodes ?? [];
      refs.set(
        n,
        nodes.filter((x): x is { number: number } => x !== null).map((x) => x.number),
      );
    }
  }
  return refs;
}
