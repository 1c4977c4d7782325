import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../src/github/client.js";
import { fetchReportData, parseCache, pullsFromIssues } from "../../src/github/report-fetch.js";

// A minimal GitHub for the repository-wide list endpoints: `since`, newest-first events, Link pages.
const T0 = Date.parse("2026-11-01T00:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const issues = Array.from({ length: 1000 }, (_, i) => ({
  number: i + 1,
  title: `Issue ${i + 1}`,
  state: "open",
  user: { login: "u" },
  labels: [],
  created_at: at(i),
  updated_at: at(i),
  html_url: `https://github.com/acme/caro/issues/${i + 1}`,
  ...(i % 10 === 0 ? { pull_request: { merged_at: at(i + 1) } } : {}),
}));
const comments = Array.from({ length: 400 }, (_, i) => ({
  id: i + 1,
  issue_url: `https://api.github.com/repos/acme/caro/issues/${(i % 1000) + 1}`,
  user: { login: "m" },
  created_at: at(i * 2.5),
  updated_at: at(i * 2.5),
}));
const releases = [
  { id: 1, tag_name: "v1", created_at: at(0), published_at: at(0), assets: [{ name: "a", download_count: 7 }] },
];
const events = Array.from({ length: 600 }, (_, i) => ({
  id: i + 1,
  event: "labeled",
  label: { name: "P2" },
  created_at: at(i * (1000 / 600)),
  issue: { number: (i % 1000) + 1 },
})).reverse();

let server: Server;
let url = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    const u = new URL(req.url ?? "/", "http://x");
    const since = u.searchParams.get("since");
    const page = Number(u.searchParams.get("page") ?? "1");
    const per = Number(u.searchParams.get("per_page") ?? "30");
    const lists: Record<string, { updated_at?: string; created_at: string }[]> = {
      "/repos/acme/caro/issues": issues,
      "/repos/acme/caro/issues/comments": comments,
      "/repos/acme/caro/issues/events": events,
      "/repos/acme/caro/releases": releases,
    };
    res.setHeader("content-type", "application/json");
    if (u.pathname === "/repos/acme/caro") {
      res.end(JSON.stringify({ stargazers_count: 42, html_url: "https://github.com/acme/caro" }));
      return;
    }
    const list = lists[u.pathname];
    if (!list) {
      res.statusCode = 404;
      res.end(JSON.stringify({ message: "Not Found" }));
      return;
    }
    const filtered = since ? list.filter((x) => (x.updated_at ?? x.created_at) >= since) : list;
    const slice = filtered.slice((page - 1) * per, page * per);
    if (page * per < filtered.length) {
      const next = new URL(u);
      next.searchParams.set("page", String(page + 1));
      res.setHeader("link", `<${url}${next.pathname}${next.search}>; rel="next"`);
    }
    res.end(JSON.stringify(slice));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const repo = { owner: "acme", repo: "caro" };

describe("incremental report fetch", () => {
  it("fetches everything once, then only what changed within ceil(changed/100) + 10 requests", async () => {
    const full = await fetchReportData(
      createClient({ token: "t", apiUrl: url, graphqlUrl: `${url}/graphql` }),
      repo,
      null,
      new Date(at(500)),
    );
    expect(full.cache.issues).toHaveLength(1000);
    expect(full.cache.comments).toHaveLength(400);
    expect(full.cache.events).toHaveLength(600);
    expect(full.stars).toBe(42);
    expect(full.pulls).toHaveLength(100);

    // A cache as of minute 750: 250 issues, ~100 comments and ~150 events changed since.
    const stale = parseCache(JSON.stringify({ ...full.cache, fetchedAt: at(750) }));
    expect(stale).not.toBeNull();
    const client = createClient({ token: "t", apiUrl: url, graphqlUrl: `${url}/graphql` });
    const next = await fetchReportData(client, repo, stale, new Date(at(1000)));
    expect(next.requests).toBeLessThanOrEqual(Math.ceil(next.changed / 100) + 10);
    expect(next.changed).toBeGreaterThan(400);
    expect(next.cache.issues).toHaveLength(1000);
    expect(next.cache.events).toHaveLength(600);
    expect(next.cache.fetchedAt).toBe(at(1000));
  });

  it("starts over when the cache is unreadable", () => {
    expect(parseCache(null)).toBeNull();
    expect(parseCache("{not json")).toBeNull();
    expect(parseCache('{"version": 2}')).toBeNull();
  });

  it("turns PRs in the issues list into pulls with their merge time", () => {
    const pulls = pullsFromIssues([
      { number: 1, title: "bug", state: "open", user: null, labels: [], created_at: at(0) },
      {
        number: 2,
        title: "fix",
        state: "closed",
        user: null,
        labels: ["ux"],
        created_at: at(0),
        pull_request: { merged_at: at(5) },
      },
    ]);
    expect(pulls).toMatchObject([{ number: 2, merged_at: at(5), labels: ["ux"] }]);
  });
});
