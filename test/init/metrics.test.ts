import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseMetrics } from "../../src/metrics/parse.js";
import { runCli } from "../support/run-cli.js";

/**
 * init writes a metrics file and names it in the workflow that reads it, so the error-rate and
 * crash rules of a fresh set-up fire as soon as samples are added (and not before).
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
let repo: string;

beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: ROOT, stdio: "inherit" });
  repo = mkdtempSync(path.join(tmpdir(), "launchgate-init-metrics-"));
  expect(runCli(["init"], { cwd: repo }).code).toBe(0);
  writeFileSync(path.join(repo, "empty.json"), "[]\n");
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

function criteria(): { decision: string; rules: { id: string; outcome: string }[] } {
  const run = runCli(
    [
      "criteria",
      ...["--issues", "empty.json", "--pulls", "empty.json", "--releases", "empty.json"],
      ...["--metrics", "launch/metrics.yml", "--now", "2026-11-09T15:00:00Z", "--format", "json"],
    ],
    { cwd: repo },
  );
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

const outcome = (id: string) => criteria().rules.find((rule) => rule.id === id)?.outcome;

function addSamples(metric: string, samples: string): void {
  const file = path.join(repo, "launch", "metrics.yml");
  const text = readFileSync(file, "utf8");
  const block = new RegExp(`(\\n  ${metric}:\\n(?:    .*\\n)*?    samples: )\\[\\].*\\n`);
  expect(text).toMatch(block);
  writeFileSync(file, text.replace(block, `$1\n${samples}`));
}

describe("init's metrics file", () => {
  it("is a valid metrics file with error_rate and crash_rate series and no made-up samples", () => {
    const data = parseMetrics(readFileSync(path.join(repo, "launch", "metrics.yml"), "utf8"), "launch/metrics.yml");
    expect(Object.keys(data.metrics)).toEqual(expect.arrayContaining(["error_rate", "crash_rate"]));
    expect(readFileSync(path.join(repo, "launch", "metrics.yml"), "utf8")).not.toMatch(/^\s+- \{ at:/m);
  });

  it("is named by metrics: in the weekly workflow's report step", () => {
    const weekly = parse(readFileSync(path.join(repo, ".github/workflows/launchgate-weekly.yml"), "utf8"));
    const step = weekly.jobs.report.steps.find((s: { with?: { mode?: string } }) => s.with?.mode === "report");
    expect(step.with.metrics).toBe("launch/metrics.yml");
  });

  it("is checked by doctor: present and valid, then missing, then invalid", () => {
    const file = path.join(repo, "launch", "metrics.yml");
    const text = readFileSync(file, "utf8");
    const doctor = () => runCli(["doctor"], { cwd: repo }).stdout;
    expect(doctor()).toMatch(/^✓ metrics file launch\/metrics\.yml: 3 series \(error_rate, crash_rate, awu\)$/m);
    rmSync(file);
    expect(doctor()).toMatch(
      /^✗ \.github\/workflows\/launchgate-weekly\.yml:\d+: metrics file launch\/metrics\.yml not found/m,
    );
    writeFileSync(file, text.replace("samples: []\n  awu:", "samples: [{ at: yesterday, value: 1 }]\n  awu:"));
    expect(doctor()).toMatch(/^✗ launch\/metrics\.yml:\d+:\d+: /m);
    writeFileSync(file, text);
  });

  it("lets the error-rate and crash rules fire once samples are added, and not before", () => {
    expect(outcome("rollback.error-rate")).toBe("pass");
    expect(outcome("rollback.crash-rate")).toBe("pass");
    expect(criteria().decision).toBe("none");
    addSamples(
      "error_rate",
      "      - { at: 2026-11-09T14:00:00Z, value: 12.5 }\n      - { at: 2026-11-09T14:03:00Z, value: 14 }\n",
    );
    addSamples("crash_rate", "      - { at: 2026-11-09T14:00:00Z, value: 11 }\n");
    expect(outcome("rollback.error-rate")).toBe("fire");
    expect(outcome("rollback.crash-rate")).toBe("fire");
    expect(criteria().decision).toBe("rollback");
  });
});
