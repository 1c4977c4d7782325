import type { RestComment, RestIssue, RestIssueEvent } from "../model/rest.js";
import { ApiError, type GitHubClient } from "./client.js";
import type { Repo } from "./contents.js";
import { graphqlQuery } from "./graphql.js";
import type { GqlActor, GqlComment, GqlIssue, PageInfo } from "./report-queries.js";

/**
 * Incremental issue fetch for the triage sweep and the criteria, with GraphQL: 100 issues per
 * request, each with its labels, its first 100 comments (author, association) and its first 100
 * label, close and reopen events (what the as-of reconstruction needs: model-contract in
 * src/model/as-of.ts), so one request covers 100 issues. The result is converted to the REST
 * shapes the core reads.
 */

const ISSUE_FIELDS = `
  number title url body state stateReason createdAt updatedAt closedAt authorAssociation
  author { __typename login }
  milestone { title }
  labels(first: 50) { nodes { name } }
  comments(first: 100) {
    pageInfo { hasNextPage endCursor }
    nodes { databaseId createdAt authorAssociation author { __typename login } }
  }
  timelineItems(first: 100, itemTypes: [LABELED_EVENT, UNLABELED_EVENT, CLOSED_EVENT, REOPENED_EVENT]) {
    pageInfo { hasNextPage endCursor }
    nodes {
      __typename
      ... on LabeledEvent { createdAt label { name } }
      ... on UnlabeledEvent { createdAt label { name } }
      ... on ClosedEvent { createdAt stateReason }
      ... on ReopenedEvent { createdAt }
    }
  }`;

const ISSUES_QUERY = `query launchgateTriageSweep($owner: String!, $name: String!, $states: [IssueState!], $labels: [String!], $since: DateTime, $cursor: String) {
  repository(owner: $owner, name: $name) {
    issues(first: 100, after: $cursor, states: $states, labels: $labels, filterBy: { since: $since }, orderBy: { field: CREATED_AT, direction: ASC }) {
      pageInfo { hasNextPage endCursor }
      nodes { ${ISSUE_FIELDS} }
    }
  }
}`;

const COMMENTS_QUERY = `query launchgateIssueComments($owner: String!, $name: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $name) {
    issue(number: $number) {
      comments(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes { databaseId createdAt authorAssociation author { __typename login } }
      }
    }
  }
}`;

/**
 * A swept issue: the report's issue (report-queries.ts, one definition of GitHub's issue fields)
 * with its web URL (the sweep names comments by it) and comment ids, and without 👍 counts.
 */
type SweptIssue = Omit<GqlIssue, "reactions" | "comments"> & {
  url: string;
  comments: { pageInfo: PageInfo; nodes: (SweptComment | null)[] };
};
type SweptComment = GqlComment & { databaseId: number | null };

const EVENT_NAMES: Record<string, string> = {
  LabeledEvent: "labeled",
  UnlabeledEvent: "unlabeled",
  ClosedEvent: "closed",
  ReopenedEvent: "reopened",
};

type IssuesPage = { repository: { issues: { pageInfo: PageInfo; nodes: (SweptIssue | null)[] } } | null };

/** Which issues one paginated query selects. */
export interface IssueSelection {
  states?: ("OPEN" | "CLOSED")[];
  labels?: string[];
  /** Only issues updated at or after this instant (GitHub's `filterBy.since`). */
  since?: string;
}

export interface SweptIssues {
  issues: RestIssue[];
  comments: RestComment[];
  events: RestIssueEvent[];
  /** Issues with more than one page of comments → the cursor after the first page. */
  moreComments: Map<number, string>;
  /** Issues with more label/close events than the first page holds (their history is incomplete). */
  moreEvents: Set<number>;
  /** GraphQL requests made. */
  requests: number;
}

/** An empty result, to collect into. */
export function noIssues(): SweptIssues {
  return { issues: [], comments: [], events: [], moreComments: new Map(), moreEvents: new Set(), requests: 0 };
}

