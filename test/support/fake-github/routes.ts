import { bodyObject, type Ctx, HttpError, now, ok, paginate, type Reply, repoOf, requireString } from "./http.js";
import { byIssue } from "./issue-index.js";
import { log } from "./log.js";
import {
  type Annotation,
  type CheckRun,
  type Commit,
  type Issue,
  type Repository,
  type Tree,
  UNSIGNED,
} from "./model.js";
import * as shape from "./shapes.js";

export interface Route {
  method: string;
  /** OpenAPI path template; `{name+}` (fake-only) matches several segments. */
  template: string;
  handler: (ctx: Ctx) => Reply;
}

const routes: Route[] = [];
function route(method: string, template: string, handler: (ctx: Ctx) => Reply): void {
  routes.push({ method, template, handler });
}

/** The operation key used in openapi-subset.json for a route. */
export function operationKey(r: Route): string {
  return `${r.method} ${r.template.replace("+}", "}")}`;
}

const R = "/repos/{owner}/{repo}";

function commitOf(repo: Repository, ref: string): Commit {
  const sha = repo.resolve(ref);
  const commit = sha ? repo.commits.get(sha) : undefined;
  if (!commit) throw new HttpError(422, `No commit found for SHA: ${ref}`);
  return commit;
}

function issueOf(repo: Repository, number: string | undefined): Issue {
  const issue = repo.issues.get(Number(number));
  if (!issue) throw new HttpError(404, "Not Found");
  return issue;
}

function pullOf(repo: Repository, number: string | undefined): Issue {
  const issue = issueOf(repo, number);
  if (!issue.pull) throw new HttpError(404, "Not Found");
  return issue;
}

// --- repository, contents, commits, compare -----------------------------------------------

route("GET", R, (ctx) => ok(shape.fullRepository(repoOf(ctx), ctx.api)));

route("GET", `${R}/contents/{path+}`, (ctx) => {
  const repo = repoOf(ctx);
  const ref = ctx.query.get("ref") ?? repo.defaultBranch;
  const sha = repo.resolve(ref);
  if (!sha) throw new HttpError(404, `No commit found for the ref ${ref}`);
  const path = (ctx.params.path ?? "").replace(/\/$/, "");
  const tree = repo.tree((repo.commits.get(sha) as Commit).tree);
  const blob = tree.get(path);
  if (blob) return ok(shape.contentFile(repo, ctx.api, path, ref, blob));
  const prefix = path === "" ? "" : `${path}/`;
  const children = new Map<string, { type: string; sha: string }>();
  for (const [p, b] of tree) {
    if (!p.startsWith(prefix)) continue;
    const [name, ...rest] = p.slice(prefix.length).split("/");
    const full = `${prefix}${name}`;
    if (rest.length === 0) children.set(full, { type: "file", sha: b });
    else if (!children.has(full))
      children.set(full, { type: "dir", sha: repo.subtreeSha((repo.commits.get(sha) as Commit).tree, full) });
  }
  if (children.size === 0) throw new HttpError(404, "Not Found");
  return ok(
    [...children]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([p, c]) => shape.directoryEntry(repo, ctx.api, p, ref, c.type, c.sha)),
  );
});

route("GET", `${R}/commits`, (ctx) => {
  const repo = repoOf(ctx);
  const ref = ctx.query.get("sha") ?? repo.defaultBranch;
  const sha = repo.resolve(ref);
  if (!sha) throw new HttpError(404, "Not Found");
  const path = ctx.query.get("path")?.replace(/^\/|\/$/g, "");
  const since = ctx.query.get("since");
  const until = ctx.query.get("until");
  // git's default history simplification, as GitHub applies it (see log.ts).
  const commits = log(repo, sha, path || undefined).filter(
    (c) => (!since || c.committer.date >= since) && (!until || c.committer.date <= until),
  );
  return paginate(
    ctx,
    `/repos/${repo.fullName}/commits`,
    commits.map((c) => shape.commit(repo, ctx.api, c)),
  );
});

route("GET", `${R}/commits/{ref}`, (ctx) => {
  const repo = repoOf(ctx);
  return ok(shape.commit(repo, ctx.api, commitOf(repo, ctx.params.ref ?? ""), true));
});

/** Commits a comparison lists without paging. */
const COMPARE_LIMIT = 250;

