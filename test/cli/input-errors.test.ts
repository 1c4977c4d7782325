import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

/** Wrong paths and impossible dates: one line naming the file (and line), exit 2, never a stack trace. */
const ROOT = path.resolve(import.meta.dirname, "../..");
const DEMO = path.join(ROOT, "examples", "demo");
let work: string;

beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: ROOT, stdio: "inherit" });
  work = mkdtempSync(path.join(tmpdir(), "launchgate-input-errors-"));
  writeFileSync(path.join(work, "a-file"), "not a directory\n");
  writeFileSync(path.join(work, "feb30.yml"), "launch:\n  timezone: UTC\n  date: 2026-02-30\n");
  writeFileSync(path.join(work, "real.yml"), "launch:\n  date: 2028-02-29\n");
  mkdirSync(path.join(work, "notes"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function oneLine(args: string[]): string {
  const run = runCli(args, { cwd: work });
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr.trimEnd().split("\n"), run.stderr).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  return run.stderr;
}

const report = ["report", "--issues", `${DEMO}/issues.json`, "--pulls", `${DEMO}/pulls.json`];
const releases = ["--releases", `${DEMO}/releases.json`, "--now", "2026-11-22T20:00:00Z"];

describe("one-line input errors", () => {
  it("demo --out naming a file", () => {
    expect(oneLine(["demo", "--out", "a-file", "--no-site"])).toBe(
      "launchgate demo: a-file: --out names a file, not a directory — name a directory (it is created when missing), e.g. --out launchgate-demo\n",
    );
  });

  it("report --notes naming a missing directory; an existing one is read", () => {
    expect(oneLine([...report, ...releases, "--notes", "no-such-notes"])).toBe(
      "launchgate report: no-such-notes: --notes: no such directory — name the directory of <week>.md notes\n",
    );
    expect(runCli([...report, ...releases, "--notes", "notes"], { cwd: work }).code).toBe(0);
  });

  it("an impossible launch.date in --config, with file and line; a real leap day passes", () => {
    for (const command of [
      [...report, ...releases],
      ["triage", "--issues", `${DEMO}/issues.json`, "--comments", `${DEMO}/comments.json`],
    ]) {
      expect(oneLine([...command, "--config", "feb30.yml"])).toMatch(
        /^launchgate (report|triage): feb30\.yml:3:9: "launch\.date": no such day in the calendar/,
      );
      expect([0, 1]).toContain(runCli([...command, "--config", "real.yml"], { cwd: work }).code);
    }
  });

  it("an impossible day in --now, --from or --to is refused alike (Date would roll it into March); a real one is read", () => {
    expect(oneLine([...report, "--releases", `${DEMO}/releases.json`, "--now", "2026-02-30T12:00:00Z"])).toBe(
      'launchgate report: --now "2026-02-30T12:00:00Z" is not an ISO-8601 instant with an offset — e.g. --now 2026-11-02T12:00:00Z\n',
    );
    for (const flag of ["--from", "--to"]) {
      expect(oneLine(["metrics", "--config", "real.yml", flag, "2026-02-30T12:00:00Z"])).toBe(
        `launchgate metrics: ${flag} "2026-02-30T12:00:00Z" is not an ISO-8601 instant with an offset — e.g. ${flag} 2026-11-02T12:00:00Z\n`,
      );
    }
    // Past the date check, a config without Prometheus and no --metrics has nothing to read.
    expect(
      oneLine(["metrics", "--config", "real.yml", "--from", "2028-02-28T12:00Z", "--to", "2028-02-29T12:00Z"]),
    ).toMatch(/nothing to read/);
  });

  it("triage, criteria and report name each missing export file, and --repo as the way to go without", () => {
    expect(oneLine(["triage", "--issues", `${DEMO}/issues.json`])).toMatch(
      /--comments is required \(or --repo OWNER\/NAME to read GitHub live\)/,
    );
    for (const command of ["criteria", "report"]) {
      expect(oneLine([command, "--issues", `${DEMO}/issues.json`, "--pulls", `${DEMO}/pulls.json`])).toMatch(
        new RegExp(`^launchgate ${command}: --releases is required \\(or --repo OWNER/NAME to read GitHub live\\)`),
      );
    }
  });
});
