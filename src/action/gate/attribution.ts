import type { ChecklistDocument } from "../../checklist/types.js";
import type { SignoffMode } from "../../gates/signer.js";
import {
  type Attribution,
  type SignoffRequest,
  signoffState,
  signoffsNeeded,
  statesByKey,
  teamsToCheck,
  unverifiedItems,
} from "../../gates/signoff.js";
import { creditedCommits, undoneOnBase, withUndoneOnBase } from "../../gates/undone-on-base.js";
import type { GitHubClient } from "../../github/client.js";
import type { FileAtRef, Repo } from "../../github/contents.js";
import { type FileHistory, fileAttributions } from "../../github/history.js";
import type { PullCommits } from "../../github/own-commits.js";
import { resolveMemberships } from "../../github/teams.js";

/** Key → the state each requested item is in now: what attribution looks for in the history. */
export function wantedStates(requests: readonly SignoffRequest[]): Map<string, string> {
  return new Map(requests.map((r) => [r.key, signoffState(r.item)]));
}

/** Looks up the team memberships the attributions call for, then applies the sign-off rules. */
export async function decide(
  client: GitHubClient,
  requests: readonly SignoffRequest[],
  attributions: ReadonlyMap<string, Attribution>,
): Promise<Map<number, string>> {
  const pairs: { team: string; login: string }[] = [];
  for (const request of requests) {
    const attribution = attributions.get(request.key);
    if (attribution?.kind !== "change" || !attribution.login) continue;
    const login = attribution.login;
    for (const team of teamsToCheck(request, login)) pairs.push({ team, login });
  }
  const membership = await resolveMemberships(client, pairs);
  return unverifiedItems(requests, attributions, membership);
}

/**
 * Sign-off of one gate file: attributes each owned, ticked item of the head to the commit that
 * ticked it, holds an item the base has undone to the PR's own commits (undone-on-base.ts), and
 * applies the sign-off rules. Item line → why its sign-off does not count.
 */
export async function verifyFile(
  client: GitHubClient,
  repo: Repo,
  file: { history: FileHistory; head: ChecklistDocument; base: ChecklistDocument | undefined },
  rules: { approvers: string[]; mode: SignoffMode; pullCommits: PullCommits },
  parse: (file: FileAtRef) => ReadonlyMap<string, string>,
): Promise<Map<number, string>> {
  const requests = signoffsNeeded(file.head.items, rules.approvers);
  const baseStates = file.base ? statesByKey(file.base.items) : undefined;
  const undone = undoneOnBase(requests, baseStates);
  // The PR's commit list travels while the history is walked.
  if (undone.length > 0) rules.pullCommits.prefetch();
  const statesOf = (version: FileAtRef) => {
    try {
      return parse(version);
    } catch {
      return null;
    }
  };
  let attributions = await fileAttributions(client, repo, file.history, wantedStates(requests), statesOf, rules.mode);
  if (baseStates && undone.length > 0) {
    const own = await rules.pullCommits.own(creditedCommits(undone, attributions));
    attributions = withUndoneOnBase(undone, baseStates, attributions, (sha) => own.get(sha) ?? "not looked up");
  }
  return decide(client, requests, attributions);
}
