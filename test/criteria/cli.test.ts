import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { criteriaResultSchema } from "../../src/criteria/result.js";
import { parseMetrics } from "../../src/metrics/parse.js";
import { runCli } from "../support/run-cli.js";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const fixtures = join(import.meta.dirname, "fixtures");
const inputs = ["--issues", "issues.json", "--pulls", "pulls.json", "--releases", "releases.json"].map((a) =>
  a.endsWith(".json") ? join(fixtures, a) : a,
);

const cli = (args: string[]) => runCli(["criteria", ...args]);

beforeAll(async () => {
  await run("npm", ["run", "build"], { cwd: root });
}, 120_000);

describe("launchgate criteria (built CLI)", () => {
  it("prints the JSON contract: decision, readiness, rules with id/outcome/evidence", async () => {
    const { code, stdout } = await cli([...inputs, "--now", "2026-11-09T10:00:00Z", "--format", "json"]);
    expect(code).toBe(0);
    const result = criteriaResultSchema.parse(JSON.parse(stdout));
    expect(result.decision).toBe("hotfix");
    expect(result.rules.find((r) => r.id === "hotfix.open-p0")).toMatchObject({
      outcome: "fire",
      evidence: [{ kind: "issue", number: 1, url: "https://github.com/o/r/issues/1" }],
    });
    expect(result.rules.find((r) => r.id === "patch.performance")?.outcome).toBe("fire");
  });

  it("--now replays the past: before the P0 was opened there is no hotfix", async () => {
    const { stdout } = await cli([...inputs, "--now", "2026-11-09T07:30:00Z", "--format", "json"]);
    expect(JSON.parse(stdout).decision).toBe("none");
  });

  it("reads a metrics file and a config; text output lists fired rules with evidence", async () => {
    const dir = await mkdtemp(join(tmpdir(), "criteria-"));
    await writeFile(
      join(dir, "m.csv"),
      "metric,at,value\nerror_rate,2026-11-09T09:00:00Z,12\nerror_rate,2026-11-09T09:02:00Z,14\n",
    );
    await writeFile(join(dir, "c.yml"), "criteria:\n  hotfix:\n    openP0:\n      enabled: false\n");
    const { code, stdout } = await cli([
      ...inputs,
      "--now",
      "2026-11-09T10:00:00Z",
      "--metrics",
      join(dir, "m.csv"),
      "--config",
      join(dir, "c.yml"),
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^decision: rollback$/m);
    expect(stdout).toMatch(/^fire {5}rollback\.error-rate/m);
    expect(stdout).toContain(`error_rate @ ${join(dir, "m.csv")}:2`);
    expect(stdout).toMatch(/^pass {5}hotfix\.open-p0/m);
  });

  it("malformed input: exit 2 with the file and where", async () => {
    const dir = await mkdtemp(join(tmpdir(), "criteria-"));
    await writeFile(join(dir, "bad.json"), '[{"number": 1, "title": "x"}]');
    const bad = await cli(["--issues", join(dir, "bad.json"), ...inputs.slice(2)]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${join(dir, "bad.json")}: $[0].state`);
    await writeFile(join(dir, "m.csv"), "metric,at,value\nuptime,yesterday,99\n");
    const metrics = await cli([...inputs, "--metrics", join(dir, "m.csv")]);
    expect(metrics.code).toBe(2);
    expect(metrics.stderr).toContain(`${join(dir, "m.csv")}:2: row 1: "at" is "yesterday"`);
    expect((await cli(inputs.slice(2))).stderr).toContain("--issues is required");
    expect((await cli([...inputs, "--now", "tomorrow"])).code).toBe(2);
    expect((await cli([...inputs, "--format", "xml"])).code).toBe(2);
  });

  it("the shipped metrics examples parse to the same data", async () => {
    const yml = parseMetrics(
      await readFile(join(root, "templates/metrics.example.yml"), "utf8"),
      "metrics.example.yml",
    );
    const csv = parseMetrics(
      await readFile(join(root, "templates/metrics.example.csv"), "utf8"),
      "metrics.example.csv",
    );
    const values = (d: typeof yml) =>
      Object.values(d.metrics).map((m) => [m.name, m.unit, m.samples.map((s) => [s.time, s.value])]);
    expect(values(csv)).toEqual(values(yml));
    expect(yml.metrics.p95_latency_ms?.target).toEqual({ atMost: 800 });
  });
});
