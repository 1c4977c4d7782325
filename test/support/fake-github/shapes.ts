import { unifiedDiff } from "./diff.js";
import type { CheckRun, Commit, Issue, IssueComment, IssueEvent, Label, Release, Repository, World } from "./model.js";

/**
 * REST JSON in GitHub's shapes (the fields the OpenAPI description requires, with realistic
 * values). `api` is the server's base URL, so every `url` field points back at the fake.
 */

const WEB = "https://github.com";

export function nodeId(type: string, id: number | string): string {
  return Buffer.from(`${type}:${id}`).toString("base64");
}

export function simpleUser(world: World, api: string, login: string) {
  const user = world.user(login);
  const url = `${api}/users/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId("User", user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: "",
    url,
    html_url: `${WEB}/${user.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.type,
    site_admin: false,
  };
}

const REPO_URLS = [
  "archive_url",
  "assignees_url",
  "blobs_url",
  "branches_url",
  "collaborators_url",
  "comments_url",
  "commits_url",
  "compare_url",
  "contents_url",
  "contributors_url",
  "deployments_url",
  "downloads_url",
  "events_url",
  "forks_url",
  "git_commits_url",
  "git_refs_url",
  "git_tags_url",
  "hooks_url",
  "issue_comment_url",
  "issue_events_url",
  "issues_url",
  "keys_url",
  "labels_url",
  "languages_url",
  "merges_url",
  "milestones_url",
  "notifications_url",
  "pulls_url",
  "releases_url",
  "stargazers_url",
  "statuses_url",
  "subscribers_url",
  "subscription_url",
  "tags_url",
  "teams_url",
  "trees_url",
];

export function repository(repo: Repository, api: string, fork = false) {
  const url = `${api}/repos/${repo.fullName}`;
  const urls = Object.fromEntries(REPO_URLS.map((k) => [k, `${url}/${k.replace(/_url$/, "")}`]));
  return {
    id: repo.id,
    node_id: nodeId("Repository", repo.id),
    name: repo.name,
    full_name: repo.fullName,
    owner: simpleUser(repo.world, api, repo.owner),
    private: repo.isPrivate,
    html_url: `${WEB}/${repo.fullName}`,
    description: null,
    fork,
    url,
    ...urls,
    clone_url: `${WEB}/${repo.fullName}.git`,
    git_url: `git://github.com/${repo.fullName}.git`,
    ssh_url: `git@github.com:${repo.fullName}.git`,
    svn_url: `${WEB}/${repo.fullName}`,
    mirror_url: null,
    homepage: null,
    language: "TypeScript",
    forks: 0,
    forks_count: 0,
    stargazers_count: repo.stars,
    watchers_count: repo.stars,
    watchers: repo.stars,
    size: 100,
    default_branch: repo.defaultBranch,
    open_issues: 0,
    open_issues_count: 0,
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    archived: false,
    disabled: false,
    license: null,
    pushed_at: "2026-11-01T00:00:00Z",
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-11-01T00:00:00Z",
  };
}

function gitUser(p: Commit["author"]) {
  return { name: p.name, email: p.email, date: p.date };
}

/** `verification` as the REST API shows it: a signature and its payload whenever the commit was signed. */
function verification(c: Commit) {
  const signed = c.verification.reason !== "unsigned";
  return {
    verified: c.verification.verified,
    reason: c.verification.reason,
    signature: signed ? `-----BEGIN PGP SIGNATURE-----\n\n${c.sha}\n-----END PGP SIGNATURE-----\n` : null,
    payload: signed ? `tree ${c.tree}\n\n${c.message}\n` : null,
    verified_at: c.verification.verified ? c.committer.date : null,
  };
}

