import { afterEach, describe, expect, it } from "vitest";
import { createClient } from "../../src/github/client.js";
import { World } from "../support/fake-github/model.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/server.js";

let server: FakeGitHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("GitHub client write pacing", () => {
  it("sends writes one at a time and in order: the first three at once, later ones 250 ms apart", async () => {
    const world = new World("2026-11-02T09:00:00Z");
    const repo = world.repo("acme/shop");
    repo.addIssue({ number: 1, title: "Crash", user: "alice", createdAt: "2026-11-02T08:00:00Z" });
    server = await startFakeGitHub(world);
    const waits: number[] = [];
    const pause = (ms: number) => {
      waits.push(ms);
      return new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
    };
    const client = createClient({ token: "write-token", apiUrl: server.url, graphqlUrl: server.graphqlUrl, pause });
    const addLabel = (name: string) =>
      client.octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
        owner: "acme",
        repo: "shop",
        issue_number: 1,
        labels: [name],
      });
    // Started together: they still go one at a time, in order.
    const started = Date.now();
    const done: number[] = [];
    await Promise.all(["a", "b", "c", "d", "e"].map((name, i) => addLabel(name).then(() => (done[i] = Date.now()))));

    expect(server.log.filter((r) => r.write).map((w) => w.status)).toEqual([200, 200, 200, 200, 200]);
    // The first three never wait; writes 4 and 5 each wait out 250 ms from the write before.
    expect(waits).toHaveLength(2);
    for (const wait of waits) expect(wait).toBeLessThanOrEqual(250);
    expect((done[4] ?? 0) - started).toBeGreaterThanOrEqual(500);
    expect(repo.issues.get(1)?.labels).toEqual(["a", "b", "c", "d", "e"]);
    expect(client.requests).toBe(5);
  });
});

describe("GitHub client on an Enterprise Server", () => {
  async function enterprise() {
    const world = new World("2026-11-02T09:00:00Z");
    world.repo("acme/shop").addIssue({ number: 1, title: "Crash", user: "alice", createdAt: "2026-11-02T08:00:00Z" });
    server = await startFakeGitHub(world, { enterprise: true });
    return server;
  }
  const viewer = "query { viewer { login } }";

  it("sends REST to /api/v3 and octokit.graphql to /api/graphql, derived from the API URL alone", async () => {
    const s = await enterprise();
    expect(s.url).toMatch(/\/api\/v3$/);
    const client = createClient({ token: "write-token", apiUrl: s.url });
    expect(client.endpoints.graphqlUrl).toBe(s.graphqlUrl);
    expect(client.endpoints.serverUrl).toBe(s.serverUrl);
    const issue = await client.octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}", {
      owner: "acme",
      repo: "shop",
      issue_number: 1,
    });
    // Web links name the server's host, not github.com.
    expect(issue.data.html_url).toBe(`${s.serverUrl}/acme/shop/issues/1`);
    const data = await client.octokit.graphql<{ viewer: { login: string } }>(viewer);
    expect(data.viewer.login).toBeTruthy();
    expect(s.problems).toEqual([]);
    expect(s.log.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /repos/acme/shop/issues/1", "POST /graphql"]);
  });

  it("posts GraphQL where GITHUB_GRAPHQL_URL says, not where octokit would guess", async () => {
    const s = await enterprise();
    // A wrong GraphQL URL is used as given: the request misses (404), which shows it is honoured.
    const wrong = createClient({
      token: "write-token",
      apiUrl: s.url,
      graphqlUrl: s.url.replace("/api/v3", "/graphql"),
    });
    await expect(wrong.octokit.graphql(viewer)).rejects.toMatchObject({ status: 404 });
    expect(s.problems.map((p) => p.request)).toEqual(["POST /graphql"]);
    const right = createClient({ token: "write-token", apiUrl: s.url, graphqlUrl: s.graphqlUrl });
    await expect(right.octokit.graphql(viewer)).resolves.toBeTruthy();
  });
});
