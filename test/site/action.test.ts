import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { parse } from "yaml";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURES = path.join(ROOT, "test/fixtures/snapshots");

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

const load = async (file: string) => parse(await readFile(path.join(ROOT, file), "utf8"));

describe("site/action.yml", () => {
  it("is a composite action: Node 24, locked install with a cache, data branch, Pages artifact", async () => {
    const action = await load("site/action.yml");
    expect(action.runs.using).toBe("composite");
    const steps: Step[] = action.runs.steps;
    const uses = (name: string) => steps.find((s) => s.uses?.startsWith(`${name}@`));
    expect(uses("actions/setup-node")?.with?.["node-version"]).toBe("24");
    expect(uses("actions/cache")?.with?.key).toContain("steps.lock.outputs.hash");
    expect(steps.some((s) => s.run?.includes('npm ci --prefix "$GITHUB_ACTION_PATH"'))).toBe(true);
    expect(uses("actions/checkout")?.with?.ref).toContain("inputs.data-branch");
    expect(action.inputs["data-branch"].default).toBe("launchgate-data");
    expect(uses("actions/upload-pages-artifact")?.with?.path).toContain("steps.build.outputs.path");
    for (const step of steps.filter((s) => s.run)) expect(step.shell).toBe("bash");
  });

  it("its build step builds the site with the given site and base", async () => {
    const action = await load("site/action.yml");
    const build = (action.runs.steps as Step[]).find((s) => s.id === "build") as Step;
    const cli = path.join(ROOT, "dist/cli.js");
    expect(existsSync(cli), "npm run build first").toBe(true);
    const temp = await mkdtemp(path.join(tmpdir(), "launchgate-action-"));
    onTestFinished(() => rm(temp, { recursive: true, force: true }));
    const output = path.join(temp, "github-output");
    const result = spawnSync("bash", ["-e", "-c", build.run as string], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        GITHUB_ACTION_PATH: path.join(ROOT, "site"),
        RUNNER_TEMP: temp,
        GITHUB_OUTPUT: output,
        SNAPSHOTS: FIXTURES,
        SITE: "https://acme.github.io",
        BASE: "caro", // configure-pages gives base_path without a slash for some setups
        ASTRO_TELEMETRY_DISABLED: "1",
      },
      encoding: "utf8",
    });
    expect(result.status, result.stderr).toBe(0);
    expect(await readFile(output, "utf8")).toBe(`path=${path.join(temp, "launchgate-site")}\n`);
    const rss = await readFile(path.join(temp, "launchgate-site", "rss.xml"), "utf8");
    expect(rss).toContain("<link>https://acme.github.io/caro/reports/2026-W48/</link>");
  }, 240_000);
});

describe("templates/workflows/weekly.yml", () => {
  it("runs report → site → deploy-pages on a schedule and by hand, least privilege per job", async () => {
    const workflow = await load("templates/workflows/weekly.yml");
    expect(Object.keys(workflow.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
    expect(workflow.on.schedule[0].cron).toMatch(/^\S+ \S+ \S+ \S+ \S+$/);
    expect(workflow.permissions).toEqual({});
    expect(workflow.concurrency.group).toBeTruthy();
    expect(workflow.concurrency["cancel-in-progress"]).toBe(false);
    const { report, site, deploy } = workflow.jobs;
    expect(report.permissions).toEqual({ contents: "write", issues: "read", "pull-requests": "read" });
    expect(report.steps.at(-1).with.mode).toBe("report");
    expect(site.needs).toBe("report");
    expect(site.permissions).toEqual({ contents: "read", pages: "read" });
    expect(site.steps[0].uses).toMatch(/\/launchgate\/site@v1$/);
    expect(deploy.needs).toBe("site");
    expect(deploy.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(deploy.environment.name).toBe("github-pages");
    expect(deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@v\d+$/);
  });
});