export function diffEntries(repo: Repository, api: string, fromSha: string | undefined, toSha: string) {
  const before = fromSha ? repo.files(fromSha) : new Map<string, string>();
  const after = repo.files(toSha);
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  const out = [];
  for (const path of paths) {
    const a = before.get(path);
    const b = after.get(path);
    if (a === b) continue;
    const diff = unifiedDiff(a ?? "", b ?? "");
    const status = a === undefined ? "added" : b === undefined ? "removed" : "modified";
    const blob = status === "removed" ? "0000000000000000000000000000000000000000" : repo.putBlob(b ?? "");
    out.push({
      sha: blob,
      filename: path,
      status,
      additions: diff.additions,
      deletions: diff.deletions,
      changes: diff.additions + diff.deletions,
      blob_url: `${WEB}/${repo.fullName}/blob/${toSha}/${path}`,
      raw_url: `${WEB}/${repo.fullName}/raw/${toSha}/${path}`,
      contents_url: `${api}/repos/${repo.fullName}/contents/${path}?ref=${toSha}`,
      patch: diff.patch,
    });
  }
  return out;
}

/** `commit` schema; `withFiles` adds `files` and `stats` as GET /commits/{ref} does. */
export function commit(repo: Repository, api: string, c: Commit, withFiles = false) {
  const url = `${api}/repos/${repo.fullName}/commits/${c.sha}`;
  const known = (login: string | null) => (login ? simpleUser(repo.world, api, login) : null);
  const base = {
    url,
    sha: c.sha,
    node_id: nodeId("Commit", c.sha),
    html_url: `${WEB}/${repo.fullName}/commit/${c.sha}`,
    comments_url: `${url}/comments`,
    commit: {
      url: `${api}/repos/${repo.fullName}/git/commits/${c.sha}`,
      author: gitUser(c.author),
      committer: gitUser(c.committer),
      message: c.message,
      comment_count: 0,
      tree: { sha: c.tree, url: `${api}/repos/${repo.fullName}/git/trees/${c.tree}` },
      verification: verification(c),
    },
    author: known(c.author.login),
    committer: known(c.committer.login),
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${api}/repos/${repo.fullName}/commits/${p}`,
      html_url: `${WEB}/${repo.fullName}/commit/${p}`,
    })),
  };
  if (!withFiles) return base;
  const files = diffEntries(repo, api, c.parents[0], c.sha);
  const additions = files.reduce((n, f) => n + f.additions, 0);
  const deletions = files.reduce((n, f) => n + f.deletions, 0);
  return { ...base, files, stats: { additions, deletions, total: additions + deletions } };
}

export function gitCommit(repo: Repository, api: string, c: Commit) {
  return {
    sha: c.sha,
    node_id: nodeId("Commit", c.sha),
    url: `${api}/repos/${repo.fullName}/git/commits/${c.sha}`,
    html_url: `${WEB}/${repo.fullName}/commit/${c.sha}`,
    author: gitUser(c.author),
    committer: gitUser(c.committer),
    tree: { sha: c.tree, url: `${api}/repos/${repo.fullName}/git/trees/${c.tree}` },
    message: c.message,
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${api}/repos/${repo.fullName}/git/commits/${p}`,
      html_url: `${WEB}/${repo.fullName}/commit/${p}`,
    })),
    verification: verification(c),
  };
}

export function gitRef(repo: Repository, api: string, ref: string, sha: string) {
  return {
    ref,
    node_id: nodeId("Ref", ref),
    url: `${api}/repos/${repo.fullName}/git/${ref}`,
    object: { type: "commit", sha, url: `${api}/repos/${repo.fullName}/git/commits/${sha}` },
  };
}

