import { schema as githubSchemaSource } from "@octokit/graphql-schema";
import { buildSchema, execute, type GraphQLSchema, parse, validate } from "graphql";
import { byIssue } from "./issue-index.js";
import type { Issue, IssueComment, IssueEvent, Repository, TokenInfo, User, World } from "./model.js";
import { graphqlCost } from "./rate-limit.js";
import { authorAssociation } from "./shapes.js";

/**
 * POST /graphql, executed by graphql-js against GitHub's real public schema
 * (@octokit/graphql-schema), so a query GitHub would reject is rejected here too. Resolvers are
 * plain objects over the model (graphql-js calls function-valued fields with their arguments).
 */

let schema: GraphQLSchema | undefined;
function githubSchema(): GraphQLSchema {
  if (!schema) {
    // GitHub's schema breaks a rule graphql 17 checks (deprecated fields implementing interfaces); it is what GitHub serves.
    schema = buildSchema(githubSchemaSource.idl, { assumeValidSDL: true, assumeValid: true });
  }
  return schema;
}

interface PageArgs {
  first?: number;
  last?: number;
  after?: string;
  before?: string;
}

const cursor = (i: number) => Buffer.from(`cursor:v2:${i}`).toString("base64");
const offset = (c: string) => Number(Buffer.from(c, "base64").toString().replace("cursor:v2:", ""));

/** A Relay connection over `items` with GitHub's rules: `first` or `last` (1–100) is required. */
function connection<T, N>(items: T[], args: PageArgs, toNode: (item: T) => N) {
  const { first, last, after, before } = args;
  if (first === undefined && last === undefined)
    throw new Error("You must provide a `first` or `last` value to properly paginate the connection.");
  for (const [name, n] of [
    ["first", first],
    ["last", last],
  ] as const)
    if (n !== undefined && (n < 0 || n > 100))
      throw new Error(`Requesting ${n} records on the connection exceeds the \`${name}\` limit of 100 records.`);
  let start = after ? offset(after) + 1 : 0;
  let end = before ? offset(before) : items.length;
  if (first !== undefined) end = Math.min(end, start + first);
  if (last !== undefined) start = Math.max(start, end - last);
  const indices = Array.from({ length: Math.max(0, end - start) }, (_, k) => start + k);
  const nodes = indices.map((i) => toNode(items[i] as T));
  return {
    totalCount: items.length,
    nodes,
    edges: indices.map((i, k) => ({ cursor: cursor(i), node: nodes[k] })),
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: indices.length > 0 ? cursor(start) : null,
      endCursor: indices.length > 0 ? cursor(end - 1) : null,
    },
  };
}

function actor(world: World, login: string | null | undefined) {
  if (!login) return null;
  const user: User = world.user(login);
  const typename = user.type === "Bot" ? "Bot" : user.type === "Organization" ? "Organization" : "User";
  return {
    __typename: typename,
    id: Buffer.from(`${typename}:${user.id}`).toString("base64"),
    databaseId: user.id,
    login: user.type === "Bot" ? user.login.replace(/\[bot\]$/, "") : user.login,
    name: user.name,
    avatarUrl: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    url: `https://github.com/${user.login}`,
    resourcePath: `/${user.login}`,
  };
}

function labelNode(repo: Repository, name: string) {
  const l = repo.label(name);
  return { __typename: "Label", id: String(l.id), name: l.name, color: l.color, description: l.description };
}

function labelsOf(repo: Repository, issue: Issue) {
  return (args: PageArgs) => connection(issue.labels, args, (name) => labelNode(repo, name));
}

/** Comments and events by issue number (see `byIssue`). */
class Lookup {
  commentsOf(repo: Repository, number: number): IssueComment[] {
    return byIssue(repo.comments).get(number) ?? [];
  }

  eventsOf(repo: Repository, number: number): IssueEvent[] {
    return byIssue(repo.events).get(number) ?? [];
  }
}

/** GraphQL's name of a REST issue event type: `labeled` → `LabeledEvent` (`LABELED_EVENT` in `itemTypes`). */
const timelineTypename = (event: string) => `${event.charAt(0).toUpperCase()}${event.slice(1)}Event`;

