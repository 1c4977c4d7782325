import { describe, expect, it } from "vitest";
import { buildEvent } from "./events.js";
import { buildWorld, expectSchema, scenarioSchema } from "./scenario.js";
import { checkExpectations, parseOutputFile, type ScenarioResult } from "./scenario-runner.js";

const result = (over: Partial<ScenarioResult>): ScenarioResult => ({
  name: "x",
  file: "x.yml",
  exitCode: 1,
  outputs: {},
  checkRuns: [],
  comments: [],
  summary: "",
  requests: 5,
  writes: 0,
  faultsHit: 0,
  requestLog: [],
  labels: {},
  branches: {},
  problems: [],
  failures: [],
  expectationsMet: false,
  durationMs: 0,
  actionMs: 0,
  stdout: "",
  stderr: "",
  ...over,
});

describe("scenario runner", () => {
  it("reads @actions/core's GITHUB_OUTPUT heredoc blocks", () => {
    const text =
      "passed<<ghadelimiter_1\ntrue\nghadelimiter_1\nsummary-path<<ghadelimiter_2\n/tmp/a b.md\nghadelimiter_2\n";
    expect(parseOutputFile(text)).toEqual({ passed: "true", "summary-path": "/tmp/a b.md" });
  });

  it("reports each unmet expectation, and fake-GitHub problems unless allowed", () => {
    const expect_ = expectSchema.parse({
      exit_code: 1,
      outputs: { passed: "false" },
      check_runs: [{ conclusion: "failure", annotations: { lines: [5] } }],
      writes: 0,
    });
    const run = {
      name: "launchgate / gates",
      status: "completed",
      conclusion: "success",
      title: "3/3",
      summary: "",
      annotations: [{ path: "a.md", line: 4, level: "failure", message: "m" }],
    };
    const failures = checkExpectations(
      expect_,
      result({
        exitCode: 0,
        outputs: { passed: "true" },
        checkRuns: [run],
        writes: 1,
        problems: [{ kind: "graphql", request: "POST /graphql", message: "bad" }],
      }),
    );
    expect(failures).toEqual([
      "exit code 0, expected 1",
      'output passed is "true", expected "false"',
      'check run "launchgate / gates" concluded success, expected failure',
      "no annotation on line 5 (annotated: 4)",
      "1 write requests, expected 0: ",
      "fake GitHub graphql problem: POST /graphql: bad",
    ]);
  });

  it("checks outputs by pattern and a branch's files before and after the run", () => {
    const expect_ = expectSchema.parse({
      outputs_match: { "snapshot-path": "/W47\\.json$/" },
      branches: {
        "launchgate-data": {
          unchanged: true,
          files: ["a.json"],
          kept: ["a.json", "b.json"],
          changed: ["c.json"],
          json: { "c.json": { "status.overall": "red", "reasons.0.rule": "open-p0" } },
        },
      },
    });
    const failures = checkExpectations(
      expect_,
      result({
        outputs: { "snapshot-path": "/tmp/W46.json" },
        branches: {
          "launchgate-data": {
            headBefore: "1111",
            head: "2222",
            filesBefore: { "a.json": "a1", "b.json": "b1", "c.json": "c1" },
            files: { "a.json": "a1", "b.json": "b2", "c.json": "c1" },
            json: { "c.json": { status: { overall: "green" }, reasons: [{ rule: "open-p0" }] } },
          },
        },
      }),
    );
    expect(failures).toEqual([
      'output snapshot-path is "/tmp/W46.json", expected to match /W47\\.json$/',
      "branch launchgate-data moved: 1111 → 2222",
      'branch launchgate-data has files ["a.json","b.json","c.json"], expected ["a.json"]',
      "launchgate-data:b.json was changed or deleted, expected kept",
      "launchgate-data:c.json was not changed, expected changed",
      'launchgate-data:c.json status.overall is "green", expected "red"',
    ]);
  });

  it("patches a real webhook example to the scenario's repository and pull request", () => {
    const spec = scenarioSchema.parse({
      branches: {
        main: { commits: [{ author: "alice", files: { "a.md": "- [ ] x\n" } }] },
        "release/1.0": { from: "main", commits: [{ author: "bob", files: { "a.md": { replace: { "[ ]": "[x]" } } } }] },
      },
      pulls: [{ number: 9, title: "Release", user: "carol", base: "main", head: "release/1.0", labels: ["release"] }],
      event: { name: "pull_request", action: "labeled", number: 9 },
      expect: {},
    });
    const world = buildWorld(spec);
    const repo = world.repo("acme/shop");
    const event = buildEvent(repo, "http://127.0.0.1:1", { name: "pull_request", action: "labeled", number: 9 });
    const pr = event.payload.pull_request as { number: number; head: { sha: string; ref: string } };
    expect(event.payload.action).toBe("labeled");
    expect(pr.number).toBe(9);
    expect(pr.head.sha).toBe(repo.resolve("release/1.0"));
    expect((event.payload.label as { name: string }).name).toBe("release");
    expect((event.payload.repository as { full_name: string }).full_name).toBe("acme/shop");
    expect(repo.files(pr.head.sha).get("a.md")).toBe("- [x] x\n");
  });
});
