import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { World } from "../support/fake-github/model.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/server.js";

// The built Action (`npm run build`) in criteria mode against the fake GitHub: the readiness
// score's gate part comes from the gate documents at the workflow's commit.
const ACTION = process.env.LAUNCHGATE_ACTION ?? join(import.meta.dirname, "../../dist/index.js");
let server: FakeGitHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(files: Record<string, string>): Promise<FakeGitHub> {
  const world = new World();
  const repo = world.repo("acme/shop");
  repo.commit("main", { author: "rita", files: { "README.md": "shop\n", ...files } });
  server = await startFakeGitHub(world);
  return server;
}

interface Run {
  code: number | null;
  outputs: Record<string, string>;
  summary: string;
  stderr: string;
  /** Workflow commands (`::error::…`) go to stdout. */
  stdout: string;
}

function runAction(s: FakeGitHub): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), "launchgate-criteria-action-"));
  const output = join(dir, "output.txt");
  const summary = join(dir, "summary.md");
  const event = join(dir, "event.json");
  writeFileSync(output, "");
  writeFileSync(summary, "");
  writeFileSync(event, JSON.stringify({ repository: { full_name: "acme/shop", default_branch: "main" } }));
  const env = {
    PATH: process.env.PATH ?? "",
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: "workflow_dispatch",
    GITHUB_EVENT_PATH: event,
    GITHUB_API_URL: s.url,
    GITHUB_GRAPHQL_URL: s.graphqlUrl,
    GITHUB_REPOSITORY: "acme/shop",
    GITHUB_SHA: s.world.repo("acme/shop").refs.get("refs/heads/main") ?? "",
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: dir,
    INPUT_TOKEN: "write-token",
    INPUT_MODE: "criteria",
    LAUNCHGATE_NOW: "2026-11-09T16:00:00Z",
  };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ACTION], { env, cwd: dir });
    let stderr = "";
    let stdout = "";
    child.stdout.on("data", (d) => {
      stdout += String(d);
    });
    child.stderr.on("data", (d) => {
      stderr += String(d);
    });
    child.on("close", (code) => {
      const outputs: Record<string, string> = {};
      // @actions/core writes `name<<DELIM\nvalue\nDELIM`.
      for (const m of readFileSync(output, "utf8").matchAll(/^(\S+)<<(\S+)\n([\s\S]*?)\n\2$/gm))
        outputs[m[1] as string] = m[3] as string;
      resolve({ code, outputs, summary: readFileSync(summary, "utf8"), stderr, stdout });
    });
  });
}

const GATE =
  "# Launch gate\n\n- [x] Docs published\n- [ ] Rollback rehearsed\n- [ ] Load test\n- [x] Security review\n";

describe("Action mode criteria: readiness includes the gates at the workflow's commit", () => {
  it("scores the gate part from the default-branch gate documents", async () => {
    const s = await start({ ".github/gates/launch.md": GATE });
    const run = await runAction(s);
    expect(run.stdout).not.toMatch(/::error/);
    expect(run.code).toBe(0);
    expect(run.summary).toContain("| gates | 30 | 0.50 | 17.6 | 2/4 required gate items done (launch) |");
    // Every other known part (p0, p1, sla; no metrics) scores 1: round(100 × (30×0.5 + 55) / 85) = 82.
    expect(run.outputs.readiness).toBe("82");
    expect(s.problems).toEqual([]);
  });

  it("leaves the gate part out when no configured gate file exists", async () => {
    const s = await start({});
    const run = await runAction(s);
    expect(run.stdout).not.toMatch(/::error/);
    expect(run.code).toBe(0);
    expect(run.summary).toContain("| gates | 30 | — | left out | no gate evaluated |");
    expect(run.outputs.readiness).toBe("100");
  });

  it("fails closed when a gate document cannot be read", async () => {
    const s = await start({ ".github/gates/launch.md": GATE });
    s.faults.push({ method: "GET", path: "/repos/acme/shop/contents/.github/gates/**", status: 500 });
    const run = await runAction(s);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(/::error::.*reading \.github\/gates\/launch\.md/);
    expect(run.outputs.readiness).toBeUndefined();
  });
});