/** All issues of a selection (100 per request), with comments and label events. */
export async function fetchIssues(client: GitHubClient, repo: Repo, selection: IssueSelection): Promise<SweptIssues> {
  const out = noIssues();
  let cursor: string | null = null;
  do {
    const data: IssuesPage = await graphql<IssuesPage>(client, "sweeping issues", ISSUES_QUERY, {
      owner: repo.owner,
      name: repo.repo,
      states: selection.states ?? null,
      labels: selection.labels ?? null,
      since: selection.since ?? null,
      cursor,
    });
    out.requests++;
    const page = data.repository?.issues;
    if (!page) throw new ApiError("sweeping issues", undefined, `repository ${repo.owner}/${repo.repo} not found`);
    for (const node of page.nodes) if (node) addIssue(out, node, client.endpoints.apiUrl);
    cursor = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (cursor);
  return out;
}

/** Reads the rest of one issue's comments into `swept`; returns the requests made. */
export async function fetchMoreComments(
  client: GitHubClient,
  repo: Repo,
  swept: SweptIssues,
  number: number,
): Promise<number> {
  let cursor: string | null = swept.moreComments.get(number) ?? null;
  let requests = 0;
  while (cursor) {
    const data: {
      repository: { issue: { comments: { pageInfo: PageInfo; nodes: (SweptComment | null)[] } } | null } | null;
    } = await graphql(client, `reading the comments of #${number}`, COMMENTS_QUERY, {
      owner: repo.owner,
      name: repo.repo,
      number,
      cursor,
    });
    requests++;
    const comments = data.repository?.issue?.comments;
    if (!comments) throw new ApiError(`reading the comments of #${number}`, undefined, "issue not found");
    for (const c of comments.nodes) if (c) swept.comments.push(toRestComment(c, number, repo, client.endpoints.apiUrl));
    cursor = comments.pageInfo.hasNextPage ? comments.pageInfo.endCursor : null;
  }
  swept.moreComments.delete(number);
  swept.requests += requests;
  return requests;
}

function addIssue(out: SweptIssues, node: SweptIssue, apiUrl: string): void {
  const repoUrl = node.url.replace(/\/issues\/\d+$/, "");
  const [owner = "", name = ""] = repoUrl.replace(/^https?:\/\/[^/]+\//, "").split("/");
  out.issues.push({
    number: node.number,
    title: node.title,
    state: node.state === "OPEN" ? "open" : "closed",
    state_reason: node.stateReason?.toLowerCase() ?? null,
    html_url: node.url,
    body: node.body,
    user: actor(node.author),
    author_association: node.authorAssociation,
    labels: (node.labels?.nodes ?? []).flatMap((l) => (l ? [l.name] : [])),
    milestone: node.milestone,
    created_at: node.createdAt,
    updated_at: node.updatedAt,
    closed_at: node.closedAt,
  });
  for (const c of node.comments.nodes)
    if (c) out.comments.push(toRestComment(c, node.number, { owner, repo: name }, apiUrl));
  if (node.comments.pageInfo.hasNextPage && node.comments.pageInfo.endCursor)
    out.moreComments.set(node.number, node.comments.pageInfo.endCursor);
  for (const item of node.timelineItems.nodes) {
    const event = item ? EVENT_NAMES[item.__typename] : undefined;
    if (!item?.createdAt || !event) continue;
    out.events.push({
      event,
      created_at: item.createdAt,
      ...("label" in item ? { label: { name: item.label.name } } : {}),
      ...(item.__typename === "ClosedEvent" ? { state_reason: item.stateReason?.toLowerCase() ?? null } : {}),
      issue: { number: node.number },
    });
  }
  if (node.timelineItems.pageInfo.hasNextPage) out.moreEvents.add(node.number);
}

/** GraphQL names bots without their `[bot]` suffix; REST data marks them by type. */
function actor(author: GqlActor | null): RestIssue["user"] {
  if (!author) return null;
  return author.__typename === "Bot"
    ? { login: `${author.login}[bot]`, type: "Bot" }
    : { login: author.login, type: author.__typename };
}

/** A REST comment names its issue by API URL (`issue_url`), on the GitHub it came from. */
function toRestComment(c: SweptComment, number: number, repo: Repo, apiUrl: string): RestComment {
  return {
    id: c.databaseId ?? 0,
    issue_url: `${apiUrl}/repos/${repo.owner}/${repo.repo}/issues/${number}`,
    user: actor(c.author),
    author_association: c.authorAssociation,
    created_at: c.createdAt,
  };
}

async function graphql<T>(client: GitHubClient, what: string, query: string, variables: object): Promise<T> {
  return graphqlQuery<T>(client, what, query, variables as Record<string, unknown>);
}
