import { createHash } from "node:crypto";
import { IssueIndex, IssueMap } from "./issue-index.js";
import { RateLimits } from "./rate-limit.js";

/**
 * The in-memory GitHub the fake server serves: users, teams, repositories with real Git-style
 * objects (blobs hashed like git, trees as flat path → blob maps), pull requests and issues with
 * their description edit history, comments, labels, check runs and releases. Tests and the
 * scenario loader build it; the server reads and mutates it.
 */

export interface User {
  login: string;
  id: number;
  name: string;
  type: "User" | "Bot" | "Organization";
}

export interface GitPerson {
  /** GitHub login the commit is attributed to; null for an e-mail GitHub does not know. */
  login: string | null;
  name: string;
  email: string;
  date: string;
}

/**
 * GitHub's verdict on a commit's signature (`commit.verification` in the REST API). `reason` is one
 * of GitHub's values: `valid` when verified; `unsigned`, `unknown_key`, `bad_email`, `invalid`, …
 */
export interface Verification {
  verified: boolean;
  reason: string;
}

export const UNSIGNED: Verification = { verified: false, reason: "unsigned" };

/** The account GitHub commits as (and signs with) for web-editor edits, "Update branch" and applied suggestions. */
export const WEB_FLOW = "web-flow";

export interface Commit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: GitPerson;
  committer: GitPerson;
  verification: Verification;
}

export interface BodyEdit {
  editor: string;
  editedAt: string;
  /** The whole body after this edit (GitHub's `UserContentEdit.diff` holds the revision's text). */
  body: string;
  /** Set when someone deleted this revision from the history. */
  deletedAt?: string | null;
  deletedBy?: string | null;
}

export interface PullInfo {
  base: string;
  head: string;
  /** Pinned SHAs; when absent they follow the branches. */
  headSha?: string;
  baseSha?: string;
  draft: boolean;
  fork: boolean;
  merged: boolean;
  /** When it was merged (set with `merged`), for the REST and GraphQL `merged_at`. */
  mergedAt?: string | null;
  closes: number[];
}

export interface Issue {
  number: number;
  id: number;
  title: string;
  body: string | null;
  user: string;
  state: "open" | "closed";
  stateReason: string | null;
  labels: string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Milestone title. */
  milestone?: string | null;
  /** 👍 reactions. */
  thumbsUp?: number;
  /** Description revisions, oldest first; the first is the creation. */
  edits: BodyEdit[];
  pull?: PullInfo;
}

export interface IssueComment {
  id: number;
  issue: number;
  user: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface IssueEvent {
  id: number;
  issue: number;
  event: string;
  actor: string;
  label?: string;
  /** `closed` / `reopened`: why (GitHub's `state_reason`, lower case). */
  stateReason?: string | null;
  createdAt: string;
}

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: string;
  message: string;
  title?: string;
  start_column?: number;
  end_column?: number;
  raw_details?: string;
}

export interface CheckRun {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  startedAt: string;
  completedAt: string | null;
  externalId: string | null;
  detailsUrl: string | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations: Annotation[] };
}

export interface Release {
  id: number;
  tagName: string;
  name: string;
  body: string;
  draft: boolean;
  prerelease: boolean;
  targetCommitish: string;
  author: string;
  createdAt: string;
  publishedAt: string | null;
}

export interface Label {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export function sha1(text: string | Buffer): string {
  return createHash("sha1").update(text).digest("hex");
}

/** A flat tree: full path → blob SHA. Directories are implied by paths. */
export type Tree = Map<string, string>;

export class Repository {
  readonly id: number;
  defaultBranch = "main";
  isPrivate = false;
  /** `stargazers_count` of the repository. */
  stars = 0;
  readonly refs = new Map<string, string>();
  readonly commits = new Map<string, Commit>();
  readonly trees = new Map<string, Tree>();
  readonly blobs = new Map<string, Buffer>();
  /** Issue orders and selections, kept until an issue changes (the fake's queries page through them). */
  readonly issueIndex: IssueIndex = new IssueIndex(() => this.issues.values());
  /** Issues by number; each is a proxy that reports its changes to `issueIndex`. */
  readonly issues: Map<number, Issue> = new IssueMap(this.issueIndex.changed);
  readonly comments: IssueComment[] = [];
  readonly events: IssueEvent[] = [];
  readonly labels = new Map<string, Label>();
  readonly checkRuns: CheckRun[] = [];
  readonly releases: Release[] = [];
  /** login → admin | maintain | write | triage | read. */
  readonly collaborators = new Map<string, string>();

