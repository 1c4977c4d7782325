import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FakeGitHub } from "./fake-github/server.js";

/** The built Action (`npm run build`). */
export const ACTION = process.env.LAUNCHGATE_ACTION ?? join(import.meta.dirname, "../../dist/index.js");

export interface ActionRun {
  code: number | null;
  outputs: Record<string, string>;
  summary: string;
  stderr: string;
  /** Workflow commands (`::error::…`) go to stdout. */
  stdout: string;
}

/**
 * Runs the built Action once as a scheduled-style (`workflow_dispatch`) process against the fake
 * GitHub, at the head of `main` of `repo`, with the given `INPUT_*` and extra environment.
 */
export function runScheduledAction(
  server: FakeGitHub,
  repo: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), "launchgate-action-"));
  const output = join(dir, "output.txt");
  const summary = join(dir, "summary.md");
  const event = join(dir, "event.json");
  writeFileSync(output, "");
  writeFileSync(summary, "");
  writeFileSync(event, JSON.stringify({ repository: { full_name: repo, default_branch: "main" } }));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: "workflow_dispatch",
    GITHUB_EVENT_PATH: event,
    GITHUB_API_URL: server.url,
    GITHUB_GRAPHQL_URL: server.graphqlUrl,
    GITHUB_REPOSITORY: repo,
    GITHUB_SHA: server.world.repo(repo).refs.get("refs/heads/main") ?? "",
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: dir,
    INPUT_TOKEN: "write-token",
    ...extraEnv,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
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
