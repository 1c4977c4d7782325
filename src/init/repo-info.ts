/**
 * What `launchgate init` can learn from a clone without asking: the default branch and the
 * GitHub owner/name. Pure functions over the text of files in `.git/`; the command reads them.
 */

export interface RepoInfo {
  defaultBranch: string;
  /** Where the default branch came from, for the summary ("origin/HEAD", "HEAD" or "default"). */
  branchSource: "origin/HEAD" | "HEAD" | "default";
  owner: string | null;
  repo: string | null;
}

export const FALLBACK_BRANCH = "main";

/** The branch a symbolic ref file points at: `ref: refs/heads/main` or `ref: refs/remotes/origin/main`. */
export function branchFromSymref(text: string | null): string | null {
  const ref = text?.trim().match(/^ref:\s*refs\/(?:heads|remotes\/[^/]+)\/(.+)$/)?.[1];
  return ref && ref.length > 0 ? ref : null;
}

/**
 * The remote origin's owner and repository from `.git/config`. Understands
 * https://host/o/r(.git), git@host:o/r(.git) and ssh://git@host[:port]/o/r(.git).
 */
export function originFromGitConfig(text: string | null): { owner: string; repo: string } | null {
  if (!text) return null;
  let inOrigin = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("[")) {
      inOrigin = /^\[remote\s+"origin"\]$/.test(line);
      continue;
    }
    const url = inOrigin ? line.match(/^url\s*=\s*(.+)$/)?.[1]?.trim() : undefined;
    if (url) return ownerRepoFromUrl(url);
  }
  return null;
}

export function ownerRepoFromUrl(url: string): { owner: string; repo: string } | null {
  const path = url.includes("://") ? url.replace(/^[a-z+]+:\/\/[^/]+\//i, "") : url.replace(/^[^@/]+@[^:]+:/, "");
  const match = path.match(/^\/?([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/);
  if (!match?.[1] || !match[2]) return null;
  return { owner: match[1], repo: match[2] };
}

/** The default branch from origin/HEAD (set by `git clone`), else the checked-out branch, else main. */
export function repoInfo(files: { originHead: string | null; head: string | null; config: string | null }): RepoInfo {
  const origin = originFromGitConfig(files.config);
  const fromOrigin = branchFromSymref(files.originHead);
  const fromHead = branchFromSymref(files.head);
  const [defaultBranch, branchSource] = fromOrigin
    ? [fromOrigin, "origin/HEAD" as const]
    : fromHead
      ? [fromHead, "HEAD" as const]
      : [FALLBACK_BRANCH, "default" as const];
  return { defaultBranch, branchSource, owner: origin?.owner ?? null, repo: origin?.repo ?? null };
}

/** GitHub Pages URL of the repository's status site (a user/org site when the repo is `owner.github.io`). */
export function pagesUrl(owner: string, repo: string): string {
  const host = `${owner.toLowerCase()}.github.io`;
  return repo.toLowerCase() === host ? `https://${host}/` : `https://${host}/${repo}/`;
}