  constructor(
    readonly world: World,
    readonly owner: string,
    readonly name: string,
  ) {
    this.id = world.nextId();
  }

  get fullName(): string {
    return `${this.owner}/${this.name}`;
  }

  putBlob(content: string | Buffer): string {
    const buffer = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const sha = sha1(Buffer.concat([Buffer.from(`blob ${buffer.length}\0`), buffer]));
    this.blobs.set(sha, buffer);
    return sha;
  }

  /** Stores a tree and, for every directory in it, the subtree; returns the root tree's SHA. */
  putTree(tree: Tree): string {
    const entries = [...tree.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const sha = sha1(`tree ${JSON.stringify(entries)}`);
    if (!this.trees.has(sha)) {
      this.trees.set(sha, new Map(entries));
      const dirs = new Set<string>();
      for (const [path] of entries) {
        const parts = path.split("/");
        for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
      }
      for (const dir of dirs) this.putTree(subtree(tree, dir));
    }
    return sha;
  }

  /** SHA of the subtree at `dir` of the tree `treeSha`. */
  subtreeSha(treeSha: string, dir: string): string {
    return this.putTree(subtree(this.tree(treeSha), dir));
  }

  tree(sha: string): Tree {
    const tree = this.trees.get(sha);
    if (!tree) throw new Error(`no tree ${sha}`);
    return tree;
  }

  putCommit(commit: Omit<Commit, "sha">): Commit {
    const sha = sha1(`commit ${JSON.stringify(commit)}`);
    const full = { sha, ...commit };
    this.commits.set(sha, full);
    return full;
  }

  /** Files of a commit: path → content. */
  files(commitSha: string): Map<string, string> {
    const commit = this.commits.get(commitSha);
    if (!commit) throw new Error(`no commit ${commitSha}`);
    const out = new Map<string, string>();
    for (const [path, blob] of this.tree(commit.tree)) out.set(path, this.blobs.get(blob)?.toString("utf8") ?? "");
    return out;
  }

  /** Resolves a branch name, tag, full ref or (abbreviated) SHA to a commit SHA. */
  resolve(ref: string): string | undefined {
    for (const candidate of [ref, `refs/heads/${ref}`, `refs/tags/${ref}`])
      if (this.refs.has(candidate)) return this.refs.get(candidate);
    if (/^[0-9a-f]{7,40}$/.test(ref)) for (const sha of this.commits.keys()) if (sha.startsWith(ref)) return sha;
    return undefined;
  }

  /** All commits reachable from `sha`, newest first by committer date (ties: walk order). */
  history(sha: string): Commit[] {
    const seen = new Set<string>();
    const out: Commit[] = [];
    const queue = [sha];
    while (queue.length > 0) {
      const next = queue.shift() as string;
      if (seen.has(next)) continue;
      seen.add(next);
      const commit = this.commits.get(next);
      if (!commit) continue;
      out.push(commit);
      queue.push(...commit.parents);
    }
    return out
      .map((c, i) => ({ c, i }))
      .sort((a, b) => b.c.committer.date.localeCompare(a.c.committer.date) || a.i - b.i)
      .map(({ c }) => c);
  }

  isAncestor(ancestor: string, sha: string): boolean {
    return this.history(sha).some((c) => c.sha === ancestor);
  }

  mergeBase(a: string, b: string): string | undefined {
    const reachable = new Set(this.history(a).map((c) => c.sha));
    return this.history(b).find((c) => reachable.has(c.sha))?.sha;
  }

  /**
   * Commits a change on a branch (created from `from` when missing): `files` maps path → new
   * content, or null to delete it.
   */
  commit(
    branch: string,
    change: {
      files: Record<string, string | null>;
      author: string | GitPerson;
      message?: string;
      date?: string;
      from?: string;
      /** A merge commit: this ref or SHA becomes its second parent (the tree is the first parent's plus `files`). */
      merge?: string;
      /**
       * Who committed (and pushed) it. Absent: a commit GitHub made in its web editor for the
       * author, committed and signed by web-flow (a GitPerson author without a login: that person's
       * own unsigned commit).
       */
      committer?: string | GitPerson;
      /** GitHub's verdict on the signature; default: verified for web-editor commits, unsigned otherwise. */
      verification?: Verification;
    },
  ): Commit {
    const ref = `refs/heads/${branch}`;
    const parentSha = this.refs.get(ref) ?? (change.from ? this.resolve(change.from) : undefined);
    const mergedSha = change.merge === undefined ? undefined : this.resolve(change.merge);
    if (change.merge !== undefined && (!mergedSha || !parentSha))
      throw new Error(`cannot merge ${change.merge} into ${branch}: unknown ref or empty branch`);
    const tree: Tree = new Map(parentSha ? this.tree((this.commits.get(parentSha) as Commit).tree) : []);
    for (const [path, content] of Object.entries(change.files)) {
      if (content === null) tree.delete(path);
      else tree.set(path, this.putBlob(content));
    }
    const date = change.date ?? this.world.tick();
    const person =
      typeof change.author === "string" ? this.world.person(change.author, date) : { ...change.author, date };
    const webEditor = change.committer === undefined && typeof change.author === "string";
    const committer =
      change.committer === undefined
        ? webEditor
          ? this.world.webFlow(date)
          : person
        : typeof change.committer === "string"
          ? this.world.person(change.committer, date)
          : { ...change.committer, date };
    const commit = this.putCommit({
      tree: this.putTree(tree),
      parents: [parentSha, mergedSha].filter((sha): sha is string => sha !== undefined),
      message: change.message ?? `Update ${Object.keys(change.files).join(", ")}`,
      author: person,
      committer,
      verification: change.verification ?? (webEditor ? { verified: true, reason: "valid" } : UNSIGNED),
    });
    this.refs.set(ref, commit.sha);
    return commit;
  }

  /** Creates a pull request (an issue with pull info). `edits` default to one creation revision by `user`. */
  addPull(pull: {
    number?: number;
    title: string;
    body?: string | null;
    user: string;
    base: string;
    head: string;
    labels?: string[];
    draft?: boolean;
    fork?: boolean;
    closes?: number[];
    edits?: BodyEdit[];
    createdAt?: string;
    headSha?: string;
  }): Issue {
    const issue = this.addIssue({ ...pull });
    issue.pull = {
      base: pull.base,
      head: pull.head,
      draft: pull.draft ?? false,
      fork: pull.fork ?? false,
      merged: false,
      closes: pull.closes ?? [],
      ...(pull.headSha ? { headSha: pull.headSha } : {}),
    };
    return issue;
  }

  /** A release as tests and scenarios write it: a published, non-draft release of `main` unless told otherwise. */
  addRelease(release: {
    tag: string;
    author: string;
    name?: string;
    body?: string;
    draft?: boolean;
    prerelease?: boolean;
    target?: string;
    createdAt?: string;
    /** Defaults to `createdAt`, or null for a draft. */
    publishedAt?: string | null;
  }): Release {
    const createdAt = release.createdAt ?? this.world.tick();
    const draft = release.draft ?? false;
    const created: Release = {
      id: this.world.nextId(),
      tagName: release.tag,
      name: release.name ?? release.tag,
      body: release.body ?? "",
      draft,
      prerelease: release.prerelease ?? false,
      targetCommitish: release.target ?? "main",
      author: release.author,
      createdAt,
      publishedAt: release.publishedAt === undefined ? (draft ? null : createdAt) : release.publishedAt,
    };
    this.releases.push(created);
    return created;
  }

  addIssue(issue: {
    number?: number;
    title: string;
    body?: string | null;
    user: string;
    labels?: string[];
    state?: "open" | "closed";
    edits?: BodyEdit[];
    createdAt?: string;
    updatedAt?: string;
    closedAt?: string | null;
    /** Labels (lower-case) whose events the caller records itself: no automatic creation event. */
    labelEventsGiven?: string[];
  }): Issue {
    const number = issue.number ?? Math.max(0, ...this.issues.keys()) + 1;
    const createdAt = issue.createdAt ?? this.world.tick();
    const edits = issue.edits ?? [{ editor: issue.user, editedAt: createdAt, body: issue.body ?? "" }];
    const last = edits.at(-1);
    const body = issue.body !== undefined ? issue.body : (last?.body ?? null);
    for (const name of issue.labels ?? []) this.label(name);
    this.world.user(issue.user);
    const created: Issue = {
      number,
      id: this.world.nextId(),
      title: issue.title,
      body,
      user: issue.user,
      state: issue.state ?? "open",
      stateReason: issue.state === "closed" ? "completed" : null,
      labels: [...(issue.labels ?? [])],
      createdAt,
      updatedAt: issue.updatedAt ?? last?.editedAt ?? createdAt,
      closedAt: issue.closedAt ?? (issue.state === "closed" ? createdAt : null),
      edits,
    };
    this.issues.set(number, created);
    const stored = this.issues.get(number) as Issue;
    // GitHub records a labeled event for every label applied when the issue is opened.
    for (const label of created.labels)
      if (!(issue.labelEventsGiven ?? []).includes(label.toLowerCase()))
        this.events.push({
          id: this.world.nextId(),
          issue: number,
          event: "labeled",
          actor: issue.user,
          label,
          createdAt,
        });
    return stored;
  }

  label(name: string): Label {
    let label = this.labels.get(name.toLowerCase());
    if (!label) {
      label = { id: this.world.nextId(), name, color: "ededed", description: null };
      this.labels.set(name.toLowerCase(), label);
    }
    return label;
  }

  headSha(issue: Issue): string {
    const pull = issue.pull as PullInfo;
    const sha = pull.headSha ?? this.resolve(pull.head);
    if (!sha) throw new Error(`PR #${issue.number}: head branch ${pull.head} does not exist`);
    return sha;
  }

  baseSha(issue: Issue): string {
    const pull = issue.pull as PullInfo;
    const sha = pull.baseSha ?? this.resolve(pull.base);
    if (!sha) throw new Error(`PR #${issue.number}: base branch ${pull.base} does not exist`);
    return sha;
  }
}

function subtree(tree: Tree, dir: string): Tree {
  const prefix = `${dir}/`;
  const out: Tree = new Map();
  for (const [path, blob] of tree) if (path.startsWith(prefix)) out.set(path.slice(prefix.length), blob);
  return out;
}

export interface TokenInfo {
  login: string;
  /** False for a fork PR's read-only GITHUB_TOKEN: every write answers 403. */
  write: boolean;
}

export class World {
  readonly users = new Map<string, User>();
  /** "org/team-slug" → member logins (lower-case). */
  readonly teams = new Map<string, Set<string>>();
  readonly repos = new Map<string, Repository>();
  /** Primary rate limits (REST `core`, `graphql`), spent by every request and reported in headers. */
  readonly rateLimits = new RateLimits();
  readonly tokens = new Map<string, TokenInfo>([
    ["write-token", { login: "github-actions[bot]", write: true }],
    ["fork-token", { login: "github-actions[bot]", write: false }],
  ]);
  private id = 1000;
  private clock: number;

