import {
  type Attribution,
  type SignoffRequest,
  signoffState,
  teamsToCheck,
  unverifiedItems,
} from "../../gates/signoff.js";
import type { GitHubClient } from "../../github/client.js";
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
