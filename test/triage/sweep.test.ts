import { afterEach, describe, expect, it } from "vitest";
import { sweep } from "../../src/action/modes/triage.js";
import { createClient } from "../../src/github/client.js";
import { World } from "../support/fake-github/model.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/server.js";
import { config } from "./build.js";

let server: FakeGitHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const NOW = new Date("2026-11-02T12:00:00Z");
const repoRef = { owner: "acme", repo: "shop" };

async function start(world: World) {
  server = await startFakeGitHub(world);
  return { server, client: createClient({ token: "write-token", apiUrl: server.url, graphqlUrl: server.graphqlUrl }) };
}

describe("triage sweep against the fake GitHub", () => {
  it("labels breaches and untriaged issues, clears labels on resolved ones, within budget", async () => {
    const world = new World("2026-11-02T09:00:00Z");
    const repo = world.repo("acme/shop");
    repo.collaborators.set("maintainer", "write");
    repo.addIssue({ number: 1, title: "Crash", user: "alice", labels: ["P0"], createdAt: "2026-11-02T10:00:00Z" });
    repo.addIssue({ number: 2, title: "Question", user: "bob", createdAt: "2026-11-02T11:00:00Z" });
    repo.addIssue({
      number: 3,
      title: "Fixed",
      user: "carol",
      labels: ["P1", "sla:breached"],
      state: "closed",
      createdAt: "2026-10-01T10:00:00Z",
      closedAt: "2026-10-02T10:00:00Z",
    });
    const { server: fake, client } = await start(world);
    const report = await sweep(client, repoRef, config(), NOW);
    expect(fake.problems).toEqual([]);
    expect(repo.issues.get(1)?.labels).toContain("sla:breached");
    expect(repo.issues.get(2)?.labels).toEqual(["needs-triage"]);
    expect(repo.issues.get(3)?.labels).toEqual(["P1"]);
    expect(report.issues).toBe(3);
    expect(report.requests).toBeLessThanOrEqual(Math.ceil(3 / 100) + 15);
    expect(report.summary).toMatch(/### P0 \(1\)\n\n\| Issue \| Clock/);
    expect(report.summary).toContain("[#1](https://github.com/acme/shop/issues/1) Crash | response");

    // A second sweep at the same instant writes nothing.
    const before = fake.log.filter((r) => r.write).length;
    const again = await sweep(
      createClient({ token: "write-token", apiUrl: fake.url, graphqlUrl: fake.graphqlUrl }),
      repoRef,
      config(),
      NOW,
    );
    expect(again.written).toEqual([]);
    expect(fake.log.filter((r) => r.write).length).toBe(before);
  });

  it("ignores bot comments, reads long threads on, and keeps to the request budget", async () => {
    const world = new World("2026-11-02T09:00:00Z");
    const repo = world.repo("acme/shop");
    repo.collaborators.set("maintainer", "write");
    world.user("helper[bot]", "Bot");
    repo.collaborators.set("helper[bot]", "write");
    repo.addIssue({
      number: 1,
      title: "Bot answered",
      user: "alice",
      labels: ["P1"],
      createdAt: "2026-11-02T10:00:00Z",
    });
    repo.comments.push({
      id: world.nextId(),
      issue: 1,
      user: "helper[bot]",
      body: "Thanks!",
      createdAt: "2026-11-02T10:01:00Z",
      updatedAt: "2026-11-02T10:01:00Z",
    });
    repo.addIssue({ number: 2, title: "Long thread", user: "bob", labels: ["P1"], createdAt: "2026-11-02T10:00:00Z" });
    for (let k = 0; k < 120; k++) {
      const at = new Date(Date.parse("2026-11-02T10:00:00Z") + (k + 1) * 15_000)
        .toISOString()
        .replace(/\.\d{3}Z$/, "Z");
      const user = k === 110 ? "maintainer" : "bob";
      repo.comments.push({ id: world.nextId(), issue: 2, user, body: "+1", createdAt: at, updatedAt: at });
    }
    for (let n = 3; n <= 40; n++)
      repo.addIssue({
        number: n,
        title: `Crash ${n}`,
        user: "carol",
        labels: ["P0"],
        createdAt: "2026-11-02T10:00:00Z",
      });
    const { server: fake, client } = await start(world);
    const report = await sweep(client, repoRef, config(), NOW);
    expect(fake.problems).toEqual([]);
    const byNumber = (n: number) => report.result.issues.find((i) => i.number === n);
    expect(byNumber(1)?.response.state).toBe("breached");
    // The maintainer's reply is comment 111, on the second page: read, so #2's response was in time.
    expect(byNumber(2)?.response).toMatchObject({ state: "met", at: "2026-11-02T10:27:45.000Z" });
    expect(report.issues).toBe(40);
    expect(report.budget).toBe(16);
    expect(report.requests).toBeLessThanOrEqual(report.budget);
    // P0 breaches are written first; what does not fit waits for the next sweep.
    expect(report.written.map((c) => c.number)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(report.deferred.length).toBe(40 - 2 - 7 + 1);
    expect(report.summary).toContain("left for the next sweep");
  });

  it("without a replayed instant, judges issues when they have been read: one closed meanwhile is closed", async () => {
    const world = new World("2026-11-02T09:00:00Z");
    const repo = world.repo("acme/shop");
    // A P0 nobody answered, closed 300 ms after the sweep starts, while the reads take 600 ms and more.
    const closedAt = new Date(Date.now() + 300).toISOString();
    repo.addIssue({
      number: 1,
      title: "Crash",
      user: "alice",
      labels: ["P0"],
      state: "closed",
      createdAt: "2026-11-02T10:00:00Z",
      updatedAt: closedAt,
      closedAt,
    });
    server = await startFakeGitHub(world, { faults: [{ path: "/graphql", latencyMs: 600, times: 1 }] });
    const client = createClient({ token: "write-token", apiUrl: server.url, graphqlUrl: server.graphqlUrl });
    const report = await sweep(client, repoRef, config());
    expect(report.result.issues.find((i) => i.number === 1)?.state).toBe("closed");
    expect(repo.issues.get(1)?.labels).toEqual(["P0"]);
  });
});
