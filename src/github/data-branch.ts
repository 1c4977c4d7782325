import { ApiError, call, type GitHubClient, isNotFound, toApiError } from "./client.js";
import type { Repo } from "./contents.js";

/**
 * The history store: files on a dedicated branch (`launchgate-data`), written through the Git Data
 * API. A write makes blobs, a tree on top of the branch head's tree and a commit, then moves the
 * ref with a non-forced update — a compare-and-swap: GitHub refuses it (422) unless the new commit
 * descends from the head the ref points at now. On refusal the write starts again from the new
 * head, so a concurrent run's files survive; a re-run of the same path replaces only that file.
 * The ref update is the last step: a run killed before it leaves the branch as it was.
 */

export interface DataFile {
  path: string;
  /** Text, bytes (a compressed cache: sent as a base64 blob first), or null to delete the file. */
  content: string | Uint8Array | null;
}

export interface BranchState {
  /** Head commit, or null when the branch does not exist yet. */
  head: string | null;
  /** Blob SHA by path, for every file on the branch. */
  files: Map<string, string>;
}

export interface WriteResult {
  commit: string;
  attempts: number;
}

export interface WriteOptions {
  message: string;
  /** Branches that must never be written (the default branch). */
  protectedBranches?: readonly string[];
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export const DEFAULT_MAX_ATTEMPTS = 6;

/** Exponential backoff with full jitter: up to 250 ms, 500 ms, 1 s, … capped at 8 s. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(8000, 250 * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

type TreeEntry = { path: string; mode: "100644"; type: "blob" } & ({ content: string } | { sha: string | null });

/**
 * The tree entries a write adds on top of the head's tree: only its own paths. Everything else on
 * the branch (other weeks, written by other runs) is inherited through `base_tree`. Bytes go in as
 * the blob SHAs `blobs` holds for their paths; a null content deletes the path.
 */
export function treeEntries(files: readonly DataFile[], blobs: ReadonlyMap<string, string> = new Map()): TreeEntry[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  return [...byPath.values()].map((f) => {
    const base = { path: f.path, mode: "100644", type: "blob" } as const;
    if (typeof f.content === "string") return { ...base, content: f.content };
    if (f.content === null) return { ...base, sha: null };
    const sha = blobs.get(f.path);
    if (!sha) throw new Error(`no blob for ${f.path}`);
    return { ...base, sha };
  });
}

/**
 * A ref update GitHub refused: 422 "not a fast forward" (the ref moved), "already exists" (another
 * run created the branch first), "does not exist" (it was deleted meanwhile). All are answered by
 * re-reading the branch and trying again; the number of attempts is bounded.
 */
export function isRefConflict(error: unknown): boolean {
  const status = (error as { status?: unknown }).status;
  return status === 409 || status === 422;
}

export function assertWritable(branch: string, protectedBranches: readonly string[] = []): void {
  if (protectedBranches.includes(branch) || /^(main|master)$/.test(branch)) {
    throw new ApiError(
      `writing the data branch "${branch}"`,
      undefined,
      "refusing to write snapshots to a default branch; set report.data_branch to a dedicated branch",
    );
  }
}

export async function readBranch(client: GitHubClient, repo: Repo, branch: string): Promise<BranchState> {
  const head = await headOf(client, repo, branch);
  if (!head) return { head: null, files: new Map() };
  const { data } = await call(`listing the ${branch} branch`, () =>
    client.octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
      ...repo,
      tree_sha: head,
      recursive: "1",
    }),
  );
  const files = new Map<string, string>();
  for (const entry of data.tree) if (entry.type === "blob" && entry.path && entry.sha) files.set(entry.path, entry.sha);
  if (data.truncated) throw new ApiError(`listing the ${branch} branch`, undefined, "the tree listing was truncated");
  return { head, files };
}

export async function readBlob(client: GitHubClient, repo: Repo, sha: string, path: string): Promise<string> {
  return (await readBlobBytes(client, repo, sha, path)).toString("utf8");
}

export async function readBlobBytes(client: GitHubClient, repo: Repo, sha: string, path: string): Promise<Buffer> {
  const { data } = await call(`reading ${path}`, () =>
    client.octokit.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", { ...repo, file_sha: sha }),
  );
  return data.encoding === "base64" ? Buffer.from(data.content, "base64") : Buffer.from(data.content, "utf8");
}

/** Writes `files` to the branch (creating it as an orphan when missing), retrying on a moved ref. */
export async function writeFiles(
  client: GitHubClient,
  repo: Repo,
  branch: string,
  files: readonly DataFile[],
  options: WriteOptions,
): Promise<WriteResult> {
  assertWritable(branch, options.protectedBranches);
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const what = `writing ${files.map((f) => f.path).join(", ")} to ${branch}`;
  const blobs = await createBlobs(client, repo, files, what);
  for (let attempt = 1; ; attempt++) {
    const head = await headOf(client, repo, branch);
    const commit = await commitOnto(client, repo, head, files, blobs, options.message, what);
    try {
      if (head) {
        await client.octokit.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
          ...repo,
          ref: `heads/${branch}`,
          sha: commit,
          force: false,
        });
      } else {
        await client.octokit.request("POST /repos/{owner}/{repo}/git/refs", {
          ...repo,
          ref: `refs/heads/${branch}`,
          sha: commit,
        });
      }
      return { commit, attempts: attempt };
    } catch (error) {
      if (!isRefConflict(error)) throw toApiError(what, error);
      if (attempt >= maxAttempts) {
        throw new ApiError(what, 422, `the branch kept moving; gave up after ${attempt} attempts (re-run the job)`);
      }
      await sleep(backoffDelay(attempt, options.random));
    }
  }
}

async function headOf(client: GitHubClient, repo: Repo, branch: string): Promise<string | null> {
  try {
    const { data } = await client.octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
      ...repo,
      ref: `heads/${branch}`,
    });
    return data.object.sha;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw toApiError(`reading the ${branch} branch`, error);
  }
}

/** Blobs for the files given as bytes (once per write, whatever the attempts): path → SHA. */
async function createBlobs(
  client: GitHubClient,
  repo: Repo,
  files: readonly DataFile[],
  what: string,
): Promise<Map<string, string>> {
  const blobs = new Map<string, string>();
  for (const file of files) {
    if (!(file.content instanceof Uint8Array)) continue;
    const content = Buffer.from(file.content).toString("base64");
    const { data } = await call(what, () =>
      client.octokit.request("POST /repos/{owner}/{repo}/git/blobs", { ...repo, content, encoding: "base64" }),
    );
    blobs.set(file.path, data.sha);
  }
  return blobs;
}

/** A commit with `files` on top of `head` (or an orphan commit holding only them). */
async function commitOnto(
  client: GitHubClient,
  repo: Repo,
  head: string | null,
  files: readonly DataFile[],
  blobs: ReadonlyMap<string, string>,
  message: string,
  what: string,
): Promise<string> {
  return call(what, async () => {
    let baseTree: string | undefined;
    if (head) {
      const { data } = await client.octokit.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", {
        ...repo,
        commit_sha: head,
      });
      baseTree = data.tree.sha;
    }
    const { data: tree } = await client.octokit.request("POST /repos/{owner}/{repo}/git/trees", {
      ...repo,
      ...(baseTree ? { base_tree: baseTree } : {}),
      tree: treeEntries(files, blobs),
    });
    const { data: commit } = await client.octokit.request("POST /repos/{owner}/{repo}/git/commits", {
      ...repo,
      message,
      tree: tree.sha,
      parents: head ? [head] : [],
    });
    return commit.sha;
  });
}
