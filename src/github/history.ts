import { type CommitIdentity, commitSigner, type SignoffMode } from "../gates/signer.js";
import { type Attribution, AttributionWalk } from "../gates/signoff.js";
import { call, type GitHubClient, toApiError } from "./client.js";
import { type FileAtRef, getFile, type Repo } from "./contents.js";
import { jsonResponse, malformedResponse } from "./response.js";

/** Longest file history walked; an item whose tick is older than this is unverified, never passed. */
const MAX_COMMITS = 1000;

/** Parses one version of the file into its items' sign-off states; null when it cannot be read. */
export type StatesOf = (file: FileAtRef) => ReadonlyMap<string, string> | null;

interface ListedCommit {
  sha: string;
  author: { login?: string } | null;
  committer: { login?: string } | null;
  commit?: { verification?: { verified?: boolean; reason?: string } | null };
  parents: { sha: string }[];
}

/** The identity facts signer.ts decides on, from one list-commits entry (no extra request). */
function identity(commit: ListedCommit): CommitIdentity {
  const verification = commit.commit?.verification;
  return {
    author: commit.author?.login ?? null,
    committer: commit.committer?.login ?? null,
    verified: verification?.verified === true,
    reason: verification?.reason ?? "unsigned",
  };
}

/**
 * The commits that touched a file, newest first from a head commit, read page by page as the walk
 * needs them. The first page is requested as soon as this is made, so it can travel while the
 * gate is parsed.
 */
export class FileHistory {
  readonly commits: ListedCommit[] = [];
  private exhausted = false;
  private readonly pages: AsyncIterator<{ data: unknown }>;
  private readonly firstPage: Promise<IteratorResult<{ data: unknown }>>;
  private started = false;

  constructor(
    client: GitHubClient,
    repo: Repo,
    readonly path: string,
    headSha: string,
  ) {
    this.pages = client.octokit.paginate
      .iterator("GET /repos/{owner}/{repo}/commits", { ...repo, path, sha: headSha, per_page: 100 })
      [Symbol.asyncIterator]();
    this.firstPage = this.pages.next();
    // Awaited by fill(); until then, a failure must not count as unhandled.
    this.firstPage.catch(() => undefined);
  }

  /**
   * Octokit's paginator inspects each page's body before it is handed over; a body that is not
   * JSON (cut off in transit) surfaces there as a TypeError quoting the raw text. Say what it is.
   */
  private async nextPage(): Promise<IteratorResult<{ data: unknown }>> {
    try {
      return this.started ? await this.pages.next() : await this.firstPage;
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      throw malformedResponse(`listing the commits of ${this.path}`);
    }
  }

  /** Reads pages until at least `count` commits are known or the history ends. */
  async fill(count: number): Promise<void> {
    while (!this.exhausted && this.commits.length < count) {
      const page = await this.nextPage();
      this.started = true;
      if (page.done) this.exhausted = true;
      else
        this.commits.push(
          ...jsonResponse<ListedCommit[]>(`listing the commits of ${this.path}`, page.value.data, "array"),
        );
    }
  }
}

/** The merge base of a merge commit's two parents (compare API), or null when they share no history. */
async function mergeBase(client: GitHubClient, repo: Repo, [ours, theirs]: string[]): Promise<string | null> {
  const what = `finding the merge base of ${ours?.slice(0, 7)} and ${theirs?.slice(0, 7)}`;
  const { data } = await call(what, () =>
    client.octokit.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
      ...repo,
      basehead: `${ours}...${theirs}`,
      per_page: 1,
    }),
  );
  const comparison = jsonResponse<{ merge_base_commit?: { sha?: string } | null }>(what, data);
  return comparison.merge_base_commit?.sha ?? null;
}

