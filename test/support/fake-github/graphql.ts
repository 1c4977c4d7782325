import { schema as githubSchemaSource } from "@octokit/graphql-schema";
import { buildSchema, type GraphQLSchema, graphql, parse, validate } from "graphql";
import type { Issue, Repository, TokenInfo, User, World } from "./model.js";
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

function issueNode(repo: Repository, issue: Issue): Record<string, unknown> {
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
    author: actor(world, issue.user),
    authorAssociation: authorAssociation(repo, issue.user),
    timelineItems: (args: PageArgs & { itemTypes?: string[]; since?: string }) =>
      connection(
        repo.events
          .filter((e) => e.issue === issue.number && (!args.since || e.createdAt >= args.since))
          .map((e) => ({ ...e, type: `${e.event.toUpperCase()}_EVENT` }))
          .filter((e) => !args.itemTypes || args.itemTypes.includes(e.type)),
        args,
        (e) => ({
          __typename: e.type
            .toLowerCase()
            .replace(/(^|_)(\w)/g, (_m: string, _s: string, c: string) => c.toUpperCase())
            .replace(/event$/i, "Event"),
          id: Buffer.from(`${e.event}:${e.id}`).toString("base64"),
          createdAt: e.createdAt,
          actor: actor(world, e.actor),
          ...(e.label ? { label: labelNode(repo, e.label) } : {}),
        }),
      ),
    lastEditedAt: issue.edits.length > 1 ? issue.edits.at(-1)?.editedAt : null,
    editor: issue.edits.length > 1 ? actor(world, issue.edits.at(-1)?.editor) : null,
    labels: labelsOf(repo, issue),
    comments: (args: PageArgs) =>
      connection(
        repo.comments.filter((c) => c.issue === issue.number),
        args,
        (c) => ({
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
        }),
      ),
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
      mergedAt: null,
      closingIssuesReferences: (args: PageArgs) =>
        connection(
          pull.closes.map((n) => repo.issues.get(n)).filter((i): i is Issue => Boolean(i)),
          args,
          (i) => issueNode(repo, i),
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

function repositoryNode(repo: Repository) {
  const issuesOf = (pulls: boolean) => (args: IssuesArgs) => {
    const states = args.states ?? args.filterBy?.states;
    const labels = (args.labels ?? args.filterBy?.labels)?.map((l) => l.toLowerCase());
    const since = args.filterBy?.since;
    const field = args.orderBy?.field ?? "CREATED_AT";
    const key = (i: Issue) => (field === "UPDATED_AT" ? i.updatedAt : i.createdAt);
    const sign = args.orderBy?.direction === "DESC" ? -1 : 1;
    const items = [...repo.issues.values()]
      .filter((i) => Boolean(i.pull) === pulls)
      .filter((i) => !states || states.includes(i.state === "open" ? "OPEN" : "CLOSED"))
      .filter((i) => !labels || labels.some((l) => i.labels.some((x) => x.toLowerCase() === l)))
      .filter((i) => !since || i.updatedAt >= since)
      .sort((a, b) => sign * (key(a).localeCompare(key(b)) || a.number - b.number));
    return connection(items, args, (i) => issueNode(repo, i));
  };
  const byNumber = (pulls: boolean | null) => (args: { number: number }) => {
    const issue = repo.issues.get(args.number);
    if (!issue || (pulls !== null && Boolean(issue.pull) !== pulls))
      throw new Error(
        `Could not resolve to ${pulls ? "a PullRequest" : "an Issue"} with the number of ${args.number}.`,
      );
    return issueNode(repo, issue);
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
  const root = {
    repository: (args: { owner: string; name: string }) => {
      const repo = world.repos.get(`${args.owner}/${args.name}`.toLowerCase());
      if (!repo) throw new Error(`Could not resolve to a Repository with the name '${args.owner}/${args.name}'.`);
      return repositoryNode(repo);
    },
    viewer: () => actor(world, token?.login ?? "ghost"),
    rateLimit: () => ({
      limit: 5000,
      cost: 1,
      remaining: 4999,
      used: 1,
      resetAt: "2030-01-01T00:00:00Z",
      nodeCount: 0,
    }),
  };
  const result = await graphql({
    schema: githubSchema(),
    source: query,
    rootValue: root,
    variableValues: variables ?? null,
    operationName: operationName ?? null,
  });
  const errors = result.errors?.map((e) => ({ message: e.message, path: e.path, locations: e.locations }));
  return {
    body: { data: result.data ?? null, ...(errors ? { errors } : {}) },
    problems: errors?.map((e) => `${e.message}${e.path ? ` (at ${e.path.join(".")})` : ""}`) ?? [],
  };
}
