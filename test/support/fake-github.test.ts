import { afterEach, describe, expect, it } from "vitest";
import { World } from "./fake-github/model.js";
import { type FakeGitHub, type FakeGitHubOptions, startFakeGitHub } from "./fake-github/server.js";

let server: FakeGitHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function world(): World {
  const w = new World();
  const repo = w.repo("acme/shop");
  repo.commit("main", { author: "alice", files: { "docs/gate.md": "# Gate\n\n- [ ] one @alice\n- [ ] two\n" } });
  repo.commit("release/1.0", {
    from: "main",
    author: "alice",
    files: { "docs/gate.md": "# Gate\n\n- [x] one @alice\n- [ ] two\n" },
  });
  repo.addPull({ number: 7, title: "Release 1.0", user: "carol", base: "main", head: "release/1.0", body: "- [ ] x" });
  w.team("acme", "release-managers", ["bob"]);
  return w;
}

async function start(w = world(), options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  server = await startFakeGitHub(w, options);
  return server;
}

async function call(
  s: FakeGitHub,
  method: string,
  path: string,
  body?: unknown,
  token = "write-token",
): Promise<{ status: number; headers: Headers; json: unknown; text: string }> {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: { authorization: `token ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

describe("fake GitHub REST", () => {
  it("serves file contents at a ref as base64 and 404s for a missing file", async () => {
    const s = await start();
    const head = await call(s, "GET", "/repos/acme/shop/contents/docs/gate.md?ref=release/1.0");
    expect(head.status).toBe(200);
    const content = Buffer.from((head.json as { content: string }).content, "base64").toString();
    expect(content).toContain("- [x] one @alice");
    expect((await call(s, "GET", "/repos/acme/shop/contents/nope.md?ref=main")).status).toBe(404);
    const dir = await call(s, "GET", "/repos/acme/shop/contents/docs?ref=main");
    expect((dir.json as { name: string }[]).map((e) => e.name)).toEqual(["gate.md"]);
    expect(s.problems).toEqual([]);
  });

  it("shows the tick in the patch of the commit that made it", async () => {
    const s = await start();
    const list = await call(s, "GET", "/repos/acme/shop/commits?path=docs/gate.md&sha=release/1.0");
    const commits = list.json as { sha: string; author: { login: string } }[];
    expect(commits).toHaveLength(2);
    const newest = await call(s, "GET", `/repos/acme/shop/commits/${commits[0]?.sha}`);
    const patch = (newest.json as { files: { patch: string }[] }).files[0]?.patch;
    expect(patch).toContain("-- [ ] one @alice\n+- [x] one @alice");
    expect(s.problems).toEqual([]);
  });

  it("paginates with GitHub's Link header", async () => {
    const w = new World();
    const repo = w.repo("acme/shop");
    for (let i = 0; i < 5; i++) repo.commit("main", { author: "alice", files: { "a.md": `v${i}\n` } });
    const s = await start(w);
    const first = await call(s, "GET", "/repos/acme/shop/commits?per_page=2");
    expect((first.json as unknown[]).length).toBe(2);
    const link = first.headers.get("link") ?? "";
    expect(link).toMatch(/page=2>; rel="next"/);
    expect(link).toMatch(/page=3>; rel="last"/);
    const last = await call(s, "GET", "/repos/acme/shop/commits?per_page=2&page=3");
    expect((last.json as unknown[]).length).toBe(1);
    expect(last.headers.get("link")).toMatch(/rel="prev".*rel="first"/);
    expect(last.headers.get("link")).not.toMatch(/rel="next"/);
  });

  it("answers team membership with active or 404", async () => {
    const s = await start();
    const bob = await call(s, "GET", "/orgs/acme/teams/release-managers/memberships/bob");
    expect(bob.status).toBe(200);
    expect((bob.json as { state: string }).state).toBe("active");
    expect((await call(s, "GET", "/orgs/acme/teams/release-managers/memberships/mallory")).status).toBe(404);
  });

  it("appends check run annotations on update and rejects more than 50 per request", async () => {
    const s = await start();
    const sha = s.world.repo("acme/shop").resolve("release/1.0");
    const annotation = { path: "a.md", start_line: 1, end_line: 1, annotation_level: "failure", message: "x" };
    const created = await call(s, "POST", "/repos/acme/shop/check-runs", {
      name: "launchgate / gates",
      head_sha: sha,
      status: "in_progress",
      output: { title: "t", summary: "s", annotations: [annotation] },
    });
    expect(created.status).toBe(201);
    const id = (created.json as { id: number }).id;
    const updated = await call(s, "PATCH", `/repos/acme/shop/check-runs/${id}`, {
      conclusion: "failure",
      output: { title: "t2", summary: "s", annotations: [annotation, annotation] },
    });
    expect((updated.json as { output: { annotations_count: number } }).output.annotations_count).toBe(3);
    const tooMany = await call(s, "PATCH", `/repos/acme/shop/check-runs/${id}`, {
      output: { title: "t", summary: "s", annotations: Array(51).fill(annotation) },
    });
    expect(tooMany.status).toBe(422);
    expect(s.problems).toEqual([]);
  });

  it("refuses every write from a read-only fork token", async () => {
    const s = await start();
    const res = await call(s, "POST", "/repos/acme/shop/issues/7/comments", { body: "hi" }, "fork-token");
    expect(res.status).toBe(403);
    expect((res.json as { message: string }).message).toBe("Resource not accessible by integration");
    expect(s.world.repo("acme/shop").comments).toHaveLength(0);
  });
});

describe("fake GitHub Git Data API", () => {
  it("updates a ref only by fast-forward unless forced (compare-and-swap)", async () => {
    const s = await start();
    const repo = s.world.repo("acme/shop");
    const base = repo.resolve("main") as string;
    const tree = (repo.commits.get(base) as { tree: string }).tree;
    const created = await call(s, "POST", "/repos/acme/shop/git/refs", { ref: "refs/heads/data", sha: base });
    expect(created.status).toBe(201);
    const newTree = await call(s, "POST", "/repos/acme/shop/git/trees", {
      base_tree: tree,
      tree: [{ path: "snapshots/2026-W45.json", mode: "100644", type: "blob", content: "{}" }],
    });
    const treeSha = (newTree.json as { sha: string }).sha;
    const c1 = await call(s, "POST", "/repos/acme/shop/git/commits", { message: "a", tree: treeSha, parents: [base] });
    const c2 = await call(s, "POST", "/repos/acme/shop/git/commits", { message: "b", tree: treeSha, parents: [base] });
    const sha1 = (c1.json as { sha: string }).sha;
    const sha2 = (c2.json as { sha: string }).sha;
    expect((await call(s, "PATCH", "/repos/acme/shop/git/refs/heads/data", { sha: sha1 })).status).toBe(200);
    // A concurrent writer based on the old head loses the race.
    const conflict = await call(s, "PATCH", "/repos/acme/shop/git/refs/heads/data", { sha: sha2 });
    expect(conflict.status).toBe(422);
    expect((conflict.json as { message: string }).message).toBe("Update is not a fast forward");
    expect((await call(s, "PATCH", "/repos/acme/shop/git/refs/heads/data", { sha: sha2, force: true })).status).toBe(
      200,
    );
    const listing = await call(s, "GET", `/repos/acme/shop/git/trees/${treeSha}?recursive=1`);
    const paths = (listing.json as { tree: { path: string }[] }).tree.map((e) => e.path);
    expect(paths).toEqual(["docs", "docs/gate.md", "snapshots", "snapshots/2026-W45.json"]);
    expect(s.problems).toEqual([]);
  });
});

describe("fake GitHub contract checks", () => {
  it("records an OpenAPI problem when a response does not match GitHub's schema", async () => {
    const s = await start(world(), {
      transform: (_method, path, reply) =>
        path === "/repos/acme/shop/pulls/7" ? { ...reply, body: { ...(reply.body as object), number: "7" } } : reply,
    });
    expect((await call(s, "GET", "/repos/acme/shop/pulls/7")).status).toBe(200);
    expect(s.problems).toHaveLength(1);
    expect(s.problems[0]?.kind).toBe("openapi");
    expect(s.problems[0]?.message).toMatch(/\$\.number: expected integer, got string/);
  });

  it("serves valid REST responses for every route used here without problems", async () => {
    const s = await start();
    for (const path of [
      "/repos/acme/shop/pulls/7",
      "/repos/acme/shop/pulls/7/files",
      "/repos/acme/shop/pulls/7/commits",
      "/repos/acme/shop/compare/main...release/1.0",
      "/repos/acme/shop/issues?state=all",
      "/repos/acme/shop/collaborators/alice/permission",
    ])
      expect((await call(s, "GET", path)).status).toBe(200);
    expect(s.problems).toEqual([]);
  });

  it("answers issues, comments, labels, events, releases and check-run listings in GitHub's shapes", async () => {
    const w = world();
    const repo = w.repo("acme/shop");
    repo.addIssue({ number: 20, title: "Crash on start", user: "dave", labels: ["P1"] });
    repo.addRelease({
      tag: "v1.0.0",
      name: "1.0.0",
      author: "rita",
      createdAt: "2026-11-01T10:00:00Z",
      publishedAt: "2026-11-01T10:05:00Z",
    });
    const s = await start(w);
    const sha = repo.resolve("release/1.0");
    const posted = await call(s, "POST", "/repos/acme/shop/issues/20/comments", { body: "On it" });
    expect(posted.status).toBe(201);
    const id = (posted.json as { id: number }).id;
    expect((await call(s, "PATCH", `/repos/acme/shop/issues/comments/${id}`, { body: "Fixed" })).status).toBe(200);
    expect((await call(s, "POST", "/repos/acme/shop/issues/20/labels", { labels: ["needs-triage"] })).status).toBe(200);
    expect((await call(s, "DELETE", "/repos/acme/shop/issues/20/labels/P1")).status).toBe(200);
    expect((await call(s, "DELETE", "/repos/acme/shop/issues/20/labels/P1")).status).toBe(404);
    await call(s, "POST", "/repos/acme/shop/check-runs", { name: "c", head_sha: sha, conclusion: "success" });
    for (const path of [
      "/repos/acme/shop/issues/20",
      "/repos/acme/shop/issues/20/comments",
      "/repos/acme/shop/issues/20/labels",
      "/repos/acme/shop/issues/20/events",
      "/repos/acme/shop/releases",
      `/repos/acme/shop/commits/${sha}/check-runs`,
      "/repos/acme/shop/contents/docs?ref=main",
      "/repos/acme/shop/git/ref/heads/main",
      `/repos/acme/shop/git/commits/${sha}`,
    ])
      expect((await call(s, "GET", path)).status, path).toBe(200);
    const label = await call(s, "POST", "/repos/acme/shop/labels", { name: "sla:breached", color: "d73a4a" });
    expect(label.status).toBe(201);
    expect((await call(s, "POST", "/repos/acme/shop/labels", { name: "SLA:breached" })).status).toBe(422);
    expect((await call(s, "GET", "/repos/acme/shop/labels")).status).toBe(200);
    const all = (await call(s, "GET", "/repos/acme/shop/issues/comments?since=2000-01-01T00:00:00Z")).json as unknown[];
    expect(all).toHaveLength(1);
    const events = (await call(s, "GET", "/repos/acme/shop/issues/20/events")).json as {
      event: string;
      label: { name: string };
    }[];
    // P1 was applied when the issue was opened, as GitHub records it.
    expect(events.map((e) => `${e.event} ${e.label.name}`)).toEqual([
      "labeled P1",
      "labeled needs-triage",
      "unlabeled P1",
    ]);
    const issues = (await call(s, "GET", "/repos/acme/shop/issues?labels=needs-triage")).json as { number: number }[];
    expect(issues.map((i) => i.number)).toEqual([20]);
    expect(s.problems).toEqual([]);
  });

  it("serves the repository with its stars and repository-wide issue events, newest first and paginated", async () => {
    const w = world();
    const repo = w.repo("acme/shop");
    repo.stars = 42;
    repo.defaultBranch = "trunk";
    repo.addIssue({ number: 20, title: "Crash", user: "dave", labels: ["P0"], createdAt: "2026-11-01T10:00:00Z" });
    repo.addIssue({ number: 21, title: "Slow", user: "erin", labels: ["P2"], createdAt: "2026-11-02T10:00:00Z" });
    repo.addIssue({ number: 22, title: "Typo", user: "erin", labels: ["P3"], createdAt: "2026-11-03T10:00:00Z" });
    const s = await start(w);
    const got = (await call(s, "GET", "/repos/acme/shop")).json as Record<string, unknown>;
    expect(got).toMatchObject({ full_name: "acme/shop", stargazers_count: 42, default_branch: "trunk" });
    expect((await call(s, "GET", "/repos/acme/nope")).status).toBe(404);

    const first = await call(s, "GET", "/repos/acme/shop/issues/events?per_page=2");
    const page1 = first.json as { event: string; label: { name: string }; issue: { number: number } }[];
    expect(page1.map((e) => [e.issue.number, e.label.name])).toEqual([
      [22, "P3"],
      [21, "P2"],
    ]);
    expect(first.headers.get("link")).toContain('rel="next"');
    const page2 = (await call(s, "GET", "/repos/acme/shop/issues/events?per_page=2&page=2")).json as {
      issue: { number: number; title: string };
    }[];
    expect(page2.map((e) => [e.issue.number, e.issue.title])).toEqual([[20, "Crash"]]);
    // Both answers match GitHub's OpenAPI description (full-repository, issue-event with `issue`).
    expect(s.problems).toEqual([]);
  });

  it("records a GraphQL problem for a query GitHub's schema rejects", async () => {
    const s = await start();
    const res = await call(s, "POST", "/graphql", { query: '{ repository(owner:"acme", name:"shop") { nope } }' });
    expect(res.status).toBe(200);
    expect((res.json as { errors: { message: string }[] }).errors[0]?.message).toMatch(/Cannot query field "nope"/);
    expect(s.problems.map((p) => p.kind)).toEqual(["graphql"]);
  });

  it("returns description edits with editors through GraphQL, newest first", async () => {
    const w = world();
    w.repo("acme/shop").addPull({
      number: 8,
      title: "Release 2",
      user: "carol",
      base: "main",
      head: "release/1.0",
      edits: [
        { editor: "carol", editedAt: "2026-11-02T10:00:00Z", body: "- [ ] a\n- [ ] b" },
        { editor: "alice", editedAt: "2026-11-02T11:00:00Z", body: "- [x] a\n- [ ] b" },
        { editor: "bob", editedAt: "2026-11-02T12:00:00Z", body: "- [x] a\n- [x] b" },
      ],
    });
    const s = await start(w);
    const query = `query($n: Int!) { repository(owner: "acme", name: "shop") { pullRequest(number: $n) {
      body userContentEdits(first: 2) { totalCount pageInfo { hasNextPage endCursor }
        nodes { editedAt deletedAt diff editor { login } } } } } }`;
    const res = await call(s, "POST", "/graphql", { query, variables: { n: 8 } });
    type Edits = {
      totalCount: number;
      pageInfo: { hasNextPage: boolean };
      nodes: { editor: { login: string } }[];
    };
    const pr = (res.json as { data: { repository: { pullRequest: { body: string; userContentEdits: Edits } } } }).data
      .repository.pullRequest;
    expect(pr.body).toBe("- [x] a\n- [x] b");
    expect(pr.userContentEdits.totalCount).toBe(3);
    expect(pr.userContentEdits.nodes.map((n) => n.editor.login)).toEqual(["bob", "alice"]);
    expect(pr.userContentEdits.pageInfo.hasNextPage).toBe(true);
    expect(s.problems).toEqual([]);
  });
  it("answers issues with their comments in one GraphQL query, filtered by since", async () => {
    const w = world();
    const repo = w.repo("acme/shop");
    repo.addIssue({ number: 20, title: "Old", user: "dave", createdAt: "2026-10-01T00:00:00Z" });
    const fresh = repo.addIssue({ number: 21, title: "New", user: "dave", createdAt: "2026-11-03T00:00:00Z" });
    repo.comments.push({
      id: 1,
      issue: fresh.number,
      user: "rita",
      body: "P1?",
      createdAt: fresh.createdAt,
      updatedAt: fresh.createdAt,
    });
    const s = await start(w);
    const query = `{ repository(owner: "acme", name: "shop") {
      issues(first: 50, filterBy: { since: "2026-11-01T00:00:00Z" }, orderBy: { field: CREATED_AT, direction: ASC }) {
        totalCount nodes { number comments(first: 10) { nodes { body author { login } } } } } } }`;
    const res = await call(s, "POST", "/graphql", { query });
    type Issues = { totalCount: number; nodes: { number: number; comments: { nodes: { body: string }[] } }[] };
    const issues = (res.json as { data: { repository: { issues: Issues } } }).data.repository.issues;
    expect(issues.nodes.map((i) => i.number)).toEqual([21]);
    expect(issues.nodes[0]?.comments.nodes[0]?.body).toBe("P1?");
    expect(s.problems).toEqual([]);
  });
});

describe("fake GitHub fault injection", () => {
  it("fails the first N matching requests, then answers normally, and logs them", async () => {
    const s = await start(world(), { faults: [{ path: "/repos/{owner}/{repo}/contents/**", status: 502, times: 2 }] });
    const path = "/repos/acme/shop/contents/docs/gate.md?ref=main";
    expect((await call(s, "GET", path)).status).toBe(502);
    expect((await call(s, "GET", path)).status).toBe(502);
    expect((await call(s, "GET", path)).status).toBe(200);
    expect(s.log.map((e) => [e.status, e.fault])).toEqual([
      [502, true],
      [502, true],
      [200, false],
    ]);
    expect(s.counters().get("GET /repos/acme/shop/contents/docs/gate.md")).toBe(3);
  });

  it("answers a secondary rate limit with retry-after and truncates bodies", async () => {
    const s = await start(world(), {
      faults: [
        { method: "GET", path: "/repos/*/*/pulls/7", status: 403, rateLimit: true, retryAfter: 3 },
        { path: "/repos/acme/shop/issues/**", truncate: true },
      ],
    });
    const limited = await call(s, "GET", "/repos/acme/shop/pulls/7");
    expect(limited.status).toBe(403);
    expect(limited.headers.get("retry-after")).toBe("3");
    expect((limited.json as { message: string }).message).toMatch(/secondary rate limit/);
    const cut = await call(s, "GET", "/repos/acme/shop/issues/7/comments");
    expect(cut.status).toBe(200);
    expect(cut.json).toBeUndefined();
    expect(cut.text.length).toBeGreaterThan(0);
  });
});
