import { call, type GitHubClient } from "./client.js";
import type { Repo } from "./contents.js";

/** A PR's comments. Started early, the listing travels while the gate is evaluated. */
export function listComments(client: GitHubClient, repo: Repo, issueNumber: number) {
  const listing = call(`listing the comments of #${issueNumber}`, () =>
    client.octokit.paginate("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      ...repo,
      issue_number: issueNumber,
      per_page: 100,
    }),
  );
  // Awaited by upsertStickyComment; until then, a failure must not count as unhandled.
  listing.catch(() => undefined);
  return listing;
}

/**
 * Creates or updates the one bot comment on a PR whose body starts with `marker` (found in
 * `listing`), so re-runs edit the same comment instead of adding new ones; with `create: false`
 * only an existing one is updated. Returns what it did.
 */
export async function upsertStickyComment(
  client: GitHubClient,
  repo: Repo,
  issueNumber: number,
  marker: string,
  body: string,
  listing: ReturnType<typeof listComments>,
  options: { create?: boolean } = {},
): Promise<"created" | "updated" | "unchanged" | "absent"> {
  const marked = (await listing).filter((c) => c.body?.startsWith(marker));
  // Ours: starting with the marker and written by a bot (the workflow or an App token), or, with a
  // personal access token, by the token's own user. Anyone else's marked comment is left alone.
  let existing = marked.find((c) => c.user?.type === "Bot");
  if (!existing && marked.length > 0) {
    const self = await viewerLogin(client);
    existing = marked.find((c) => self !== null && c.user?.login.toLowerCase() === self);
  }
  if (existing?.body === body) return "unchanged";
  if (existing) {
    await call(`updating the launchgate comment on #${issueNumber}`, () =>
      client.octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
        ...repo,
        comment_id: existing.id,
        body,
      }),
    );
    return "updated";
  }
  if (options.create === false) return "absent";
  await call(`commenting on #${issueNumber}`, () =>
    client.octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      ...repo,
      issue_number: issueNumber,
      body,
    }),
  );
  return "created";
}

/** The token's own login (lower-case), or null when GitHub does not say (then no comment is ours). */
async function viewerLogin(client: GitHubClient): Promise<string | null> {
  try {
    const data = await client.octokit.graphql<{ viewer: { login: string } | null }>(
      "query launchgateViewer { viewer { login } }",
    );
    const login = data.viewer?.login;
    return login ? login.toLowerCase() : null;
  } catch {
    return null;
  }
}