/** GET /git/trees: the immediate entries, or every entry (directories too) when recursive. */
export function gitTree(repo: Repository, api: string, sha: string, recursive: boolean) {
  const tree = repo.tree(sha);
  const entries = new Map<string, { path: string; mode: string; type: string; sha: string; size?: number }>();
  for (const [path, blob] of tree) {
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join("/");
      if ((recursive || i === 1) && !entries.has(dir))
        entries.set(dir, { path: dir, mode: "040000", type: "tree", sha: repo.subtreeSha(sha, dir) });
    }
    if (recursive || parts.length === 1)
      entries.set(path, { path, mode: "100644", type: "blob", sha: blob, size: repo.blobs.get(blob)?.length ?? 0 });
  }
  return {
    sha,
    url: `${api}/repos/${repo.fullName}/git/trees/${sha}`,
    truncated: false,
    tree: [...entries.values()]
      .sort((a, b) => (a.path < b.path ? -1 : 1))
      .map((e) => ({
        ...e,
        url: `${api}/repos/${repo.fullName}/git/${e.type === "tree" ? "trees" : "blobs"}/${e.sha}`,
      })),
  };
}

/** Base64 wrapped at 60 characters, as GitHub sends file contents. */
export function base64Lines(buffer: Buffer): string {
  const b64 = buffer.toString("base64");
  return `${b64.replace(/.{60}/g, "$&\n")}${b64.length % 60 === 0 ? "" : "\n"}`;
}

export function contentFile(repo: Repository, api: string, path: string, ref: string, blob: string) {
  const content = repo.blobs.get(blob) ?? Buffer.alloc(0);
  const url = `${api}/repos/${repo.fullName}/contents/${path}?ref=${ref}`;
  const git = `${api}/repos/${repo.fullName}/git/blobs/${blob}`;
  const html = `${WEB}/${repo.fullName}/blob/${ref}/${path}`;
  return {
    type: "file",
    encoding: "base64",
    size: content.length,
    name: path.split("/").at(-1) as string,
    path,
    content: base64Lines(content),
    sha: blob,
    url,
    git_url: git,
    html_url: html,
    download_url: `https://raw.githubusercontent.com/${repo.fullName}/${ref}/${path}`,
    _links: { self: url, git, html },
  };
}

export function directoryEntry(repo: Repository, api: string, path: string, ref: string, type: string, sha: string) {
  const size = type === "file" ? (repo.blobs.get(sha)?.length ?? 0) : 0;
  const url = `${api}/repos/${repo.fullName}/contents/${path}?ref=${ref}`;
  const git = `${api}/repos/${repo.fullName}/git/${type === "dir" ? "trees" : "blobs"}/${sha}`;
  const html = `${WEB}/${repo.fullName}/${type === "dir" ? "tree" : "blob"}/${ref}/${path}`;
  return {
    type,
    size,
    name: path.split("/").at(-1) as string,
    path,
    sha,
    url,
    git_url: git,
    html_url: html,
    download_url: type === "file" ? `https://raw.githubusercontent.com/${repo.fullName}/${ref}/${path}` : null,
    _links: { self: url, git, html },
  };
}

export function label(repo: Repository, api: string, l: Label) {
  return {
    id: l.id,
    node_id: nodeId("Label", l.id),
    url: `${api}/repos/${repo.fullName}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    description: l.description,
    color: l.color,
    default: false,
  };
}

/** OWNER for the repository owner, MEMBER for collaborators above read, else NONE. */
export function authorAssociation(repo: Repository, login: string): string {
  const permission = repo.collaborators.get(login.toLowerCase());
  if (login.toLowerCase() === repo.owner.toLowerCase()) return "OWNER";
  if (permission && permission !== "read") return "MEMBER";
  return "NONE";
}

export function issue(repo: Repository, api: string, i: Issue) {
  const url = `${api}/repos/${repo.fullName}/issues/${i.number}`;
  const comments = repo.comments.filter((c) => c.issue === i.number).length;
  return {
    id: i.id,
    node_id: nodeId("Issue", i.id),
    url,
    repository_url: `${api}/repos/${repo.fullName}`,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${WEB}/${repo.fullName}/${i.pull ? "pull" : "issues"}/${i.number}`,
    number: i.number,
    state: i.state,
    state_reason: i.stateReason,
    title: i.title,
    body: i.body,
    user: simpleUser(repo.world, api, i.user),
    labels: i.labels.map((name) => label(repo, api, repo.label(name))),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments,
    closed_at: i.closedAt,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    author_association: authorAssociation(repo, i.user),
    ...(i.pull
      ? {
          draft: i.pull.draft,
          pull_request: {
            url: `${api}/repos/${repo.fullName}/pulls/${i.number}`,
            html_url: `${WEB}/${repo.fullName}/pull/${i.number}`,
            diff_url: `${WEB}/${repo.fullName}/pull/${i.number}.diff`,
            patch_url: `${WEB}/${repo.fullName}/pull/${i.number}.patch`,
            merged_at: i.pull.mergedAt ?? null,
          },
        }
      : {}),
  };
}

