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