function issueNode(repo: Repository, issue: Issue, lookup: Lookup): Record<string, unknown> {
  const world = repo.world;
  const isPull = Boolean(issue.pull);
  const web = `https://github.com/${repo.fullName}/${isPull ? "pull" : "issues"}/${issue.number}`;
  // GitHub lists edits newest first, and only once the body has been edited at least once
  // (then the original revision is listed too).
  const edits = issue.edits.length > 1 ? [...issue.edits].reverse() : [];
  const node: Record<string, unknown> = {
    __typename: isPull ? "PullRequest" : "Issue",
    id: Buffer.from(`${isPull ? "PullRequest" : "Issue"}:${issue.id}`).toString("base64"),
    databaseId: issue.id,
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    bodyText: issue.body ?? "",
    url: web,
    resourcePath: web.replace("https://github.com", ""),
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    closedAt: issue.closedAt,
    closed: issue.state === "closed",
    state: issue.state === "open" ? "OPEN" : issue.pull?.merged ? "MERGED" : "CLOSED",
    stateReason: issue.pull ? undefined : (issue.stateReason?.toUpperCase() ?? null),
    milestone: issue.milestone ? { __typename: "Milestone", title: issue.milestone } : null,
    // Only 👍 are modelled; other contents have none.
    reactions: (args: { content?: string } & PageArgs) => {
      const count = !args.content || args.content === "THUMBS_UP" ? (issue.thumbsUp ?? 0) : 0;
      return { totalCount: count, nodes: [], edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false } };
    },
    author: actor(world, issue.user),
    authorAssociation: authorAssociation(repo, issue.user),
    timelineItems: (args: PageArgs & { itemTypes?: string[]; since?: string }) =>
      connection(
        lookup
          .eventsOf(repo, issue.number)
          .filter((e) => !args.since || e.createdAt >= args.since)
          .filter((e) => !args.itemTypes || args.itemTypes.includes(`${e.event.toUpperCase()}_EVENT`)),
        args,
        (e) => ({
          __typename: timelineTypename(e.event),
          id: Buffer.from(`${e.event}:${e.id}`).toString("base64"),
          createdAt: e.createdAt,
          actor: actor(world, e.actor),
          ...(e.label ? { label: labelNode(repo, e.label) } : {}),
          ...(e.event === "closed" || e.event === "reopened"
            ? { stateReason: e.stateReason?.toUpperCase() ?? (e.event === "closed" ? "COMPLETED" : "REOPENED") }
            : {}),
        }),
      ),
    lastEditedAt: issue.edits.length > 1 ? issue.edits.at(-1)?.editedAt : null,
    editor: issue.edits.length > 1 ? actor(world, issue.edits.at(-1)?.editor) : null,
    labels: labelsOf(repo, issue),
    comments: (args: PageArgs) =>
      connection(lookup.commentsOf(repo, issue.number), args, (c) => ({
        __typename: "IssueComment",
        id: Buffer.from(`IssueComment:${c.id}`).toString("base64"),
        databaseId: c.id,
        author: actor(world, c.user),
        authorAssociation: authorAssociation(repo, c.user),
        body: c.body,
        bodyText: c.body,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
        url: `${web}#issuecomment-${c.id}`,
      })),
    userContentEdits: (args: PageArgs) =>
      connection(edits, args, (e) => ({
        __typename: "UserContentEdit",
        id: Buffer.from(`UserContentEdit:${issue.id}:${e.editedAt}`).toString("base64"),
        createdAt: e.editedAt,
        updatedAt: e.deletedAt ?? e.editedAt,
        editedAt: e.editedAt,
        editor: actor(world, e.editor),
        deletedAt: e.deletedAt ?? null,
        deletedBy: e.deletedAt ? actor(world, e.deletedBy ?? e.editor) : null,
        // A deleted revision's text is gone.
        diff: e.deletedAt ? null : e.body,
      })),
  };
  if (issue.pull) {
    const pull = issue.pull;
    Object.assign(node, {
      baseRefName: pull.base,
      headRefName: pull.head,
      baseRefOid: repo.baseSha(issue),
      headRefOid: repo.headSha(issue),
      isDraft: pull.draft,
      isCrossRepository: pull.fork,
      merged: pull.merged,
      mergedAt: pull.mergedAt ?? null,
      closingIssuesReferences: (args: PageArgs) =>
        connection(
          pull.closes.map((n) => repo.issues.get(n)).filter((i): i is Issue => Boolean(i)),
          args,
          (i) => issueNode(repo, i, lookup),
        ),
    });
  }
  return node;
}

interface IssuesArgs extends PageArgs {
  states?: string[];
  labels?: string[];
  filterBy?: { since?: string; states?: string[]; labels?: string[] };
  orderBy?: { field: string; direction: string };
}

