import { call, type GitHubClient } from "./client.js";
import type { Repo } from "./contents.js";
import { jsonResponse } from "./response.js";

/** One pull request as the pulls API returns it now (labels, title, body, base and head). */
export async function readPullRequest(client: GitHubClient, repo: Repo, number: number, what: string) {
  const { data } = await call(`reading ${what}`, () =>
    client.octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", { ...repo, pull_number: number }),
  );
  return jsonResponse<typeof data>(`reading ${what}`, data);
}
