import { type Attribution, AttributionWalk } from "../gates/signoff.js";
import { type GitHubClient, toApiError } from "./client.js";
import { type FileAtRef, getFile, type Repo } from "./contents.js";

/** Longest file history walked; an item whose tick is older than this is unverified, never passed. */
const MAX_COMMITS = 1000;

/** Parses one version of the file into its items' sign-off states; null when it cannot be read. */
export type StatesOf = (file: FileAtRef) => ReadonlyMap<string, string> | null;

interface ListedCommit {
  sha: string;
  author: { login: string } | null;
  parents: { sha: string }[];
}

/**
 * Attributes each wanted item (key → current state) of a repository file to the commit that put
 * it in that state: walks the commits touching the file from `headSha` back (newest first) and
 * diffs each against its parent. For a commit with one parent, the parent's version is the next
 * older commit in the path-filtered list (GitHub's history simplification guarantees nothing in
 * between touched the file); merge commits are diffed against each real parent, and a change that
 * one parent already had is left to that branch's own commit. Any gap is returned as such.
 */
export async function fileAttributions(
  client: GitHubClient,
  repo: Repo,
  path: string,
  headSha: string,
  wanted: ReadonlyMap<string, string>,
  statesOf: StatesOf,
): Promise<Map<string, Attribution>> {
  const walk = new AttributionWalk(wanted);
  if (walk.done) return walk.finish("");
  const statesBySha = new Map<string, ReadonlyMap<string, string> | null>();
  const statesAt = async (ref: string): Promise<ReadonlyMap<string, string> | null> => {
    const cached = statesBySha.get(ref);
    if (cached !== undefined || statesBySha.has(ref)) return cached ?? null;
    const file = await getFile(client, repo, path, ref);
    const states = file ? statesOf(file) : new Map<string, string>();
    statesBySha.set(ref, states);
    return states;
  };
  try {
    const commits: ListedCommit[] = [];
    const pages = client.octokit.paginate
      .iterator("GET /repos/{owner}/{repo}/commits", {
        ...repo,
        path,
        sha: headSha,
        per_page: 100,
      })
      [Symbol.asyncIterator]();
    let exhausted = false;
    const fill = async (count: number) => {
      while (!exhausted && commits.length < count) {
        const page = await pages.next();
        if (page.done) exhausted = true;
        else commits.push(...(page.value.data as ListedCommit[]));
      }
    };
    for (let i = 0; !walk.done; i++) {
      await fill(i + 2);
      const commit = commits[i];
      if (!commit) return walk.finish(`no commit in the history of ${path} changed this`);
      if (i >= MAX_COMMITS) return walk.finish(`history of ${path} is longer than ${MAX_COMMITS} commits`);
      const where = commit.sha.slice(0, 7);
      const states = await statesAt(commit.sha);
      if (!states) {
        walk.fail(`${path} at ${where} could not be parsed, so the sign-off cannot be traced`);
        break;
      }
      const parentShas =
        commit.parents.length > 1
          ? commit.parents.map((p) => p.sha)
          : commits[i + 1]
            ? [commits[i + 1]?.sha as string]
            : [];
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
      walk.step({ states, login: commit.author?.login ?? null, where }, predecessors);
    }
    return walk.finish("");
  } catch (error) {
    const failure = toApiError(`reading the history of ${path}`, error);
    walk.fail(`${failure.message}; re-run the check`);
    return walk.finish("");
  }
}
