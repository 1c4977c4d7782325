import type { Commit, Repository } from "./model.js";

/**
 * `git log <sha> [-- <path>]` in git's default mode, which is what GitHub's list-commits API
 * (`GET /repos/{o}/{r}/commits?sha=&path=`) answers. Modelled on git's revision walk
 * (revision.c: process_parents, try_to_simplify_commit, get_commit_action) so that launchgate is
 * tested against the history GitHub really shows, not a friendlier one:
 *
 * - commits come off a queue ordered by committer date, newest first (equal dates in the order
 *   they were queued), and a commit's parents are queued only when the commit is taken off;
 * - with a path, a commit whose files under it are the same as a parent's ("TREESAME") follows
 *   only the first such parent — the other parents' history is pruned — and is not listed;
 * - a commit that differs from all its parents is listed and all its parents are followed;
 * - a root commit is listed when it has the path.
 *
 * test/support/fake-github-log.test.ts checks this against real git.
 */
export function log(repo: Repository, tip: string, path?: string): Commit[] {
  const first = repo.commits.get(tip);
  if (!first) return [];
  const out: Commit[] = [];
  const seen = new Set<string>([tip]);
  const queue: Commit[] = [first];
  while (queue.length > 0) {
    const commit = queue.shift() as Commit;
    const { followed, treesame } =
      path === undefined ? { followed: commit.parents, treesame: false } : simplify(repo, commit, path);
    for (const sha of followed) {
      const parent = repo.commits.get(sha);
      if (!parent || seen.has(sha)) continue;
      seen.add(sha);
      insertByDate(queue, parent);
    }
    if (!treesame) out.push(commit);
  }
  return out;
}

/** git's commit_list_insert_by_date: after every queued commit that is not older. */
function insertByDate(queue: Commit[], commit: Commit): void {
  const date = Date.parse(commit.committer.date);
  const at = queue.findIndex((queued) => Date.parse(queued.committer.date) < date);
  if (at === -1) queue.push(commit);
  else queue.splice(at, 0, commit);
}

/** git's try_to_simplify_commit in its default (simplify_history, dense) mode. */
function simplify(repo: Repository, commit: Commit, path: string): { followed: string[]; treesame: boolean } {
  const mine = filesUnder(repo, commit, path);
  if (commit.parents.length === 0) return { followed: [], treesame: mine.size === 0 };
  for (const sha of commit.parents) {
    const parent = repo.commits.get(sha);
    if (parent && sameFiles(mine, filesUnder(repo, parent, path))) return { followed: [sha], treesame: true };
  }
  return { followed: commit.parents, treesame: false };
}

/** The blobs at `path` or under it (a directory) in a commit's tree. */
function filesUnder(repo: Repository, commit: Commit, path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [p, blob] of repo.tree(commit.tree)) if (p === path || p.startsWith(`${path}/`)) out.set(p, blob);
  return out;
}

function sameFiles(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [p, blob] of a) if (b.get(p) !== blob) return false;
  return true;
}
