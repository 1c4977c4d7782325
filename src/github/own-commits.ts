import { call, type GitHubClient } from "./client.js";
import type { Repo } from "./contents.js";
import { jsonResponse } from "./response.js";

/** Commits looked up one by one when the PR's comparison is longer than GitHub lists at once. */
const MAX_SINGLE_LOOKUPS = 10;

interface Comparison {
  status?: string;
  total_commits?: number;
  commits?: { sha?: string }[];
}

/**
 * Which commits are the PR's own (reachable from its head, not from its base), for the rule in
 * gates/undone-on-base.ts. One comparison of base...head lists the PR's commits (GitHub lists up
 * to 250 in one answer, with `total_commits`). When that list is cut short, a commit not in it is
 * compared with the base on its own (base...sha: "behind" or "identical" means the base already
 * has it); past a few such look-ups, or on an API error, the answer is why it is unknown, never a
 * guess.
 */
export class PullCommits {
  private listing: Promise<Comparison> | undefined;

  constructor(
    private readonly client: GitHubClient,
    private readonly repo: Repo,
    private readonly baseSha: string,
    private readonly headSha: string,
  ) {}

  /** Starts listing the PR's commits (once), so the answer travels while history is walked. */
  prefetch(): Promise<Comparison> {
    if (!this.listing) {
      this.listing = compare(this.client, this.repo, this.baseSha, this.headSha);
      // Awaited by own(); until then, a failure must not count as unhandled.
      this.listing.catch(() => undefined);
    }
    return this.listing;
  }

  /** For each SHA: true (the PR's own), false (the base has it), or why that is unknown. */
  async own(shas: readonly string[]): Promise<Map<string, boolean | string>> {
    const out = new Map<string, boolean | string>();
    if (shas.length === 0) return out;
    let listed: Comparison;
    try {
      listed = await this.prefetch();
    } catch (error) {
      for (const sha of shas) out.set(sha, (error as Error).message);
      return out;
    }
    const commits = new Set((listed.commits ?? []).map((c) => c.sha));
    const complete = typeof listed.total_commits === "number" && commits.size >= listed.total_commits;
    const unlisted: string[] = [];
    for (const sha of shas) {
      if (commits.has(sha)) out.set(sha, true);
      else if (complete) out.set(sha, false);
      else unlisted.push(sha);
    }
    const tooMany = `this PR has ${listed.total_commits ?? "more"} commits, more than GitHub lists at once`;
    await Promise.all(
      unlisted.map(async (sha, i) => {
        out.set(sha, i < MAX_SINGLE_LOOKUPS ? await this.single(sha) : tooMany);
      }),
    );
    return out;
  }

  private async single(sha: string): Promise<boolean | string> {
    try {
      const { status } = await compare(this.client, this.repo, this.baseSha, sha);
      if (status === "ahead" || status === "diverged") return true;
      if (status === "behind" || status === "identical") return false;
      return `comparing ${sha.slice(0, 7)} with the base answered ${status}`;
    } catch (error) {
      return (error as Error).message;
    }
  }
}

async function compare(client: GitHubClient, repo: Repo, base: string, head: string): Promise<Comparison> {
  const what = `comparing ${head.slice(0, 7)} with the PR's base ${base.slice(0, 7)}`;
  const { data } = await call(what, () =>
    client.octokit.request("GET /repos/{owner}/{repo}/compare/{basehead}", { ...repo, basehead: `${base}...${head}` }),
  );
  return jsonResponse<Comparison>(what, data);
}
