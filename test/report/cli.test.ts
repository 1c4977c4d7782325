import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSnapshot } from "../../src/snapshot/parse.js";
import { runCli } from "../support/run-cli.js";

// The built CLI (`npm run build`); LAUNCHGATE_CLI points elsewhere while dist/ is being rebuilt.
const dir = mkdtempSync(join(tmpdir(), "launchgate-report-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  return path;
};
const report = (...args: string[]) => runCli(["report", ...args]);

const user = (login: string) => ({ login, type: "User" });
const issues = file(
  "issues.json",
  JSON.stringify([
    {
      number: 1,
      title: "Crash on start",
      state: "open",
      user: user("alice"),
      labels: [{ name: "P0" }],
      created_at: "2026-11-12T10:00:00Z",
      html_url: "https://github.com/acme/caro/issues/1",
    },
    {
      number: 2,
      title: "Slow suggestions",
      state: "closed",
      state_reason: "completed",
      user: user("bob"),
      labels: [{ name: "P1" }],
      created_at: "2026-11-11T10:00:00Z",
      closed_at: "2026-11-17T10:00:00Z",
      html_url: "https://github.com/acme/caro/issues/2",
    },
  ]),
);
const pulls = file(
  "pulls.json",
  JSON.stringify([
    {
      number: 3,
      title: "Add fish completions",
      state: "closed",
      user: user("octo"),
      author_association: "CONTRIBUTOR",
      labels: [],
      created_at: "2026-11-16T10:00:00Z",
      closed_at: "2026-11-17T09:00:00Z",
      merged_at: "2026-11-17T09:00:00Z",
      html_url: "https://github.com/acme/caro/pull/3",
    },
  ]),
);
const releases = file(
  "releases.json",
  JSON.stringify([
    {
      tag_name: "v1.1.0",
      created_at: "2026-11-10T17:00:00Z",
      published_at: "2026-11-10T17:00:00Z",
      assets: [{ name: "caro.tar.gz", download_count: 420 }],
    },
  ]),
);
const config = file("launchgate.yml", "launch:\n  date: 2026-11-10\n  timezone: America/New_York\n");
const notesFile = file("notes/2026-W47.md", "## Highlights\n- First community PR\n\n## Next week\n- Patch release\n");
const inputs = ["--issues", issues, "--pulls", pulls, "--releases", releases, "--config", config];
const NOW = "2026-11-20T22:00:00Z";

describe("launchgate report (process)", () => {
  it("prints the Markdown report for a week", () => {
    const r = report(...inputs, "--week", "2026-W47", "--now", NOW, "--notes", join(notesFile, ".."));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Week 2 Post-Launch Report \(2026-W47\)/);
    expect(r.stdout).toContain("**Status: 🔴 red**");
    expect(r.stdout).toContain("- First community PR");
    expect(r.stdout).toContain("- Downloads (cumulative): 420");
  });

  it("prints the snapshot JSON with --format json", () => {
    const r = report(...inputs, "--week", "2026-W47", "--now", NOW, "--format", "json");
    expect(r.code).toBe(0);
    const snapshot = parseSnapshot(r.stdout, "stdout");
    expect(snapshot.week.id).toBe("2026-W47");
    expect(snapshot.community.pulls.map((p) => p.number)).toEqual([3]);
    expect(snapshot.issues.bySeverity.P1.fixed).toBe(1);
  });

  it("writes snapshots and the report to --out, backfilling earlier weeks with deltas chained", () => {
    const out = join(dir, "out");
    const r = report(
      ...inputs,
      "--week",
      "2026-W48",
      "--now",
      "2026-11-27T22:00:00Z",
      "--out",
      out,
      "--backfill",
      "--stars",
      "40",
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(readdirSync(join(out, "snapshots")).sort()).toEqual(["2026-W46.json", "2026-W47.json", "2026-W48.json"]);
    const read = (week: string) => {
      const path = join(out, "snapshots", `${week}.json`);
      return parseSnapshot(readFileSync(path, "utf8"), path);
    };
    const w46 = read("2026-W46");
    expect(w46.backfilled).toBe(true);
    expect(w46.downloads.total).toBeNull();
    expect(w46.issues.bySeverity.P0.new).toBe(1);
    expect(read("2026-W47").previousWeek).toBe("2026-W46");
    const w48 = read("2026-W48");
    expect(w48.backfilled).toBe(false);
    expect(w48.stars).toEqual({ total: 40, delta: null });
    expect(readFileSync(join(out, "reports", "2026-W48.md"), "utf8")).toContain("(2026-W48)");
    expect(r.stdout).toContain("2026-W48: red");

    // A second run reads the history from --snapshots: the delta is against W48's stars.
    const again = report(
      ...inputs,
      "--week",
      "2026-W49",
      "--now",
      "2026-12-04T22:00:00Z",
      "--snapshots",
      join(out, "snapshots"),
      "--stars",
      "55",
      "--format",
      "json",
    );
    expect(again.code).toBe(0);
    const w49 = parseSnapshot(again.stdout, "stdout");
    expect(w49.previousWeek).toBe("2026-W48");
    expect(w49.stars).toEqual({ total: 55, delta: 15 });
  });

  it("rejects bad input with exit 2 and a one-line error", () => {
    const noWeek = report(...inputs, "--week", "2027-W53", "--now", NOW);
    expect(noWeek.code).toBe(2);
    expect(noWeek.stderr).toContain('--week "2027-W53" is not an ISO week');
    const future = report(...inputs, "--week", "2026-W50", "--now", NOW);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain("has not started yet");
    // More stars than a snapshot can hold exactly: a usage error, not a snapshot the next run rejects.
    const stars = report(...inputs, "--week", "2026-W47", "--now", NOW, "--stars", "99999999999999999999999");
    expect(stars.code).toBe(2);
    expect(stars.stderr).toContain('--stars "99999999999999999999999" is not a count');
    const missing = report("--issues", issues, "--week", "2026-W47");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--pulls is required");
    const badSnapshot = file("bad/2026-W46.json", '{"schemaVersion": 1}');
    const bad = report(...inputs, "--week", "2026-W47", "--now", NOW, "--snapshots", join(dir, "bad"));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(badSnapshot);
    expect(bad.stderr).not.toContain("    at ");
  });

  it("names the path, in one line, of a directory where a file should be and of an --out it cannot write", () => {
    const args = [...inputs, "--week", "2026-W47", "--now", NOW];
    mkdirSync(join(dir, "dirs/snapshots/2026-W46.json"), { recursive: true });
    mkdirSync(join(dir, "dirs/notes/2026-W47.md"), { recursive: true });
    const outFile = file("dirs/out-is-a-file", "x");
    for (const [flags, path] of [
      [["--snapshots", join(dir, "dirs/snapshots")], join(dir, "dirs/snapshots/2026-W46.json")],
      [["--notes", join(dir, "dirs/notes")], join(dir, "dirs/notes/2026-W47.md")],
      [["--out", outFile], join(outFile, "snapshots/2026-W47.json")],
    ] as const) {
      const r = report(...args, ...flags);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`launchgate report: ${path}`);
      expect(r.stderr).not.toContain("internal error");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("refuses a snapshot whose week.id is not its file name, and leaves the file alone", () => {
    // A copy-pasted W47 saved as W46: a backfill took W46 as missing and silently overwrote the file.
    const w47 = report(...inputs, "--week", "2026-W47", "--now", NOW, "--format", "json").stdout;
    const misnamed = file("misnamed/snapshots/2026-W46.json", w47);
    const out = join(dir, "misnamed");
    const bad = report(
      ...inputs,
      ...["--week", "2026-W48", "--now", "2026-11-27T22:00:00Z", "--backfill"],
      ...["--snapshots", join(out, "snapshots"), "--out", out],
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(misnamed);
    expect(bad.stderr).toContain("week.id: 2026-W47 but the file is named for 2026-W46");
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(readFileSync(misnamed, "utf8")).toBe(w47);
    expect(readdirSync(join(out, "snapshots"))).toEqual(["2026-W46.json"]);
  });
});