route("GET", `${R}/compare/{basehead+}`, (ctx) => {
  const repo = repoOf(ctx);
  const [baseRef, headRef] = (ctx.params.basehead ?? "").split("...");
  if (!baseRef || !headRef) throw new HttpError(404, "Not Found");
  const base = commitOf(repo, baseRef);
  const head = commitOf(repo, headRef);
  const mergeBase = repo.mergeBase(base.sha, head.sha);
  const ahead = repo.history(head.sha).filter((c) => !mergeBase || !repo.isAncestor(c.sha, mergeBase));
  const behind = repo.history(base.sha).filter((c) => !mergeBase || !repo.isAncestor(c.sha, mergeBase));
  const status =
    ahead.length === 0 && behind.length === 0
      ? "identical"
      : behind.length === 0
        ? "ahead"
        : ahead.length === 0
          ? "behind"
          : "diverged";
  const url = `${ctx.api}/repos/${repo.fullName}/compare/${ctx.params.basehead}`;
  const web = `https://github.com/${repo.fullName}/compare/${ctx.params.basehead}`;
  // Oldest first. Unpaged, GitHub lists at most 250 (the newest); `total_commits` counts them all.
  const listed = ahead.reverse();
  const paged = ctx.query.has("per_page") || ctx.query.has("page");
  let commits = listed.slice(-COMPARE_LIMIT);
  let headers: Record<string, string> | undefined;
  if (paged) {
    const page = paginate(ctx, `/repos/${repo.fullName}/compare/${ctx.params.basehead}`, listed);
    commits = page.body as Commit[];
    headers = page.headers;
  }
  return ok(
    {
      url,
      html_url: web,
      permalink_url: web,
      diff_url: `${web}.diff`,
      patch_url: `${web}.patch`,
      base_commit: shape.commit(repo, ctx.api, base),
      merge_base_commit: shape.commit(repo, ctx.api, mergeBase ? (repo.commits.get(mergeBase) as Commit) : base),
      status,
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: listed.length,
      commits: commits.map((c) => shape.commit(repo, ctx.api, c)),
      files: shape.diffEntries(repo, ctx.api, mergeBase, head.sha),
    },
    200,
    headers,
  );
});

// --- pulls ---------------------------------------------------------------------------------

route("GET", `${R}/pulls`, (ctx) => {
  const repo = repoOf(ctx);
  const state = ctx.query.get("state") ?? "open";
  const head = ctx.query.get("head");
  const base = ctx.query.get("base");
  const pulls = [...repo.issues.values()]
    .filter((i) => i.pull && (state === "all" || i.state === state))
    .filter((i) => !base || i.pull?.base === base)
    .filter((i) => !head || `${repo.owner}:${i.pull?.head}` === head)
    .sort((a, b) => b.number - a.number);
  return paginate(ctx, `/repos/${repo.fullName}/pulls`, pulls, (i) => shape.pullRequest(repo, ctx.api, i));
});

route("GET", `${R}/pulls/{pull_number}`, (ctx) => {
  const repo = repoOf(ctx);
  return ok(shape.pullRequest(repo, ctx.api, pullOf(repo, ctx.params.pull_number)));
});

route("GET", `${R}/pulls/{pull_number}/files`, (ctx) => {
  const repo = repoOf(ctx);
  const pull = pullOf(repo, ctx.params.pull_number);
  const head = repo.headSha(pull);
  const files = shape.diffEntries(repo, ctx.api, repo.mergeBase(repo.baseSha(pull), head), head);
  return paginate(ctx, `/repos/${repo.fullName}/pulls/${pull.number}/files`, files);
});

route("GET", `${R}/pulls/{pull_number}/commits`, (ctx) => {
  const repo = repoOf(ctx);
  const pull = pullOf(repo, ctx.params.pull_number);
  const base = repo.baseSha(pull);
  const commits = repo
    .history(repo.headSha(pull))
    .filter((c) => !repo.isAncestor(c.sha, base))
    .reverse();
  return paginate(
    ctx,
    `/repos/${repo.fullName}/pulls/${pull.number}/commits`,
    commits.map((c) => shape.commit(repo, ctx.api, c)),
  );
});

// --- orgs, permissions ---------------------------------------------------------------------

