import { afterEach, describe, expect, it } from "vitest";
import { World } from "../support/fake-github/model.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/server.js";
import { type ActionRun, runScheduledAction } from "../support/run-action.js";

// The built Action (`npm run build`) in criteria mode against the fake GitHub: the readiness
// score's gate part comes from the gate documents at the workflow's commit.
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

function runAction(s: FakeGitHub): Promise<ActionRun> {
  return runScheduledAction(s, "acme/shop", { mode: "criteria" }, { LAUNCHGATE_NOW: "2026-11-09T16:00:00Z" });
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
