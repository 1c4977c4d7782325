import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { parseSnapshot } from "../../src/snapshot/parse.js";
import { World } from "../support/fake-github/model.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/server.js";
import { type ActionRun, runScheduledAction } from "../support/run-action.js";

// The built Action (`npm run build`) run as a workflow runner would, against the fake GitHub.
const BRANCH = "refs/heads/launchgate-data";
let server: FakeGitHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(extraFiles: Record<string, string> = {}): Promise<FakeGitHub> {
  const world = new World();
  const repo = world.repo("acme/caro");
  repo.stars = 12;
  repo.commit("main", {
    author: "alice",
    files: {
      ".github/launchgate.yml": "launch:\n  date: 2026-11-10\n  timezone: America/New_York\n",
      "launch/notes/2026-W47.md": "## Highlights\n- Hotfix shipped\n",
      "launch/metrics.csv": "metric,at,value\nerror_rate,2026-11-19T10:00:00Z,6\n",
      ...extraFiles,
    },
  });
  repo.addIssue({ number: 1, title: "Crash on start", user: "bob", labels: ["P0"], createdAt: "2026-11-12T10:00:00Z" });
  repo.addIssue({
    number: 2,
    title: "Slow",
    user: "bob",
    labels: ["P1"],
    state: "closed",
    createdAt: "2026-11-11T10:00:00Z",
    closedAt: "2026-11-18T10:00:00Z",
  });
  server = await startFakeGitHub(world);
  return server;
}

function runAction(s: FakeGitHub, week: string, now: string): Promise<ActionRun> {
  return runScheduledAction(
    s,
    "acme/caro",
    { mode: "report", week, metrics: "launch/metrics.csv" },
    { LAUNCHGATE_NOW: now },
  );
}

function branchFiles(s: FakeGitHub): Map<string, string> {
  const repo = s.world.repo("acme/caro");
  const head = repo.refs.get(BRANCH);
  if (!head) return new Map();
  const tree = repo.tree(repo.commits.get(head)?.tree as string);
  return new Map([...tree].map(([path, sha]) => [path, (repo.blobs.get(sha) as Buffer).toString("utf8")]));
}