route("GET", "/orgs/{org}/teams/{team_slug}/memberships/{username}", (ctx) => {
  const key = `${ctx.params.org}/${ctx.params.team_slug}`.toLowerCase();
  const team = ctx.world.teams.get(key);
  if (!team) throw new HttpError(404, "Not Found");
  if (!team.has((ctx.params.username ?? "").toLowerCase())) throw new HttpError(404, "Not Found");
  return ok({
    url: `${ctx.api}/teams/${key}/memberships/${ctx.params.username}`,
    role: "member",
    state: "active",
  });
});

route("GET", `${R}/collaborators/{username}/permission`, (ctx) => {
  const repo = repoOf(ctx);
  const login = ctx.params.username ?? "";
  if (!ctx.world.users.has(login.toLowerCase())) throw new HttpError(404, "Not Found");
  const permission = repo.collaborators.get(login.toLowerCase()) ?? "read";
  const role = permission;
  const legacy = permission === "maintain" ? "write" : permission === "triage" ? "read" : permission;
  const user = shape.simpleUser(ctx.world, ctx.api, login);
  return ok({
    permission: legacy,
    role_name: role,
    user: {
      ...user,
      role_name: role,
      permissions: {
        admin: permission === "admin",
        maintain: ["admin", "maintain"].includes(permission),
        push: ["admin", "maintain", "write"].includes(permission),
        triage: permission !== "read",
        pull: true,
      },
    },
  });
});

// --- check runs ----------------------------------------------------------------------------

const CONCLUSIONS = ["action_required", "cancelled", "failure", "neutral", "success", "skipped", "stale", "timed_out"];
const LEVELS = ["notice", "warning", "failure"];

function applyCheckRunFields(run: CheckRun, body: Record<string, unknown>): void {
  if (typeof body.name === "string") run.name = body.name;
  if (typeof body.details_url === "string") run.detailsUrl = body.details_url;
  if (typeof body.external_id === "string") run.externalId = body.external_id;
  if (typeof body.started_at === "string") run.startedAt = body.started_at;
  if (typeof body.status === "string") {
    if (!["queued", "in_progress", "completed"].includes(body.status)) throw new HttpError(422, "Invalid status");
    run.status = body.status;
  }
  if (body.conclusion !== undefined) {
    if (typeof body.conclusion !== "string" || !CONCLUSIONS.includes(body.conclusion))
      throw new HttpError(422, `Invalid conclusion: ${JSON.stringify(body.conclusion)}`);
    run.conclusion = body.conclusion;
    run.status = "completed";
    run.completedAt = typeof body.completed_at === "string" ? body.completed_at : now();
  }
  if (run.status === "completed" && !run.conclusion)
    throw new HttpError(422, "Invalid request.\n\nconclusion is required when status is completed.");
  const output = body.output as Record<string, unknown> | undefined;
  if (output !== undefined) {
    if (typeof output.title !== "string" || typeof output.summary !== "string")
      throw new HttpError(422, 'Invalid request.\n\nFor \'output\', "title" and "summary" are required.');
    if (output.summary.length > 65535 || (typeof output.text === "string" && output.text.length > 65535))
      throw new HttpError(422, "Invalid request.\n\nOnly 65535 characters are allowed; output.summary is too long.");
    const annotations = (output.annotations ?? []) as Annotation[];
    if (!Array.isArray(annotations)) throw new HttpError(422, "output.annotations must be an array");
    if (annotations.length > 50)
      throw new HttpError(422, "Invalid request.\n\nOnly 50 annotations are allowed per request.");
    for (const a of annotations) {
      if (
        typeof a.path !== "string" ||
        !Number.isInteger(a.start_line) ||
        !Number.isInteger(a.end_line) ||
        !LEVELS.includes(a.annotation_level) ||
        typeof a.message !== "string"
      )
        throw new HttpError(422, `Invalid annotation: ${JSON.stringify(a)}`);
    }
    run.output.title = output.title;
    run.output.summary = output.summary;
    run.output.text = typeof output.text === "string" ? output.text : run.output.text;
    // GitHub appends annotations on every update; it never replaces them.
    run.output.annotations.push(...annotations);
  }
}

