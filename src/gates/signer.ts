/**
 * Who signed a commit, as far as GitHub vouches for it. Git's author (and committer) fields are
 * free text: anyone who can push may write `--author` with an owner's e-mail, and GitHub then
 * shows the owner as the author. Only two things are authenticated:
 *
 * - a commit GitHub made and signed itself (committer `web-flow`, signature verified: the web
 *   editor, "Update branch", applied suggestions) — GitHub took its author from the signed-in
 *   session, so the author login is who made it;
 * - any other commit whose signature GitHub verified — the key belongs to the committer's
 *   account, so the committer login is who made it.
 *
 * Everything else is unverified. `signoff: author` keeps the older, weaker rule (the author login)
 * for teams that accept it.
 */

/** GitHub's own committer account for commits it creates and signs. */
export const WEB_FLOW = "web-flow";

/** What the list-commits response says about one commit. */
export interface CommitIdentity {
  /** GitHub login GitHub matched the author e-mail to; null when none. */
  author: string | null;
  /** GitHub login GitHub matched the committer e-mail to; null when none. */
  committer: string | null;
  /** `commit.verification.verified` (false when absent). */
  verified: boolean;
  /** `commit.verification.reason`, e.g. `unsigned`, `unknown_key`, `valid`. */
  reason: string;
}

export type SignoffMode = "verify" | "author";

/** The signer GitHub vouches for (`login`, null when the account is unknown), or why there is none. */
export type Signer = { login: string | null } | { unverified: string };

export const SIGN_IT = "tick it in GitHub's web editor, or sign the commit with a key on your GitHub account";

export function commitSigner(commit: CommitIdentity, mode: SignoffMode): Signer {
  if (mode === "author") return { login: commit.author };
  if (commit.verified) {
    if (commit.committer?.toLowerCase() === WEB_FLOW) return { login: commit.author };
    return { login: commit.committer };
  }
  const by = commit.author ? ` (author @${commit.author}${commitCommitter(commit)})` : "";
  const why =
    commit.reason === "unsigned" ? "is not signed" : `has a signature GitHub did not verify: ${commit.reason}`;
  return { unverified: `the commit${by} ${why}; ${SIGN_IT}` };
}

function commitCommitter(commit: CommitIdentity): string {
  if (!commit.committer || commit.committer === commit.author) return "";
  return `, committer @${commit.committer}`;
}