/** A fork PR's head lives in the author's fork of the repository. */
function headRepo(repo: Repository, i: Issue): Repository {
  if (!i.pull?.fork) return repo;
  const fork = repo.world.repo(`${i.user}/${repo.name}`);
  for (const [sha, c] of repo.commits) fork.commits.set(sha, c);
  for (const [sha, t] of repo.trees) fork.trees.set(sha, t);
  for (const [sha, b] of repo.blobs) fork.blobs.set(sha, b);
  return fork;
}

export function pullRequest(repo: Repository, api: string, i: Issue) {
  const pull = i.pull as NonNullable<Issue["pull"]>;
  const url = `${api}/repos/${repo.fullName}/pulls/${i.number}`;
  const html = `${WEB}/${repo.fullName}/pull/${i.number}`;
  const issueUrl = `${api}/repos/${repo.fullName}/issues/${i.number}`;
  const headSha = repo.headSha(i);
  const baseSha = repo.baseSha(i);
  const head = headRepo(repo, i);
  const commits = repo.history(headSha).filter((c) => !repo.isAncestor(c.sha, baseSha));
  const files = diffEntries(repo, api, repo.mergeBase(baseSha, headSha), headSha);
  const link = (href: string) => ({ href });
  return {
    url,
    id: i.id,
    node_id: nodeId("PullRequest", i.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueUrl,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${api}/repos/${repo.fullName}/pulls/comments{/number}`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: `${api}/repos/${repo.fullName}/statuses/${headSha}`,
    number: i.number,
    state: i.state,
    locked: false,
    title: i.title,
    user: simpleUser(repo.world, api, i.user),
    body: i.body,
    labels: i.labels.map((name) => label(repo, api, repo.label(name))),
    milestone: null,
    active_lock_reason: null,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    closed_at: i.closedAt,
    merged_at: pull.mergedAt ?? null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: {
      label: `${head.owner}:${pull.head}`,
      ref: pull.head,
      sha: headSha,
      user: simpleUser(repo.world, api, head.owner),
      repo: repository(head, api, pull.fork),
    },
    base: {
      label: `${repo.owner}:${pull.base}`,
      ref: pull.base,
      sha: baseSha,
      user: simpleUser(repo.world, api, repo.owner),
      repo: repository(repo, api),
    },
    _links: {
      self: link(url),
      html: link(html),
      issue: link(issueUrl),
      comments: link(`${issueUrl}/comments`),
      review_comments: link(`${url}/comments`),
      review_comment: link(`${api}/repos/${repo.fullName}/pulls/comments{/number}`),
      commits: link(`${url}/commits`),
      statuses: link(`${api}/repos/${repo.fullName}/statuses/${headSha}`),
    },
    author_association: authorAssociation(repo, i.user),
    auto_merge: null,
    draft: pull.draft,
    merged: pull.merged,
    mergeable: true,
    rebaseable: true,
    mergeable_state: "clean",
    merged_by: null,
    comments: repo.comments.filter((c) => c.issue === i.number).length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: commits.length,
    additions: files.reduce((n, f) => n + f.additions, 0),
    deletions: files.reduce((n, f) => n + f.deletions, 0),
    changed_files: files.length,
  };
}

export function issueComment(repo: Repository, api: string, c: IssueComment) {
  return {
    id: c.id,
    node_id: nodeId("IssueComment", c.id),
    url: `${api}/repos/${repo.fullName}/issues/comments/${c.id}`,
    html_url: `${WEB}/${repo.fullName}/issues/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${api}/repos/${repo.fullName}/issues/${c.issue}`,
    body: c.body,
    user: simpleUser(repo.world, api, c.user),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: authorAssociation(repo, c.user),
    performed_via_github_app: null,
  };
}

const ACTIONS_APP = (repo: Repository, api: string) => ({
  id: 15368,
  slug: "github-actions",
  node_id: nodeId("App", 15368),
  owner: simpleUser(repo.world, api, "github"),
  name: "GitHub Actions",
  description: "Automate your workflow from idea to production",
  external_url: "https://help.github.com/en/actions",
  html_url: `${WEB}/apps/github-actions`,
  created_at: "2018-07-30T09:30:17Z",
  updated_at: "2024-04-10T20:33:16Z",
  permissions: { checks: "write", contents: "read", pull_requests: "write", issues: "write" },
  events: ["check_run", "pull_request"],
});

export function checkRun(repo: Repository, api: string, run: CheckRun) {
  const url = `${api}/repos/${repo.fullName}/check-runs/${run.id}`;
  return {
    id: run.id,
    node_id: nodeId("CheckRun", run.id),
    head_sha: run.headSha,
    external_id: run.externalId,
    url,
    html_url: `${WEB}/${repo.fullName}/runs/${run.id}`,
    details_url: run.detailsUrl,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.output.annotations.length,
      annotations_url: `${url}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.id + 1 },
    app: ACTIONS_APP(repo, api),
    pull_requests: [],
  };
}