route("POST", `${R}/check-runs`, (ctx) => {
  const repo = repoOf(ctx);
  const body = bodyObject(ctx);
  const name = requireString(body, "name");
  const headSha = requireString(body, "head_sha");
  if (!repo.commits.has(headSha)) throw new HttpError(422, `No commit found for SHA: ${headSha}`);
  const run: CheckRun = {
    id: ctx.world.nextId(),
    name,
    headSha,
    status: "queued",
    conclusion: null,
    startedAt: now(),
    completedAt: null,
    externalId: null,
    detailsUrl: null,
    output: { title: null, summary: null, text: null, annotations: [] },
  };
  applyCheckRunFields(run, body);
  repo.checkRuns.push(run);
  return ok(shape.checkRun(repo, ctx.api, run), 201);
});

route("PATCH", `${R}/check-runs/{check_run_id}`, (ctx) => {
  const repo = repoOf(ctx);
  const run = repo.checkRuns.find((r) => r.id === Number(ctx.params.check_run_id));
  if (!run) throw new HttpError(404, "Not Found");
  applyCheckRunFields(run, bodyObject(ctx));
  return ok(shape.checkRun(repo, ctx.api, run));
});

route("GET", `${R}/commits/{ref}/check-runs`, (ctx) => {
  const repo = repoOf(ctx);
  const sha = commitOf(repo, ctx.params.ref ?? "").sha;
  const name = ctx.query.get("check_name");
  const runs = repo.checkRuns.filter((r) => r.headSha === sha && (!name || r.name === name)).reverse();
  return ok({ total_count: runs.length, check_runs: runs.map((r) => shape.checkRun(repo, ctx.api, r)) });
});

// --- issues, comments, labels, events, releases ----------------------------------------------

route("GET", `${R}/issues`, (ctx) => {
  const repo = repoOf(ctx);
  const state = ctx.query.get("state") ?? "open";
  const since = ctx.query.get("since");
  const labels = (ctx.query.get("labels") ?? "")
    .split(",")
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);
  const sort = ctx.query.get("sort") ?? "created";
  const direction = ctx.query.get("direction") ?? "desc";
  const key = (i: Issue) => (sort === "updated" ? i.updatedAt : i.createdAt);
  const issues = [...repo.issues.values()]
    .filter((i) => state === "all" || i.state === state)
    .filter((i) => !since || i.updatedAt >= since)
    .filter((i) => labels.every((l) => i.labels.some((x) => x.toLowerCase() === l)))
    .sort((a, b) => (direction === "asc" ? 1 : -1) * (key(a).localeCompare(key(b)) || a.number - b.number));
  return paginate(ctx, `/repos/${repo.fullName}/issues`, issues, (i) => shape.issue(repo, ctx.api, i));
});

route("GET", `${R}/issues/{issue_number}`, (ctx) => {
  const repo = repoOf(ctx);
  return ok(shape.issue(repo, ctx.api, issueOf(repo, ctx.params.issue_number)));
});

route("GET", `${R}/issues/comments`, (ctx) => {
  const repo = repoOf(ctx);
  const since = ctx.query.get("since");
  const sign = ctx.query.get("direction") === "desc" ? -1 : 1;
  const key = ctx.query.get("sort") === "updated" ? "updatedAt" : "createdAt";
  const comments = repo.comments
    .filter((c) => !since || c.updatedAt >= since)
    .sort((a, b) => sign * (a[key].localeCompare(b[key]) || a.id - b.id));
  return paginate(ctx, `/repos/${repo.fullName}/issues/comments`, comments, (c) =>
    shape.issueComment(repo, ctx.api, c),
  );
});

route("GET", `${R}/issues/{issue_number}/comments`, (ctx) => {
  const repo = repoOf(ctx);
  const issue = issueOf(repo, ctx.params.issue_number);
  const since = ctx.query.get("since");
  const comments = (byIssue(repo.comments).get(issue.number) ?? []).filter((c) => !since || c.updatedAt >= since);
  return paginate(ctx, `/repos/${repo.fullName}/issues/${issue.number}/comments`, comments, (c) =>
    shape.issueComment(repo, ctx.api, c),
  );
});

function commentBody(ctx: Ctx): string {
  const body = requireString(bodyObject(ctx), "body");
  if (body.length > 65536)
    throw new HttpError(422, "Validation Failed", [
      {
        resource: "IssueComment",
        code: "custom",
        field: "body",
        message: "body is too long (maximum is 65536 characters)",
      },
    ]);
  return body;
}