/**
 * Attributes each wanted item (key → current state) of a repository file to the commit that put
 * it in that state: walks the commits touching the file from `headSha` back (newest first) and
 * diffs each against its parent. For a commit with one parent, the parent's version is the next
 * older commit in the path-filtered list (GitHub's history simplification guarantees nothing in
 * between touched the file). A merge commit is judged against its parents' merge base (mergeOrigin):
 * a state no clean three-way merge would produce is the merge's own change; an item a parent
 * changed is followed into that parent's own line of history (a new list from that parent),
 * because below a merge the list interleaves both lines by date. Any gap is returned as such.
 */
export async function fileAttributions(
  client: GitHubClient,
  repo: Repo,
  history: FileHistory,
  wanted: ReadonlyMap<string, string>,
  statesOf: StatesOf,
  mode: SignoffMode = "verify",
): Promise<Map<string, Attribution>> {
  const { path } = history;
  const found = new Map<string, Attribution>();
  const statesBySha = new Map<string, ReadonlyMap<string, string> | null>();
  const statesAt = async (ref: string): Promise<ReadonlyMap<string, string> | null> => {
    const cached = statesBySha.get(ref);
    if (cached !== undefined || statesBySha.has(ref)) return cached ?? null;
    const file = await getFile(client, repo, path, ref);
    const states = file ? statesOf(file) : new Map<string, string>();
    statesBySha.set(ref, states);
    return states;
  };
  // Each line of history walked: the head's, then one per merge parent an item is followed into.
  const lines = [{ history, wanted: new Map(wanted) }];
  let walked = 0;
  for (const line of lines) {
    const walk = new AttributionWalk(line.wanted);
    const { commits } = line.history;
    let gap = "";
    try {
      for (let i = 0; !walk.done; i++) {
        await line.history.fill(i + 2);
        const commit = commits[i];
        if (!commit) {
          gap = `no commit in the history of ${path} changed this`;
          break;
        }
        if (walked++ >= MAX_COMMITS) {
          gap = `history of ${path} is longer than ${MAX_COMMITS} commits`;
          break;
        }
        const merge = commit.parents.length > 1;
        const older = commits[i + 1];
        const parentShas = merge ? commit.parents.map((p) => p.sha) : older ? [older.sha] : [];
        // Fetch the parents' versions while this one is read.
        for (const sha of parentShas) getFile(client, repo, path, sha).catch(() => undefined);
        const where = commit.sha.slice(0, 7);
        const states = await statesAt(commit.sha);
        if (!states) {
          walk.fail(`${path} at ${where} could not be parsed, so the sign-off cannot be traced`);
          break;
        }
        const predecessors: ReadonlyMap<string, string>[] = [];
        for (const sha of parentShas) {
          const parentStates = await statesAt(sha);
          if (!parentStates) {
            walk.fail(`${path} at ${sha.slice(0, 7)} could not be parsed, so the sign-off cannot be traced`);
            break;
          }
          predecessors.push(parentStates);
        }
        if (walk.done) break;
        const signer = commitSigner(identity(commit), mode);
        const who = "unverified" in signer ? { login: null, unverified: signer.unverified } : { login: signer.login };
        if (!merge) {
          walk.step({ states, where, sha: commit.sha, ...who }, predecessors);
          continue;
        }
        // A merge is judged against its parents' merge base (see mergeOrigin); what a parent
        // brought in is followed into that parent's own line of history.
        const baseSha = parentShas.length === 2 ? await mergeBase(client, repo, parentShas) : null;
        const baseStates = baseSha ? await statesAt(baseSha) : new Map<string, string>();
        if (!baseStates) {
          walk.fail(
            `${path} at the merge base ${baseSha?.slice(0, 7)} could not be parsed, so the sign-off cannot be traced`,
          );
          break;
        }
        for (const [parent, keys] of walk.stepMerge(
          { states, where, sha: commit.sha, ...who },
          baseStates,
          predecessors,
        )) {
          lines.push({ history: new FileHistory(client, repo, path, parentShas[parent] as string), wanted: keys });
        }
      }
    } catch (error) {
      const failure = toApiError(`reading the history of ${path}`, error);
      walk.fail(`${failure.message}; re-run the check`);
    }
    for (const [key, attribution] of walk.finish(gap)) found.set(key, attribution);
  }
  return found;
}