function repositoryNode(repo: Repository, lookup: Lookup) {
  const issuesOf = (pulls: boolean) => (args: IssuesArgs) => {
    const states = args.states ?? args.filterBy?.states;
    const labels = (args.labels ?? args.filterBy?.labels)?.map((l) => l.toLowerCase());
    const since = args.filterBy?.since;
    const field = args.orderBy?.field ?? "CREATED_AT";
    const direction = args.orderBy?.direction === "DESC" ? -1 : 1;
    // Built once per change to the issues (see IssueIndex), not on each of a thousand pages.
    const sorted = repo.issueIndex.list(`${field} ${direction}`, (issues) => {
      const key = (i: Issue) => (field === "UPDATED_AT" ? i.updatedAt : i.createdAt);
      // Plain comparison, not localeCompare: timestamps are ISO strings.
      const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      return [...issues].sort((a, b) => direction * (compare(key(a), key(b)) || a.number - b.number));
    });
    const selection = JSON.stringify([pulls, field, direction, states ?? null, labels ?? null, since ?? null]);
    const items = repo.issueIndex.list(selection, () =>
      sorted.filter(
        (i) =>
          Boolean(i.pull) === pulls &&
          (!states || states.includes(i.state === "open" ? "OPEN" : "CLOSED")) &&
          (!labels || labels.some((l) => i.labels.some((x) => x.toLowerCase() === l))) &&
          (!since || i.updatedAt >= since),
      ),
    );
    return connection(items, args, (i) => issueNode(repo, i, lookup));
  };
  const byNumber = (pulls: boolean | null) => (args: { number: number }) => {
    const issue = repo.issues.get(args.number);
    if (!issue || (pulls !== null && Boolean(issue.pull) !== pulls))
      throw new Error(
        `Could not resolve to ${pulls ? "a PullRequest" : "an Issue"} with the number of ${args.number}.`,
      );
    return issueNode(repo, issue, lookup);
  };
  const head = repo.resolve(repo.defaultBranch);
  return {
    __typename: "Repository",
    id: Buffer.from(`Repository:${repo.id}`).toString("base64"),
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: repo.fullName,
    url: `https://github.com/${repo.fullName}`,
    isPrivate: repo.isPrivate,
    owner: { ...actor(repo.world, repo.owner), __typename: "Organization" },
    defaultBranchRef: head
      ? {
          __typename: "Ref",
          name: repo.defaultBranch,
          prefix: "refs/heads/",
          target: { __typename: "Commit", oid: head },
        }
      : null,
    pullRequest: byNumber(true),
    issue: byNumber(false),
    issueOrPullRequest: byNumber(null),
    issues: issuesOf(false),
    pullRequests: issuesOf(true),
  };
}

export interface GraphqlResult {
  body: { data?: unknown; errors?: unknown[] };
  /** Messages the test should fail on: invalid queries and resolver errors. */
  problems: string[];
}

export async function executeGraphql(world: World, token: TokenInfo | null, request: unknown): Promise<GraphqlResult> {
  const { query, variables, operationName } = (request ?? {}) as {
    query?: string;
    variables?: Record<string, unknown>;
    operationName?: string;
  };
  if (typeof query !== "string") {
    const message = "A query attribute must be specified and must be a string.";
    return { body: { errors: [{ message }] }, problems: [message] };
  }
  let document: ReturnType<typeof parse>;
  try {
    document = parse(query);
  } catch (error) {
    const message = `Parse error: ${(error as Error).message}`;
    return { body: { errors: [{ message }] }, problems: [message] };
  }
  const invalid = validate(githubSchema(), document);
  if (invalid.length > 0)
    return {
      body: { errors: invalid.map((e) => ({ message: e.message, locations: e.locations })) },
      problems: invalid.map((e) => e.message),
    };
  const mutation = document.definitions.some((d) => d.kind === "OperationDefinition" && d.operation === "mutation");
  if (mutation && !token?.write) {
    const message = "Resource not accessible by integration";
    return { body: { errors: [{ type: "FORBIDDEN", message }] }, problems: [] };
  }
  const cost = graphqlCost(githubSchema(), document, variables ?? {}, operationName);
  if (!world.rateLimits.spend("graphql", cost)) {
    const message = `API rate limit already exceeded for user ID ${token ? world.user(token.login).id : 0}.`;
    return { body: { errors: [{ type: "RATE_LIMITED", code: "graphql_rate_limit", message }] }, problems: [] };
  }
  const lookup = new Lookup();
  const root = {
    repository: (args: { owner: string; name: string }) => {
      const repo = world.repos.get(`${args.owner}/${args.name}`.toLowerCase());
      if (!repo) throw new Error(`Could not resolve to a Repository with the name '${args.owner}/${args.name}'.`);
      return repositoryNode(repo, lookup);
    },
    viewer: () => actor(world, token?.login ?? "ghost"),
    rateLimit: () => ({
      limit: world.rateLimits.graphql.limit,
      cost,
      remaining: world.rateLimits.remaining("graphql"),
      used: world.rateLimits.graphql.used,
      resetAt: new Date(world.rateLimits.graphql.reset * 1000).toISOString(),
      nodeCount: 0,
    }),
  };
  // The document parsed and validated above: graphql() would parse and validate it again.
  const result = await execute({
    schema: githubSchema(),
    document,
    rootValue: root,
    variableValues: variables ?? null,
    operationName: operationName ?? null,
  });
  // GitHub types a lookup of something that does not exist as NOT_FOUND (and still answers the rest).
  const errors = result.errors?.map((e) => ({
    ...(/^Could not resolve to /.test(e.message) ? { type: "NOT_FOUND" } : {}),
    message: e.message,
    path: e.path,
    locations: e.locations,
  }));
  return {
    body: { data: result.data ?? null, ...(errors ? { errors } : {}) },
    problems: errors?.map((e) => `${e.message}${e.path ? ` (at ${e.path.join(".")})` : ""}`) ?? [],
  };
}