route("POST", `${R}/issues/{issue_number}/comments`, (ctx) => {
  const repo = repoOf(ctx);
  const issue = issueOf(repo, ctx.params.issue_number);
  const at = now();
  const comment = {
    id: ctx.world.nextId(),
    issue: issue.number,
    user: ctx.token?.login ?? "ghost",
    body: commentBody(ctx),
    createdAt: at,
    updatedAt: at,
  };
  repo.comments.push(comment);
  // As on GitHub, a new comment, label or unlabel counts as an update of the issue (`since` filters see it).
  issue.updatedAt = at;
  return ok(shape.issueComment(repo, ctx.api, comment), 201);
});

route("PATCH", `${R}/issues/comments/{comment_id}`, (ctx) => {
  const repo = repoOf(ctx);
  const comment = repo.comments.find((c) => c.id === Number(ctx.params.comment_id));
  if (!comment) throw new HttpError(404, "Not Found");
  comment.body = commentBody(ctx);
  comment.updatedAt = now();
  return ok(shape.issueComment(repo, ctx.api, comment));
});

function labelsReply(ctx: Ctx, repo: Repository, issue: Issue): Reply {
  return ok(issue.labels.map((name) => shape.label(repo, ctx.api, repo.label(name))));
}

route("GET", `${R}/issues/{issue_number}/labels`, (ctx) => {
  const repo = repoOf(ctx);
  return labelsReply(ctx, repo, issueOf(repo, ctx.params.issue_number));
});

route("POST", `${R}/issues/{issue_number}/labels`, (ctx) => {
  const repo = repoOf(ctx);
  const issue = issueOf(repo, ctx.params.issue_number);
  const raw = Array.isArray(ctx.body) ? ctx.body : (bodyObject(ctx).labels as unknown);
  if (!Array.isArray(raw) || raw.length === 0 || raw.some((l) => typeof l !== "string"))
    throw new HttpError(422, "Invalid request.\n\nNo labels given.");
  for (const name of raw as string[]) {
    const label = repo.label(name);
    if (!issue.labels.some((l) => l.toLowerCase() === name.toLowerCase())) {
      issue.labels.push(label.name);
      issue.updatedAt = now();
      repo.events.push({
        id: ctx.world.nextId(),
        issue: issue.number,
        event: "labeled",
        actor: ctx.token?.login ?? "ghost",
        label: label.name,
        createdAt: now(),
      });
    }
  }
  return labelsReply(ctx, repo, issue);
});

route("DELETE", `${R}/issues/{issue_number}/labels/{name}`, (ctx) => {
  const repo = repoOf(ctx);
  const issue = issueOf(repo, ctx.params.issue_number);
  const name = (ctx.params.name ?? "").toLowerCase();
  const index = issue.labels.findIndex((l) => l.toLowerCase() === name);
  if (index < 0) throw new HttpError(404, "Label does not exist");
  const [removed] = issue.labels.splice(index, 1);
  issue.updatedAt = now();
  repo.events.push({
    id: ctx.world.nextId(),
    issue: issue.number,
    event: "unlabeled",
    actor: ctx.token?.login ?? "ghost",
    label: removed as string,
    createdAt: now(),
  });
  return labelsReply(ctx, repo, issue);
});

route("GET", `${R}/issues/{issue_number}/events`, (ctx) => {
  const repo = repoOf(ctx);
  const issue = issueOf(repo, ctx.params.issue_number);
  const events = byIssue(repo.events).get(issue.number) ?? [];
  return paginate(ctx, `/repos/${repo.fullName}/issues/${issue.number}/events`, events, (e) =>
    shape.issueEvent(repo, ctx.api, e),
  );
});

route("GET", `${R}/issues/events`, (ctx) => {
  const repo = repoOf(ctx);
  // GitHub lists the repository's issue events newest first.
  const events = [...repo.events].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  return paginate(ctx, `/repos/${repo.fullName}/issues/events`, events, (e) =>
    shape.issueEvent(repo, ctx.api, e, true),
  );
});

