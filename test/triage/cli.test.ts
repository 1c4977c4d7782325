import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { triageResultSchema } from "../../src/triage/result.js";
import { runCli } from "../support/run-cli.js";

// The built CLI (`npm run build`); LAUNCHGATE_CLI points elsewhere while dist/ is being rebuilt.
const dir = mkdtempSync(join(tmpdir(), "launchgate-triage-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const triage = (...args: string[]) => runCli(["triage", ...args]);

const user = (login: string) => ({ login, type: "User" });
// Two pages as `gh api --paginate` prints them: arrays back to back.
const issues = file(
  "issues.json",
  `${JSON.stringify([
    {
      number: 1,
      title: "Crash on start",
      state: "open",
      user: user("alice"),
      labels: [{ name: "P0" }],
      created_at: "2026-11-02T10:00:00Z",
      html_url: "https://github.com/o/r/issues/1",
    },
    {
      number: 2,
      title: "Typo in docs",
      state: "open",
      user: user("bob"),
      labels: [],
      body: "### Severity\n\nP3 — low\n",
      created_at: "2026-11-02T09:00:00Z",
    },
    {
      number: 3,
      title: "A pull request",
      state: "open",
      user: user("bob"),
      labels: [],
      created_at: "2026-11-02T09:00:00Z",
      pull_request: {},
    },
  ])}\n${JSON.stringify([
    {
      number: 4,
      title: "Something odd",
      state: "open",
      user: user("carol"),
      labels: [{ name: "bug" }],
      created_at: "2026-11-01T09:00:00Z",
    },
    {
      number: 5,
      title: "Slow sync",
      state: "open",
      user: user("dave"),
      labels: [{ name: "sev2" }],
      created_at: "2026-11-02T14:00:00Z",
    },
  ])}\n`,
);
const comments = file(
  "comments.json",
  JSON.stringify([
    {
      id: 1,
      issue_url: "https://api.github.com/repos/o/r/issues/1",
      user: user("maintainer"),
      author_association: "MEMBER",
      created_at: "2026-11-02T10:03:00Z",
    },
    {
      id: 2,
      issue_url: "https://api.github.com/repos/o/r/issues/5",
      user: { login: "helper[bot]", type: "Bot" },
      author_association: "NONE",
      created_at: "2026-11-02T14:01:00Z",
    },
  ]),
);
const events = file(
  "events.json",
  JSON.stringify([
    { id: 9, event: "labeled", created_at: "2026-11-02T14:30:00Z", label: { name: "sev2" }, issue: { number: 5 } },
  ]),
);
const NOW = ["--now", "2026-11-02T15:00:00Z"];

describe("launchgate triage (built CLI)", () => {
  it("prints JSON matching the result schema, and exits 1 when there are breaches", () => {
    const { code, stdout, stderr } = triage(
      "--issues",
      issues,
      "--comments",
      comments,
      "--events",
      events,
      ...NOW,
      "--format",
      "json",
    );
    expect(stderr).toBe("");
    expect(code).toBe(1);
    const result = triageResultSchema.parse(JSON.parse(stdout));
    expect(result.now).toBe("2026-11-02T15:00:00.000Z");
    expect(result.issues.map((i) => [i.number, i.severity])).toEqual([
      [1, "P0"],
      [2, "P3"],
      [4, null],
      [5, "P2"],
    ]);
    // #2's P3 is its reporter's form answer: a proposal, so it is listed untriaged and unconfirmed.
    expect(result.untriaged).toEqual([2, 4]);
    expect(result.issues.map((i) => [i.number, i.severitySource, i.confirmed])).toEqual([
      [1, "label", true],
      [2, "form", false],
      [4, null, false],
      [5, "label", true],
    ]);
    expect(result.issues[3]?.clockStart).toBe("2026-11-02T14:30:00.000Z");
    expect(result.breaches.map((b) => [b.number, b.clock, b.severity, b.overdueMinutes])).toEqual([
      [1, "resolution", "P0", 60],
      [4, "triage", null, 1320],
    ]);
  });

  it("starts label clocks at creation without --events", () => {
    const { stdout } = triage("--issues", issues, "--comments", comments, ...NOW, "--format", "json");
    const p2 = triageResultSchema.parse(JSON.parse(stdout)).issues.find((i) => i.number === 5);
    expect(p2?.clockStart).toBe("2026-11-02T14:00:00.000Z");
    expect(p2?.response.dueAt).toBe("2026-11-02T18:00:00.000Z");
  });

  it("reads --config", () => {
    const config = file("launchgate.yml", "triage:\n  sla:\n    P0:\n      resolution: 8h\n");
    const { code, stdout } = triage(
      "--issues",
      issues,
      "--comments",
      comments,
      "--config",
      config,
      ...NOW,
      "--format",
      "json",
    );
    const result = triageResultSchema.parse(JSON.parse(stdout));
    expect(result.breaches.map((b) => b.number)).toEqual([4]);
    expect(code).toBe(1);
  });

  it("prints a table sorted by severity then age", () => {
    const { stdout } = triage("--issues", issues, "--comments", comments, ...NOW);
    const rows = stdout.trim().split("\n");
    expect(rows[0]).toMatch(/^#\s+SEV\s+PHASE\s+STATE\s+AGE\s+TRIAGE\s+RESPONSE\s+RESOLUTION\s+TITLE$/);
    expect(rows.slice(1, 5).map((r) => r.split(/\s+/)[0])).toEqual(["#1", "#5", "#2", "#4"]);
    expect(rows[1]).toMatch(/breached \+1h00m\s+Crash on start$/);
    expect(rows.at(-1)).toBe("4 issues, 2 untriaged, 2 SLA breaches");
  });

  it.each([
    [["--issues", "bad-issues"], /bad\.json: \$\[1\]\.created_at: /],
    [["--issues", "missing"], /nope\.json: no such file/],
    [["--comments", "truncated"], /truncated\.json:1:\d+: truncated JSON/],
    [["--now", "yesterday"], /--now "yesterday" is not an ISO-8601 instant/],
    [["--format", "xml"], /unknown --format "xml"/],
  ])("exits 2 with a one-line error for %j", (override: string[], message) => {
    const paths: Record<string, string> = {
      "bad-issues": file(
        "bad.json",
        JSON.stringify([
          { number: 1, title: "ok", state: "open", user: null, created_at: "2026-11-02T10:00:00Z" },
          { number: 2, title: "x", state: "open", user: null, created_at: "last tuesday" },
        ]),
      ),
      missing: join(dir, "nope.json"),
      truncated: file("truncated.json", '[{"id": 1,'),
    };
    const [flag = "", value = ""] = override;
    const args = {
      "--issues": issues,
      "--comments": comments,
      "--now": "2026-11-02T15:00:00Z",
      [flag]: paths[value] ?? value,
    };
    const { code, stdout, stderr } = triage(...Object.entries(args).flat());
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 when a required file is not named", () => {
    const { code, stderr } = triage("--issues", issues);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--comments is required/);
  });
});