export function release(repo: Repository, api: string, r: Release) {
  const url = `${api}/repos/${repo.fullName}/releases/${r.id}`;
  return {
    url,
    html_url: `${WEB}/${repo.fullName}/releases/tag/${r.tagName}`,
    assets_url: `${url}/assets`,
    upload_url: `https://uploads.github.com/repos/${repo.fullName}/releases/${r.id}/assets{?name,label}`,
    tarball_url: `${api}/repos/${repo.fullName}/tarball/${r.tagName}`,
    zipball_url: `${api}/repos/${repo.fullName}/zipball/${r.tagName}`,
    id: r.id,
    node_id: nodeId("Release", r.id),
    tag_name: r.tagName,
    target_commitish: r.targetCommitish,
    name: r.name,
    body: r.body,
    draft: r.draft,
    prerelease: r.prerelease,
    created_at: r.createdAt,
    published_at: r.publishedAt,
    author: simpleUser(repo.world, api, r.author),
    assets: [],
  };
}

/** `GET /repos/{owner}/{repo}`: the repository with its organization and permissions. */
export function fullRepository(repo: Repository, api: string) {
  return {
    ...repository(repo, api),
    organization: simpleUser(repo.world, api, repo.owner),
    network_count: 0,
    subscribers_count: 0,
    topics: [],
    has_discussions: false,
    visibility: repo.isPrivate ? "private" : "public",
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
  };
}

/** An issue event; the repository-wide list adds the issue it belongs to. */
export function issueEvent(repo: Repository, api: string, e: IssueEvent, withIssue = false) {
  return {
    id: e.id,
    node_id: nodeId("IssueEvent", e.id),
    url: `${api}/repos/${repo.fullName}/issues/events/${e.id}`,
    actor: simpleUser(repo.world, api, e.actor),
    event: e.event,
    commit_id: null,
    commit_url: null,
    created_at: e.createdAt,
    performed_via_github_app: null,
    ...(e.label ? { label: { name: e.label, color: repo.label(e.label).color } } : {}),
    ...(e.event === "closed" ? { state_reason: e.stateReason ?? "completed" } : {}),
    ...(withIssue ? { issue: issue(repo, api, repo.issues.get(e.issue) as Issue) } : {}),
  };
}