route("GET", `${R}/labels`, (ctx) => {
  const repo = repoOf(ctx);
  return paginate(
    ctx,
    `/repos/${repo.fullName}/labels`,
    [...repo.labels.values()].map((l) => shape.label(repo, ctx.api, l)),
  );
});

route("POST", `${R}/labels`, (ctx) => {
  const repo = repoOf(ctx);
  const body = bodyObject(ctx);
  const name = requireString(body, "name");
  if (repo.labels.has(name.toLowerCase()))
    throw new HttpError(422, "Validation Failed", [{ resource: "Label", code: "already_exists", field: "name" }]);
  const label = repo.label(name);
  if (typeof body.color === "string") label.color = body.color.replace(/^#/, "");
  if (typeof body.description === "string") label.description = body.description;
  return ok(shape.label(repo, ctx.api, label), 201);
});

route("GET", `${R}/releases`, (ctx) => {
  const repo = repoOf(ctx);
  const releases = [...repo.releases].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return paginate(
    ctx,
    `/repos/${repo.fullName}/releases`,
    releases.map((r) => shape.release(repo, ctx.api, r)),
  );
});

// --- Git Data API (the data branch) --------------------------------------------------------

route("GET", `${R}/git/ref/{ref+}`, (ctx) => {
  const repo = repoOf(ctx);
  const ref = `refs/${ctx.params.ref}`;
  const sha = repo.refs.get(ref);
  if (!sha) throw new HttpError(404, "Not Found");
  return ok(shape.gitRef(repo, ctx.api, ref, sha));
});

route("POST", `${R}/git/refs`, (ctx) => {
  const repo = repoOf(ctx);
  const body = bodyObject(ctx);
  const ref = requireString(body, "ref");
  const sha = requireString(body, "sha");
  if (!/^refs\/[^/]+\/.+/.test(ref)) throw new HttpError(422, "Reference name is invalid");
  if (repo.refs.has(ref)) throw new HttpError(422, "Reference already exists");
  if (!repo.commits.has(sha)) throw new HttpError(422, "Object does not exist");
  repo.refs.set(ref, sha);
  return ok(shape.gitRef(repo, ctx.api, ref, sha), 201);
});

route("PATCH", `${R}/git/refs/{ref+}`, (ctx) => {
  const repo = repoOf(ctx);
  const ref = `refs/${ctx.params.ref}`;
  const body = bodyObject(ctx);
  const sha = requireString(body, "sha");
  const current = repo.refs.get(ref);
  if (!current) throw new HttpError(422, "Reference does not exist");
  if (!repo.commits.has(sha)) throw new HttpError(422, "Object does not exist");
  // Compare-and-swap: a non-forced update only moves the ref forward from what it points at now.
  if (body.force !== true && !repo.isAncestor(current, sha)) throw new HttpError(422, "Update is not a fast forward");
  repo.refs.set(ref, sha);
  return ok(shape.gitRef(repo, ctx.api, ref, sha));
});

route("POST", `${R}/git/blobs`, (ctx) => {
  const repo = repoOf(ctx);
  const body = bodyObject(ctx);
  if (typeof body.content !== "string") throw new HttpError(422, 'Invalid request.\n\n"content" wasn\'t supplied.');
  const encoding = body.encoding ?? "utf-8";
  if (encoding !== "utf-8" && encoding !== "base64") throw new HttpError(422, `Invalid encoding ${String(encoding)}`);
  const sha = repo.putBlob(Buffer.from(body.content, encoding === "base64" ? "base64" : "utf8"));
  return ok({ url: `${ctx.api}/repos/${repo.fullName}/git/blobs/${sha}`, sha }, 201);
});

route("GET", `${R}/git/blobs/{file_sha}`, (ctx) => {
  const repo = repoOf(ctx);
  const sha = ctx.params.file_sha ?? "";
  const blob = repo.blobs.get(sha);
  if (!blob) throw new HttpError(404, "Not Found");
  return ok({
    sha,
    node_id: shape.nodeId("Blob", sha),
    url: `${ctx.api}/repos/${repo.fullName}/git/blobs/${sha}`,
    size: blob.length,
    content: shape.base64Lines(blob),
    encoding: "base64",
  });
});

route("POST", `${R}/git/trees`, (ctx) => {
  const repo = repoOf(ctx);
  const body = bodyObject(ctx);
  let tree: Tree = new Map();
  if (body.base_tree !== undefined) {
    const base = repo.trees.get(String(body.base_tree));
    if (!base) throw new HttpError(422, "Invalid request.\n\nbase_tree is not a valid tree.");
    tree = new Map(base);
  }
  if (!Array.isArray(body.tree)) throw new HttpError(422, 'Invalid request.\n\n"tree" wasn\'t supplied.');
  for (const entry of body.tree as Record<string, unknown>[]) {
    const path = String(entry.path ?? "");
    if (!path || path.startsWith("/")) throw new HttpError(422, `Invalid tree entry path ${JSON.stringify(path)}`);
    if (entry.type !== undefined && entry.type !== "blob")
      throw new HttpError(422, "The fake supports blob entries only");
    if (entry.sha === null) {
      for (const p of [...tree.keys()]) if (p === path || p.startsWith(`${path}/`)) tree.delete(p);
    } else if (typeof entry.content === "string") tree.set(path, repo.putBlob(entry.content));
    else if (typeof entry.sha === "string" && repo.blobs.has(entry.sha)) tree.set(path, entry.sha);
    else throw new HttpError(422, `Invalid tree entry ${JSON.stringify(entry)}`);
  }
  return ok(shape.gitTree(repo, ctx.api, repo.putTree(tree), false), 201);
});

route("GET", `${R}/git/trees/{tree_sha}`, (ctx) => {
  const repo = repoOf(ctx);
  let sha = ctx.params.tree_sha ?? "";
  if (!repo.trees.has(sha)) {
    const commit = repo.resolve(sha);
    if (!commit) throw new HttpError(404, "Not Found");
    sha = (repo.commits.get(commit) as Commit).tree;
  }
  const recursive = ctx.query.has("recursive") && !["0", "false", ""].includes(ctx.query.get("recursive") ?? "");
  return ok(shape.gitTree(repo, ctx.api, sha, recursive));
});

route("POST", `${R}/git/commits`, (ctx) => {
  const repo = repoOf(ctx);
  const body = bodyObject(ctx);
  const message = requireString(body, "message");
  const tree = requireString(body, "tree");
  if (!repo.trees.has(tree)) throw new HttpError(422, "Tree SHA does not exist");
  const parents = (body.parents ?? []) as unknown[];
  if (!Array.isArray(parents) || parents.some((p) => typeof p !== "string" || !repo.commits.has(p)))
    throw new HttpError(422, "Parent SHA does not exist or is not a commit object");
  const login = ctx.token?.login ?? "ghost";
  const given = body.author as { name?: string; email?: string; date?: string } | undefined;
  const date = given?.date ?? now();
  const person = given?.name
    ? { login: null, name: given.name, email: given.email ?? "", date }
    : ctx.world.person(login, date);
  // GitHub signs commits it creates through the API for the token's own identity, not for a given author.
  const verification = given?.name ? UNSIGNED : { verified: true, reason: "valid" };
  const commit = repo.putCommit({
    tree,
    parents: parents as string[],
    message,
    author: person,
    committer: person,
    verification,
  });
  return ok(shape.gitCommit(repo, ctx.api, commit), 201);
});

route("GET", `${R}/git/commits/{commit_sha}`, (ctx) => {
  const repo = repoOf(ctx);
  const commit = repo.commits.get(ctx.params.commit_sha ?? "");
  if (!commit) throw new HttpError(404, "Not Found");
  return ok(shape.gitCommit(repo, ctx.api, commit));
});

export interface Match {
  route: Route;
  params: Record<string, string>;
}

const compiled = routes.map((r) => {
  const names: string[] = [];
  const source = r.template.replace(/\{(\w+)(\+?)\}/g, (_, name: string, plus: string) => {
    names.push(name);
    // Numbers and ids are digits, so /issues/comments is not issue "comments".
    return plus ? "(.*)" : /(_number|_id)$/.test(name) ? "(\\d+)" : "([^/]+)";
  });
  return { route: r, names, regex: new RegExp(`^${source}$`) };
});

export function matchRoute(method: string, path: string): Match | null {
  for (const { route: r, names, regex } of compiled) {
    if (r.method !== method) continue;
    const m = regex.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    names.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1] ?? "");
    });
    return { route: r, params };
  }
  return null;
}
