import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { parseSnapshot } from "../../src/snapshot/parse.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/server.js";
import { runScheduledAction } from "../support/run-action.js";
import { SCALE_REPO, scaleWorld } from "../support/scale-world.js";

// The built Action (dist/index.js) against a fake GitHub whose GraphQL rate limit cannot cover
// the first read: the run stores its cursor and a partial snapshot, the next run finishes.
const N = 900;
const BRANCH = "refs/heads/launchgate-data";
let server: FakeGitHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function branchFile(s: FakeGitHub, path: string): Buffer | undefined {
  const repo = s.world.repo(SCALE_REPO);
  const head = repo.refs.get(BRANCH);
  const tree = head ? repo.tree(repo.commits.get(head)?.tree as string) : new Map<string, string>();
  const sha = tree.get(path);
  return sha ? repo.blobs.get(sha) : undefined;
}

const openCount = (snapshot: ReturnType<typeof parseSnapshot>) =>
  Object.values(snapshot.issues.bySeverity).reduce((sum, c) => sum + (c.open ?? 0), 0);

const run = (s: FakeGitHub, now: string) =>
  runScheduledAction(s, SCALE_REPO, { mode: "report", week: "2026-W48" }, { LAUNCHGATE_NOW: now });

describe("Action mode report with too little rate limit for one run", () => {
  it("writes a partial snapshot with its cursor, never spends the reserve, and the next run completes it", async () => {
    const world = scaleWorld(N);
    world.repo(SCALE_REPO).commit("main", {
      author: "alice",
      files: { ".github/launchgate.yml": "launch:\n  date: 2026-08-03\n  timezone: UTC\n" },
    });
    // 130 points this hour; the report leaves 100 for the hourly sweep.
    world.rateLimits.refill("graphql", 130);
    const s = await startFakeGitHub(world);
    server = s;

    const first = await run(s, "2026-11-27T12:00:00Z");
    expect(first.stdout).not.toMatch(/::error/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/::warning::launchgate report: partial — \d+ of 900 issues read/);
    expect(world.rateLimits.remaining("graphql")).toBeGreaterThanOrEqual(100);
    const partial = parseSnapshot(branchFile(s, "snapshots/2026-W48.json")?.toString() ?? "", "branch");
    expect(partial.partial).toMatchObject({ issuesTotal: N, since: null });
    const read = partial.partial?.issuesRead ?? 0;
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(N);
    const cache = JSON.parse(gunzipSync(branchFile(s, "cache/report.json.gz") as Buffer).toString());
    expect(cache.read.issues.cursor).toEqual(expect.any(String));
    expect(cache.issues).toHaveLength(read);

    // An hour later the bucket is full again: the run goes on from the cursor and finishes.
    world.rateLimits.refill("graphql", 5000);
    s.log.length = 0;
    const second = await run(s, "2026-11-27T13:00:00Z");
    expect(second.code).toBe(0);
    expect(second.stdout).not.toMatch(/partial/);
    const pages = s.log.filter((r) => r.graphql === "launchgateReportIssues");
    expect(pages[0]?.variables?.cursor).toBe(cache.read.issues.cursor);
    expect(pages).toHaveLength(Math.ceil((N - read) / 100));
    const full = parseSnapshot(branchFile(s, "snapshots/2026-W48.json")?.toString() ?? "", "branch");
    expect(full.partial).toBeUndefined();
    // Every open issue counted once the read is complete; the partial week counted only those read.
    expect(openCount(full)).toBe([...world.repo(SCALE_REPO).issues.values()].filter((i) => i.state === "open").length);
    expect(openCount(partial)).toBeLessThan(openCount(full));
    const complete = JSON.parse(gunzipSync(branchFile(s, "cache/report.json.gz") as Buffer).toString());
    expect(complete.read).toBeNull();
    expect(complete.issues).toHaveLength(N);
    expect(s.problems).toEqual([]);
  });
});
