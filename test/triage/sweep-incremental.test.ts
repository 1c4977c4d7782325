import { afterEach, describe, expect, it } from "vitest";
import { sweep } from "../../src/action/modes/triage.js";
import { createClient } from "../../src/github/client.js";
import { World } from "../support/fake-github/model.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/server.js";
import { config } from "./build.js";

// The hourly sweep after a first one: it re-reads only the issues changed since the last sweep
// began and those whose clocks fell due since (found from the state the last sweep stored), and
// keeps within 20 requests however many issues are open.
const repoRef = { owner: "acme", repo: "shop" };
const OPEN = 400;
let server: FakeGitHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function world(): World {
  const w = new World("2026-11-02T09:00:00Z");
  const repo = w.repo("acme/shop");
  repo.collaborators.set("maintainer", "write");
  // Answered P2s: no clock falls due for days.
  for (let n = 1; n <= OPEN; n++) {
    repo.addIssue({ number: n, title: `Slow ${n}`, user: "bob", labels: ["P2"], createdAt: "2026-11-02T10:00:00Z" });
    repo.comments.push({
      id: w.nextId(),
      issue: n,
      user: "maintainer",
      body: "On it",
      createdAt: "2026-11-02T10:30:00Z",
      updatedAt: "2026-11-02T10:30:00Z",
    });
  }
  // Unanswered P1 whose response is due at 12:30, between the two sweeps; nothing happens to it.
  repo.addIssue({
    number: 501,
    title: "Login fails",
    user: "carol",
    labels: ["P1"],
    createdAt: "2026-11-02T11:30:00Z",
  });
  // Breached P0, closed between the sweeps.
  repo.addIssue({
    number: 502,
    title: "Crash",
    user: "dave",
    labels: ["P0", "sla:breached"],
    createdAt: "2026-11-02T10:00:00Z",
    updatedAt: "2026-11-02T10:00:00Z",
  });
  return w;
}

const clientOf = (s: FakeGitHub) => createClient({ token: "write-token", apiUrl: s.url, graphqlUrl: s.graphqlUrl });

describe("incremental triage sweep", () => {
  it("re-checks only what changed or fell due since the last sweep, within 20 requests", async () => {
    const w = world();
    const repo = w.repo("acme/shop");
    server = await startFakeGitHub(w);
    const first = await sweep(clientOf(server), repoRef, config(), new Date("2026-11-02T12:00:00Z"));
    expect(first.issues).toBe(OPEN + 2);
    expect(repo.issues.get(501)?.labels).not.toContain("sla:breached");
    expect(repo.refs.get("refs/heads/launchgate-data-sweep")).toBeDefined();

    // Between the sweeps: #502 is closed, #503 is opened without a severity.
    const p0 = repo.issues.get(502);
    if (!p0) throw new Error("no #502");
    Object.assign(p0, { state: "closed", closedAt: "2026-11-02T12:20:00Z", updatedAt: "2026-11-02T12:20:00Z" });
    repo.addIssue({ number: 503, title: "Weird", user: "erin", createdAt: "2026-11-02T12:40:00Z" });

    server.log.length = 0;
    const hourly = await sweep(clientOf(server), repoRef, config(), new Date("2026-11-02T13:00:00Z"));
    expect(server.problems).toEqual([]);
    expect(hourly.requests).toBeLessThanOrEqual(20);
    // Only the three issues, not the 400 others: #501 found by its due clock, #502 and #503 as changed.
    expect(hourly.result.issues.map((i) => i.number).sort()).toEqual([501, 502, 503]);
    const reads = server.log.filter((r) => r.path === "/graphql").map((r) => r.graphql);
    expect(reads).toEqual(["launchgateReportIssues", "launchgateIssuesByNumber"]);
    expect(server.log.find((r) => r.graphql === "launchgateReportIssues")?.variables?.since).toBe(
      "2026-11-02T11:59:00.000Z",
    );
    expect(repo.issues.get(501)?.labels).toContain("sla:breached");
    expect(repo.issues.get(502)?.labels).toEqual(["P0"]);
    expect(repo.issues.get(503)?.labels).toEqual(["needs-triage"]);
  });

  it("reads everything again without a state, or when the config changed", async () => {
    const w = world();
    const repo = w.repo("acme/shop");
    server = await startFakeGitHub(w);
    await sweep(clientOf(server), repoRef, config(), new Date("2026-11-02T12:00:00Z"));
    const other = config("triage:\n  sla:\n    P1:\n      response: 2h\n");
    const changed = await sweep(clientOf(server), repoRef, other, new Date("2026-11-02T12:10:00Z"));
    expect(changed.issues).toBe(OPEN + 2);
    repo.refs.delete("refs/heads/launchgate-data-sweep");
    const lost = await sweep(clientOf(server), repoRef, other, new Date("2026-11-02T12:20:00Z"));
    expect(lost.issues).toBe(OPEN + 2);
    // With the state back, the next sweep is incremental again.
    const next = await sweep(clientOf(server), repoRef, other, new Date("2026-11-02T12:30:00Z"));
    expect(next.issues).toBeLessThan(10);
    expect(server.problems).toEqual([]);
  });

  it("keeps to 20 requests when more clocks fall due than it may re-read: the rest wait for the next sweep", async () => {
    const w = new World("2026-11-02T09:00:00Z");
    const repo = w.repo("acme/shop");
    for (let n = 1; n <= 1200; n++)
      repo.addIssue({ number: n, title: `Down ${n}`, user: "bob", labels: ["P1"], createdAt: "2026-11-02T11:30:00Z" });
    server = await startFakeGitHub(w);
    await sweep(clientOf(server), repoRef, config(), new Date("2026-11-02T12:00:00Z"));
    const hourly = await sweep(clientOf(server), repoRef, config(), new Date("2026-11-02T13:00:00Z"));
    expect(hourly.requests).toBeLessThanOrEqual(20);
    expect(hourly.result.issues.length).toBe(500);
    const next = await sweep(clientOf(server), repoRef, config(), new Date("2026-11-02T14:00:00Z"));
    expect(next.requests).toBeLessThanOrEqual(20);
    // The next sweep takes the issues the last one did not get to (and those it labelled, now changed).
    expect(next.result.issues.some((i) => i.number > 500)).toBe(true);
    expect(server.problems).toEqual([]);
  });
});
