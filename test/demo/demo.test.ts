import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotSchema } from "../../src/snapshot/schema.js";

/**
 * `npm start` runs `launchgate demo`: the built CLI, as a newcomer runs it, over the bundled
 * example launch. It must write every week's snapshot and report and build every page of the site.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const WEEKS = ["2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47"];
let out: string;
let stdout: string;

beforeAll(async () => {
  execFileSync("node", ["scripts/build.mjs"], { cwd: ROOT, stdio: "inherit" });
  out = await mkdtemp(path.join(tmpdir(), "launchgate-demo-"));
  const run = spawnSync("node", [path.join(ROOT, "dist/cli.js"), "demo", "--out", out], {
    cwd: out,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  expect(run.status, run.stderr).toBe(0);
  stdout = run.stdout;
}, 300_000);

afterAll(() => rm(out, { recursive: true, force: true }));

describe("launchgate demo", () => {
  it("prints a one-screen summary with the site's path and how to preview it", () => {
    expect(stdout).toMatch(/gate: +Launch go\/no-go: 27\/27 required items done/);
    expect(stdout).toMatch(/gate: +Production go-live \(Gate 5\): \d+\/60 required items done/);
    // Readiness beside "rollback" says on the same line why it does not contradict the decision.
    expect(stdout).toMatch(/decision: +rollback \(readiness \d+\/100; roll back regardless of readiness: .+\)/);
    expect(stdout).toContain("site/index.html — preview:");
    expect(stdout.split("\n").length).toBeLessThan(25);
  });

  it("writes a valid snapshot and a report for every week since the launch", () => {
    for (const week of WEEKS) {
      const snapshot = snapshotSchema.parse(
        JSON.parse(readFileSync(path.join(out, "snapshots", `${week}.json`), "utf8")),
      );
      expect(snapshot.week.id).toBe(week);
      expect(readFileSync(path.join(out, "reports", `${week}.md`), "utf8").length).toBeGreaterThan(500);
    }
    // The metrics file's error-rate spike on 2026-11-20 fires the rollback rule in the last week.
    const last = snapshotSchema.parse(JSON.parse(readFileSync(path.join(out, "snapshots", "2026-W47.json"), "utf8")));
    expect(last.release.decision).toBe("rollback");
  });

  it("builds every page of the site", () => {
    const pages = [
      "index.html",
      "triage/index.html",
      "trends/index.html",
      "reports/index.html",
      "rss.xml",
      "gates/index.html",
      "gates/launch-go-no-go/index.html",
      "gates/production-go-live/index.html",
      ...WEEKS.map((week) => `reports/${week}/index.html`),
    ];
    const missing = pages.filter((page) => !existsSync(path.join(out, "site", page)));
    expect(missing).toEqual([]);
  });

  it("shows backticked words of rule reasons as code, never as markup", () => {
    const index = readFileSync(path.join(out, "site", "index.html"), "utf8");
    expect(index).toContain("an open issue labeled <code>security</code>");
    expect(index).not.toMatch(/labeled `security`/);
  });
});