  constructor(start = "2026-11-02T09:00:00Z") {
    this.clock = Date.parse(start);
  }

  nextId(): number {
    return ++this.id;
  }

  /** A deterministic, increasing timestamp for things a test did not date. */
  tick(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  user(login: string, type: User["type"] = login.endsWith("[bot]") ? "Bot" : "User"): User {
    let user = this.users.get(login.toLowerCase());
    if (!user) {
      user = { login, id: this.nextId(), name: login.charAt(0).toUpperCase() + login.slice(1), type };
      this.users.set(login.toLowerCase(), user);
    }
    return user;
  }

  person(login: string, date: string): GitPerson {
    const user = this.user(login);
    return { login: user.login, name: user.name, email: `${user.id}+${user.login}@users.noreply.github.com`, date };
  }

  /** GitHub's own committer identity (`web-flow`, "GitHub <noreply@github.com>"). */
  webFlow(date: string): GitPerson {
    const user = this.user(WEB_FLOW);
    return { login: user.login, name: "GitHub", email: "noreply@github.com", date };
  }

  repo(fullName: string): Repository {
    let repo = this.repos.get(fullName.toLowerCase());
    if (!repo) {
      const [owner, name] = fullName.split("/") as [string, string];
      this.user(owner, "Organization");
      repo = new Repository(this, owner, name);
      this.repos.set(fullName.toLowerCase(), repo);
    }
    return repo;
  }

  team(org: string, slug: string, members: string[]): void {
    for (const m of members) this.user(m);
    this.teams.set(`${org}/${slug}`.toLowerCase(), new Set(members.map((m) => m.toLowerCase())));
  }
}
