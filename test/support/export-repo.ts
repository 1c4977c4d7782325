import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FakeGitHub } from "./fake-github/server.js";

export interface RepoExport {
  issues: string;
  comments: string;
  events: string;
  pulls: string;
  releases: string;
}

/**
 * Exports a repository of the fake GitHub into `dir` as `gh api --paginate` would (every page of
 * each list, concatenated): the offline files the CLI reads, to compare with its live read.
 */
export async function exportRepo(server: FakeGitHub, repo: string, dir: string): Promise<RepoExport> {
  const lists = {
    issues: `/repos/${repo}/issues?state=all`,
    comments: `/repos/${repo}/issues/comments`,
    events: `/repos/${repo}/issues/events`,
    pulls: `/repos/${repo}/pulls?state=all`,
    releases: `/repos/${repo}/releases`,
  };
  const out = {} as RepoExport;
  for (const [name, path] of Object.entries(lists) as [keyof RepoExport, string][]) {
    const items: unknown[] = [];
    let next: string | null = `${server.url}${path}${path.includes("?") ? "&" : "?"}per_page=100`;
    while (next) {
      const response: Response = await fetch(next, { headers: { authorization: "token fork-token" } });
      if (!response.ok) throw new Error(`exporting ${path}: HTTP ${response.status}`);
      items.push(...((await response.json()) as unknown[]));
      next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get("link") ?? "")?.[1] ?? null;
    }
    out[name] = join(dir, `${name}.json`);
    writeFileSync(out[name], JSON.stringify(items));
  }
  return out;
}
