import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { criteriaResultSchema } from "../../src/criteria/result.js";
import { parseSnapshot } from "../../src/snapshot/parse.js";
import { triageResultSchema } from "../../src/triage/result.js";
import { World } from "../support/fake-github/model.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/server.js";
import { runScheduledAction } from "../support/run-action.js";
import { runCli } from "../support/run-cli.js";

/**
 * One pipeline: the built Action against the fake GitHub and the built CLI on the same repository
 * exported as JSON (`gh api --paginate` shapes) must give identical triage, criteria and snapshot
 * results at the same replayed instant. The repository holds every case where the two used to
 * differ: a reopened issue, a close reason changed later, an event after "now", a removed severity
 * label, conflicting labels, a reporter's form severity, `Fixes owner/name#N`, a merged and an open
 * fix PR, comments and metrics.
 */
const NOW = "2026-11-20T22:00:00Z";
const REPO = "acme/caro";
const CONFIG = "launch:\n  date: 2026-11-10\n  timezone: America/New_York\n";
const METRICS = "metric,at,value\nerror_rate,2026-11-19T10:00:00Z,6\nerror_rate,2026-11-19T10:05:00Z,3\n";

let server: FakeGitHub;
let dir: string;

function build(): World {
  const world = new World("2026-11-09T09:00:00Z");
  const repo = world.repo(REPO);
  repo.stars = 7;
  repo.collaborators.set("rita", "write");
  repo.commit("main", {
    author: "rita",
    files: { ".github/launchgate.yml": CONFIG, "launch/metrics.csv": METRICS },
  });
  const event = (issue: number, e: string, at: string, extra: { label?: string; stateReason?: string } = {}) =>
    repo.events.push({ id: world.nextId(), issue, event: e, actor: "rita", createdAt: at, ...extra });
  // #1 open P0 since yesterday, an open fix PR: hotfix, not rollback.
  repo.addIssue({ number: 1, title: "Crash on start", user: "bob", labels: ["P0"], createdAt: "2026-11-19T10:00:00Z" });
  repo.comments.push({
    id: world.nextId(),
    issue: 1,
    user: "rita",
    body: "On it",
    createdAt: "2026-11-19T10:03:00Z",
    updatedAt: "2026-11-19T10:03:00Z",
  });
  // #2 P1 fixed (closed as completed) by a merged PR that says `Fixes acme/caro#2`.
  const two = repo.addIssue({
    number: 2,
    title: "Slow sync",
    user: "bob",
    labels: ["P1"],
    state: "closed",
    createdAt: "2026-11-16T10:00:00Z",
    closedAt: "2026-11-18T10:00:00Z",
    updatedAt: "2026-11-18T10:00:00Z",
  });
  event(two.number, "closed", "2026-11-18T10:00:00Z", { stateReason: "completed" });
  // #3 a reporter's claimed P0 in the form: a proposal.
  repo.addIssue({
    number: 3,
    title: "Everything is down",
    user: "mallory",
    body: "### Severity\n\nP0 — critical\n",
    createdAt: "2026-11-20T10:00:00Z",
  });
  // #4 conflicting severity labels.
  repo.addIssue({ number: 4, title: "Sidebar", user: "bob", labels: ["P1", "P2"], createdAt: "2026-11-17T10:00:00Z" });
  // #5 labelled P2, the label removed later: triaged once, not a triage breach.
  repo.addIssue({ number: 5, title: "Tooltip", user: "bob", labels: [], createdAt: "2026-11-16T12:00:00Z" });
  event(5, "labeled", "2026-11-16T13:00:00Z", { label: "P2" });
  event(5, "unlabeled", "2026-11-18T13:00:00Z", { label: "P2" });
  // #6 P1 closed as not planned, reopened, closed as completed: a fix on the 19th.
  const six = repo.addIssue({
    number: 6,
    title: "Export fails",
    user: "bob",
    labels: ["P1"],
    state: "closed",
    createdAt: "2026-11-16T09:00:00Z",
    closedAt: "2026-11-19T09:00:00Z",
    updatedAt: "2026-11-19T09:00:00Z",
  });
  event(six.number, "closed", "2026-11-17T09:00:00Z", { stateReason: "not_planned" });
  event(six.number, "reopened", "2026-11-18T09:00:00Z");
  event(six.number, "closed", "2026-11-19T09:00:00Z", { stateReason: "completed" });
  // #7 P1 fixed on the 17th and reopened after "now": closed at now.
  repo.addIssue({
    number: 7,
    title: "Login loop",
    user: "bob",
    labels: ["P1"],
    createdAt: "2026-11-16T08:00:00Z",
    updatedAt: "2026-11-21T08:00:00Z",
  });
  event(7, "closed", "2026-11-17T08:00:00Z", { stateReason: "completed" });
  event(7, "reopened", "2026-11-21T08:00:00Z");
  const fix = repo.addPull({
    number: 20,
    title: "Fix crash on start",
    body: "Fixes #1",
    user: "rita",
    base: "main",
    head: "main",
    closes: [1],
    createdAt: "2026-11-19T12:00:00Z",
  });
  fix.updatedAt = "2026-11-19T12:00:00Z";
  const merged = repo.addPull({
    number: 21,
    title: "Speed up sync",
    body: "Fixes acme/caro#2, fixes https://github.com/acme/caro/issues/6",
    user: "rita",
    base: "main",
    head: "main",
    closes: [2, 6],
    createdAt: "2026-11-17T12:00:00Z",
  });
  Object.assign(merged, { state: "closed", closedAt: "2026-11-18T09:30:00Z", updatedAt: "2026-11-18T09:30:00Z" });
  Object.assign(merged.pull as object, { merged: true, mergedAt: "2026-11-18T09:30:00Z" });
  repo.addRelease({ tag: "v1.0.0", author: "rita", createdAt: "2026-11-10T12:00:00Z" });
  return world;
}

