/**
 * The report's GraphQL reads and their typed answers. One issues page carries 100 issues, each
 * with what the report reads and nothing else: state and its reason, author, labels, milestone,
 * 👍 count, the body (reduced to the issue-form answers before it is kept), the first comments
 * (author and association only) and the first timeline items of the four kinds the as-of
 * reconstruction replays (GitHub allows an issue at most 100 labels: one page). Issues with more
 * comments or events than the first page holds are finished by `moreQuery`, many issues per request. GitHub prices a page by its nested connections (issues, labels, comments,
 * timeline, reactions: about 4 points), not by how many nodes they hold.
 */

/** Nested page sizes: enough for nearly every issue in one request (GitHub's limit is 100). */
export const NESTED = { labels: 100, comments: 50, timeline: 50 } as const;
export const TIMELINE_TYPES = ["LABELED_EVENT", "UNLABELED_EVENT", "CLOSED_EVENT", "REOPENED_EVENT"] as const;

const COMMENT_FIELDS = "createdAt authorAssociation author { __typename login }";
const TIMELINE_FIELDS = `__typename
  ... on LabeledEvent { createdAt label { name } }
  ... on UnlabeledEvent { createdAt label { name } }
  ... on ClosedEvent { createdAt stateReason }
  ... on ReopenedEvent { createdAt }`;

/** One issue as the report and the sweep read it (see the top of this file). */
export const ISSUE_FIELDS = `number title body state stateReason createdAt updatedAt closedAt authorAssociation
        author { __typename login }
        milestone { title }
        reactions(content: THUMBS_UP) { totalCount }
        labels(first: ${NESTED.labels}) { nodes { name } }
        comments(first: ${NESTED.comments}) { pageInfo { hasNextPage endCursor } nodes { ${COMMENT_FIELDS} } }
        timelineItems(first: ${NESTED.timeline}, itemTypes: [${TIMELINE_TYPES.join(", ")}]) {
          pageInfo { hasNextPage endCursor }
          nodes { ${TIMELINE_FIELDS} }
        }`;

/** Issues updated since `$since` (all when null), optionally in `$states`, by creation so a cursor stays valid across runs. */
export const ISSUES_QUERY = `query launchgateReportIssues($owner: String!, $name: String!, $since: DateTime, $states: [IssueState!], $cursor: String) {
  repository(owner: $owner, name: $name) {
    url
    issues(first: 100, after: $cursor, filterBy: { since: $since, states: $states }, orderBy: { field: CREATED_AT, direction: ASC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ${ISSUE_FIELDS} }
    }
  }
}`;

/** Up to 100 issues by number, one alias per issue (`i<number>`): those whose clocks ran out since the last sweep. */
export function issuesByNumberQuery(numbers: readonly number[]): string {
  const parts = numbers.map((n) => `i${n}: issue(number: ${n}) { ${ISSUE_FIELDS} }`);
  return `query launchgateIssuesByNumber($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) { url ${parts.join("\n    ")} }
}`;
}

/**
 * Pull requests: the report reads merges, titles and bodies (closing keywords, performance
 * claims). A full read goes by creation; later runs newest-updated first until the watermark.
 */
export const PULLS_QUERY = `query launchgateReportPulls($owner: String!, $name: String!, $field: IssueOrderField!, $direction: OrderDirection!, $cursor: String) {
  repository(owner: $owner, name: $name) {
    pullRequests(first: 100, after: $cursor, orderBy: { field: $field, direction: $direction }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number title body state createdAt updatedAt closedAt mergedAt authorAssociation
        author { __typename login }
        labels(first: ${NESTED.labels}) { nodes { name } }
      }
    }
  }
}`;

/** Issues whose first page did not hold all their comments or timeline items: read together. */
export const MORE_BATCH = 20;

export interface MoreRequest {
  number: number;
  /** Cursor after the comments read so far; absent when they are all read. */
  comments?: string;
  timeline?: string;
}

/**
 * The next comments and timeline items of up to `MORE_BATCH` issues in one query, one alias per
 * issue (`i<number>`). Cursors are GraphQL string literals (JSON-quoted).
 */
export function moreQuery(requests: readonly MoreRequest[]): string {
  const parts = requests.map((r) => {
    const comments =
      r.comments === undefined
        ? ""
        : `comments(first: 100, after: ${JSON.stringify(r.comments)}) { pageInfo { hasNextPage endCursor } nodes { ${COMMENT_FIELDS} } }`;
    const timeline =
      r.timeline === undefined
        ? ""
        : `timelineItems(first: 100, after: ${JSON.stringify(r.timeline)}, itemTypes: [${TIMELINE_TYPES.join(", ")}]) { pageInfo { hasNextPage endCursor } nodes { ${TIMELINE_FIELDS} } }`;
    return `i${r.number}: issue(number: ${r.number}) { ${comments} ${timeline} }`;
  });
  return `query launchgateReportMore($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) { ${parts.join("\n    ")} }
}`;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface GqlActor {
  __typename: string;
  login: string;
}

export interface GqlComment {
  createdAt: string;
  authorAssociation: string;
  author: GqlActor | null;
}

export type GqlTimelineItem =
  | { __typename: "LabeledEvent" | "UnlabeledEvent"; createdAt: string; label: { name: string } }
  | { __typename: "ClosedEvent"; createdAt: string; stateReason: string | null }
  | { __typename: "ReopenedEvent"; createdAt: string };

export interface GqlIssue {
  number: number;
  title: string;
  body: string;
  state: "OPEN" | "CLOSED";
  stateReason: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  authorAssociation: string;
  author: GqlActor | null;
  milestone: { title: string } | null;
  reactions: { totalCount: number };
  labels: { nodes: ({ name: string } | null)[] } | null;
  comments: { pageInfo: PageInfo; nodes: (GqlComment | null)[] };
  timelineItems: { pageInfo: PageInfo; nodes: (GqlTimelineItem | null)[] };
}

export interface GqlPull {
  number: number;
  title: string;
  body: string;
  state: "OPEN" | "CLOSED" | "MERGED";
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  authorAssociation: string;
  author: GqlActor | null;
  labels: { nodes: ({ name: string } | null)[] } | null;
}

export interface IssuesPage {
  repository: {
    url: string;
    issues: { totalCount: number; pageInfo: PageInfo; nodes: (GqlIssue | null)[] };
  } | null;
}

export interface PullsPage {
  repository: { pullRequests: { pageInfo: PageInfo; nodes: (GqlPull | null)[] } } | null;
}

export interface IssueMore {
  comments?: { pageInfo: PageInfo; nodes: (GqlComment | null)[] };
  timelineItems?: { pageInfo: PageInfo; nodes: (GqlTimelineItem | null)[] };
}

export interface MorePage {
  repository: Record<string, IssueMore | null> | null;
}

export interface ByNumberPage {
  /** `url`, and one `i<number>` alias per issue. */
  repository: Record<string, GqlIssue | string | null> | null;
}
