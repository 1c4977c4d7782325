import { type Attribution, type SignoffRequest, signoffState } from "./signoff.js";

/**
 * One rule for sign-offs the base branch has undone. When the PR's base version of a gate has an
 * owned item in another state than the head has it in (the owner unticked it on the base after
 * ticking it, or changed a waiver), the commit credited with the head's state must be one of the
 * PR's own commits: reachable from the PR head, not from its base. Otherwise the head only still
 * carries a state the base has moved past — on a branch forked before the untick, or kept by a
 * merge resolution that GitHub's commit list hides (a merge whose file equals its first parent's
 * is not listed, and the base's untick behind it is pruned from the history) — and nobody signed
 * it for this PR. Merging such a PR would either undo the owner's untick or not contain the tick.
 */

/** The requests the rule applies to: owned items whose base version is in another state. */
export function undoneOnBase(
  requests: readonly SignoffRequest[],
  baseStates: ReadonlyMap<string, string> | undefined,
): SignoffRequest[] {
  if (!baseStates) return [];
  return requests.filter((r) => {
    const base = baseStates.get(r.key);
    return base !== undefined && base !== signoffState(r.item);
  });
}

/**
 * The commits (full SHAs) whose membership in the PR must be known: those credited, by a signer
 * GitHub vouches for, with an item the base has undone. Other attributions fail on their own.
 */
export function creditedCommits(
  undone: readonly SignoffRequest[],
  attributions: ReadonlyMap<string, Attribution>,
): string[] {
  const shas = new Set<string>();
  for (const request of undone) {
    const a = attributions.get(request.key);
    if (a?.kind === "change" && a.sha && !a.unverified) shas.add(a.sha);
  }
  return [...shas];
}

/**
 * Whether a commit is one of the PR's own: true, false, or why that could not be told (an API
 * error, a comparison too long to list).
 */
export type OwnCommit = (sha: string) => boolean | string;

/** Applies the rule: an undone item credited to a commit that is not the PR's own is a gap, with what to do. */
export function withUndoneOnBase(
  undone: readonly SignoffRequest[],
  baseStates: ReadonlyMap<string, string>,
  attributions: ReadonlyMap<string, Attribution>,
  own: OwnCommit,
): Map<string, Attribution> {
  const out = new Map(attributions);
  for (const request of undone) {
    const a = attributions.get(request.key);
    if (a?.kind !== "change" || !a.sha || a.unverified) continue;
    const mine = own(a.sha);
    if (mine === true) continue;
    const verb = request.item.waived ? "waived" : "ticked";
    const by = `${verb}${a.login ? ` by @${a.login}` : ""} in ${a.where}`;
    const base = describe(baseStates.get(request.key));
    const again = `${request.item.waived ? "waive" : "tick"} it again on this PR`;
    const reason =
      mine === false
        ? `${by}, but that commit is not part of this PR and the base branch has this item ${base} since; ${again}`
        : `${by}, and the base branch has this item ${base}; whether that commit is part of this PR is unknown (${mine}); ${again}, or re-run the check`;
    out.set(request.key, { kind: "gap", reason });
  }
  return out;
}

function describe(state: string | undefined): string {
  if (state === "open") return "unticked";
  if (state === "done") return "ticked without a waiver";
  return "waived with another reason";
}