/** What `gh api --paginate` prints for a list (every page, one array). */
async function exportList(path: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let page = 1; ; page++) {
    const sep = path.includes("?") ? "&" : "?";
    const response = await fetch(`${server.url}${path}${sep}per_page=100&page=${page}`, {
      headers: { authorization: "token write-token" },
    });
    const items = (await response.json()) as unknown[];
    out.push(...items);
    if (items.length < 100) return out;
  }
}

beforeAll(async () => {
  server = await startFakeGitHub(build());
  dir = mkdtempSync(join(tmpdir(), "launchgate-equivalence-"));
  const base = `/repos/${REPO}`;
  const files: Record<string, string> = {
    "issues.json": `${base}/issues?state=all`,
    "comments.json": `${base}/issues/comments`,
    "events.json": `${base}/issues/events`,
    "pulls.json": `${base}/pulls?state=all`,
    "releases.json": `${base}/releases`,
  };
  for (const [name, path] of Object.entries(files))
    writeFileSync(join(dir, name), JSON.stringify(await exportList(path)));
  mkdirSync(join(dir, "launch"));
  writeFileSync(join(dir, "launch/metrics.csv"), METRICS);
  writeFileSync(join(dir, "launchgate.yml"), CONFIG);
});
afterAll(async () => {
  await server.close();
});

const data = ["--issues", "issues.json", "--comments", "comments.json", "--events", "events.json"];
const more = ["--pulls", "pulls.json", "--releases", "releases.json", "--metrics", "launch/metrics.csv"];
const common = ["--config", "launchgate.yml", "--now", NOW, "--format", "json"];

function cli(args: string[]): string {
  const run = runCli(args, { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
  expect(run.stderr).toBe("");
  return run.stdout;
}

async function action(mode: string, inputs: Record<string, string> = {}) {
  const run = await runScheduledAction(server, REPO, { mode, ...inputs }, { LAUNCHGATE_NOW: NOW });
  expect(run.stdout).not.toMatch(/::error/);
  expect(run.code).toBe(0);
  expect(server.problems).toEqual([]);
  return run;
}

/** The Action links metric evidence into the repository; the CLI has no repository to link to. */
function withoutMetricLinks(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, v) =>
    key === "url" && typeof v === "string" && v.includes("/blob/") ? null : v,
  );
}

describe("the Action and the CLI run one pipeline (same data, same instant, same results)", () => {
  it("triage: the sweep's result is launchgate triage's", async () => {
    const run = await action("triage");
    const fromAction = triageResultSchema.parse(JSON.parse(readFileSync(run.outputs["result-path"] as string, "utf8")));
    const fromCli = triageResultSchema.parse(JSON.parse(cli(["triage", ...data, ...common])));
    expect(fromAction).toEqual(fromCli);
    // The cases it covers: #3 a proposal, #4 conflicting, #5's removed label no triage breach, #7 closed at now.
    expect(fromCli.untriaged).toEqual([3, 4, 5]);
    expect(fromCli.issues.find((i) => i.number === 3)).toMatchObject({ severity: "P0", confirmed: false });
    expect(fromCli.issues.find((i) => i.number === 5)?.triage.state).toBe("met");
    expect(fromCli.issues.find((i) => i.number === 7)?.state).toBe("closed");
    expect(run.outputs.breaches).toBe(String(fromCli.breaches.length));
  });

  it("criteria: the Action's decision and evidence are launchgate criteria's", async () => {
    const run = await action("criteria", { metrics: "launch/metrics.csv" });
    const fromAction = criteriaResultSchema.parse(
      JSON.parse(readFileSync(run.outputs["result-path"] as string, "utf8")),
    );
    const fromCli = criteriaResultSchema.parse(JSON.parse(cli(["criteria", ...data, ...more, ...common])));
    expect(withoutMetricLinks(fromAction)).toEqual(withoutMetricLinks(fromCli));
    expect(fromCli.decision).toBe("hotfix");
    const p1Fixes = fromCli.rules.find((r) => r.id === "patch.p1-fixes");
    expect(p1Fixes?.evidence.filter((e) => e.kind === "issue").map((e) => (e as { number: number }).number)).toEqual([
      2, 6,
    ]);
  });

  it("report: the Action's snapshot is launchgate report's", async () => {
    const run = await action("report", { week: "2026-W47", metrics: "launch/metrics.csv" });
    const fromAction = parseSnapshot(readFileSync(run.outputs["snapshot-path"] as string, "utf8"), "action");
    const snapshot = cli(["report", ...data, ...more, ...common, "--week", "2026-W47", "--stars", "7"]);
    const fromCli = parseSnapshot(snapshot, "cli");
    expect(withoutMetricLinks(fromAction)).toEqual(withoutMetricLinks(fromCli));
    // #2, #6 (its not-planned close undone by the later completed one) and #7 (reopened only after now).
    expect(fromCli.issues.bySeverity.P1.fixed).toBe(3);
  });
});