describe("Action mode report (built dist/index.js against the fake GitHub)", () => {
  it("stores the week's snapshot on the data branch, writes the job summary and outputs", async () => {
    const s = await start();
    const mainBefore = s.world.repo("acme/caro").refs.get("refs/heads/main");
    const run = await runAction(s, "2026-W47", "2026-11-20T22:00:00Z");
    expect(run.stderr).not.toMatch(/::error/);
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ week: "2026-W47", status: "red" });
    const stored = parseSnapshot(readFileSync(run.outputs["snapshot-path"] as string, "utf8"), "output");
    expect(stored.issues.bySeverity.P0.open).toBe(1);
    expect(stored.issues.bySeverity.P1.fixed).toBe(1);
    expect(stored.stars.total).toBe(12);
    expect(stored.status.reasons.map((r) => r.rule)).toEqual([
      "open-p0",
      "decision:rollback",
      "must-have:error_rate",
      "no-data:crash_rate",
      "target:community_pulls",
    ]);
    expect(stored.notes).toMatchObject({ highlights: ["Hotfix shipped"], source: "notes-file" });
    const files = branchFiles(s);
    expect([...files.keys()].sort()).toEqual(["cache/report.json.gz", "snapshots/2026-W47.json"]);
    expect(parseSnapshot(files.get("snapshots/2026-W47.json") as string, "branch")).toEqual(stored);
    expect(run.summary).toContain("# Week 2 Post-Launch Report (2026-W47)");
    expect(s.world.repo("acme/caro").refs.get("refs/heads/main")).toBe(mainBefore);
    // Every response the fake served matched GitHub's OpenAPI description; every route was implemented.
    expect(s.problems).toEqual([]);
  });

  it("fills the snapshot's gates from the gate documents at the workflow's commit", async () => {
    // Default config gates: .github/gates/*.md. Bob ticked the owned item; tick state counts here.
    const s = await start({
      ".github/gates/launch.md":
        "# Launch gate\n\n- [x] Docs published\n- [ ] Rollback rehearsed\n- [x] Security review @carol\n- [ ] (optional) Blog post\n",
    });
    const run = await runAction(s, "2026-W47", "2026-11-20T22:00:00Z");
    expect(run.stderr).not.toMatch(/::error/);
    expect(run.code).toBe(0);
    const stored = parseSnapshot(readFileSync(run.outputs["snapshot-path"] as string, "utf8"), "output");
    expect(stored.gates).toEqual([expect.objectContaining({ id: "launch", required: 3, requiredDone: 2 })]);
    // The site links each item to blob/<sha>/<path>#L<line>: the snapshot names the commit read.
    expect(stored.gates[0]?.ref).toBe(s.world.repo("acme/caro").refs.get("refs/heads/main"));
    const rollback = stored.gates[0]?.tasks.flatMap((t) => t.items).find((i) => i.text === "Rollback rehearsed");
    expect(rollback).toMatchObject({ line: 4, blocking: "unticked", headings: ["Launch gate"] });
    expect(s.problems).toEqual([]);
  });

  it("fails without writing a snapshot when the gate files cannot be listed", async () => {
    const s = await start({ ".github/gates/launch.md": "# Launch gate\n\n- [x] Docs published\n" });
    s.faults.push({ method: "GET", path: "/repos/acme/caro/git/trees/**", status: 500 });
    const run = await runAction(s, "2026-W47", "2026-11-20T22:00:00Z");
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(/::error::.*listing the files at/);
    expect(s.world.repo("acme/caro").refs.get(BRANCH)).toBeUndefined();
  });

  it("loses nothing when runs for different weeks and the same week write at once", async () => {
    const s = await start();
    const runs = await Promise.all([
      runAction(s, "2026-W46", "2026-11-20T22:00:00Z"),
      runAction(s, "2026-W47", "2026-11-20T22:00:00Z"),
      runAction(s, "2026-W47", "2026-11-20T23:00:00Z"),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const files = branchFiles(s);
    expect([...files.keys()].sort()).toEqual([
      "cache/report.json.gz",
      "snapshots/2026-W46.json",
      "snapshots/2026-W47.json",
    ]);
    const w47 = parseSnapshot(files.get("snapshots/2026-W47.json") as string, "branch");
    expect(["2026-11-20T22:00:00.000Z", "2026-11-20T23:00:00.000Z"]).toContain(w47.generatedAt);
  });

  it("fetches only what changed since the cached run on the next run", async () => {
    const s = await start();
    expect((await runAction(s, "2026-W46", "2026-11-13T22:00:00Z")).code).toBe(0);
    const first = s.log.length;
    s.world
      .repo("acme/caro")
      .addIssue({ number: 3, title: "New P1", user: "carol", labels: ["P1"], createdAt: "2026-11-17T10:00:00Z" });
    const second = await runAction(s, "2026-W47", "2026-11-20T22:00:00Z");
    expect(second.code).toBe(0);
    const issueReads = s.log.slice(first).filter((r) => r.graphql === "launchgateReportIssues");
    expect(issueReads.map((r) => r.variables?.since)).toEqual(["2026-11-13T21:59:00.000Z"]);
    const w47 = parseSnapshot(branchFiles(s).get("snapshots/2026-W47.json") as string, "branch");
    expect(w47.previousWeek).toBe("2026-W46");
    expect(w47.issues.bySeverity.P1.new).toBe(1);
    expect(w47.issues.open.map((i) => i.number)).toEqual([1, 3]);
  });

  it("leaves the branch as it was when the run dies before the ref update", async () => {
    const s = await start();
    expect((await runAction(s, "2026-W46", "2026-11-20T22:00:00Z")).code).toBe(0);
    const before = s.world.repo("acme/caro").refs.get(BRANCH);
    s.faults.push({ method: "PATCH", path: "/repos/acme/caro/git/refs/**", reset: true });
    const killed = await runAction(s, "2026-W47", "2026-11-20T22:00:00Z");
    expect(killed.code).not.toBe(0);
    expect(s.world.repo("acme/caro").refs.get(BRANCH)).toBe(before);
    expect([...branchFiles(s).keys()].sort()).toEqual(["cache/report.json.gz", "snapshots/2026-W46.json"]);
  });
});
