import { ApiError, call, type GitHubClient, isNotFound, toApiError } from "./client.js";
import { jsonResponse } from "./response.js";

export interface Repo {
  owner: string;
  repo: string;
}

export interface FileAtRef {
  bytes: Uint8Array;
  /** Git blob SHA: equal SHAs mean equal content, so parsed versions can be shared. */
  sha: string;
}

/** Files already read by each client (path and commit → result): a version is fetched once per run. */
const fileCache = new WeakMap<GitHubClient, Map<string, Promise<FileAtRef | null>>>();

/** A file's bytes at a commit, or null when the file does not exist there. */
export function getFile(client: GitHubClient, repo: Repo, path: string, ref: string): Promise<FileAtRef | null> {
  let cache = fileCache.get(client);
  if (!cache) {
    cache = new Map();
    fileCache.set(client, cache);
  }
  const id = `${repo.owner}/${repo.repo}\u0000${path}\u0000${ref}`;
  let file = cache.get(id);
  if (!file) {
    file = fetchFile(client, repo, path, ref);
    cache.set(id, file);
  }
  return file;
}

async function fetchFile(client: GitHubClient, repo: Repo, path: string, ref: string): Promise<FileAtRef | null> {
  const what = `reading ${path} at ${ref.slice(0, 7)}`;
  let data: unknown;
  try {
    ({ data } = await client.octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { ...repo, path, ref }));
  } catch (error) {
    if (isNotFound(error)) return null;
    throw toApiError(what, error);
  }
  const file = jsonResponse<{ type?: string; encoding?: string; content?: string; sha?: string }>(what, data);
  if (Array.isArray(data) || file.type !== "file" || typeof file.sha !== "string") {
    throw new ApiError(what, undefined, `${path} is not a file`);
  }
  if (file.encoding === "base64" && typeof file.content === "string") {
    return { bytes: Buffer.from(file.content, "base64"), sha: file.sha };
  }
  // Files over 1 MB come without content: read the blob instead.
  const blob = await call(what, () =>
    client.octokit.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", { ...repo, file_sha: file.sha as string }),
  );
  const { content, encoding } = jsonResponse<{ content: string; encoding: string }>(what, blob.data);
  return { bytes: Buffer.from(content, encoding === "base64" ? "base64" : "utf8"), sha: file.sha };
}

/** Paths of all files in a commit's tree (for glob expansion). */
export async function listFiles(client: GitHubClient, repo: Repo, commitSha: string): Promise<string[]> {
  const what = `listing the files at ${commitSha.slice(0, 7)}`;
  const { data: raw } = await call(what, () =>
    client.octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
      ...repo,
      tree_sha: commitSha,
      recursive: "1",
    }),
  );
  const data = jsonResponse<typeof raw>(what, raw);
  if (data.truncated) {
    throw new ApiError(
      what,
      undefined,
      "the tree is too large for one listing; name gate files without globs in the config",
    );
  }
  return data.tree.filter((entry) => entry.type === "blob" && entry.path).map((entry) => entry.path as string);
}
