import type { Membership } from "../gates/signoff.js";
import { type GitHubClient, isNotFound, toApiError } from "./client.js";
import { jsonResponse } from "./response.js";

/**
 * Looks up whether each (team, login) pair is an active membership, once per pair, and returns
 * the facts as the pure Membership function the sign-off rules take. A failed lookup is recorded
 * as its error text, which the rules treat as "not verified".
 */
export async function resolveMemberships(
  client: GitHubClient,
  pairs: Iterable<{ team: string; login: string }>,
): Promise<Membership> {
  const facts = new Map<string, boolean | string>();
  for (const { team, login } of pairs) {
    const id = `${team}\u0000${login.toLowerCase()}`;
    if (facts.has(id)) continue;
    const [org, slug] = team.split("/") as [string, string];
    try {
      const { data } = await client.octokit.request("GET /orgs/{org}/teams/{team_slug}/memberships/{username}", {
        org,
        team_slug: slug,
        username: login,
      });
      facts.set(id, jsonResponse<{ state?: string }>(`reading @${team}`, data).state === "active");
    } catch (error) {
      if (isNotFound(error)) facts.set(id, false);
      else {
        const status = (error as { status?: number }).status;
        const hint = status === 403 ? "; the token needs members: read on the organization" : "";
        facts.set(id, `${toApiError(`reading @${team}`, error).message}${hint}`);
      }
    }
  }
  return (team, login) => facts.get(`${team}\u0000${login.toLowerCase()}`);
}
