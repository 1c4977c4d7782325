import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";

/** The built CLI (`npm run build`); LAUNCHGATE_CLI points tests at another build. */
export const CLI = process.env.LAUNCHGATE_CLI ?? join(import.meta.dirname, "../../dist/cli.js");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A child's whole environment: PATH, no colour and `env`; nothing else from the test's shell. */
export function cleanEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...env };
}

/** Runs `launchgate ARGS…` as a real process; without `env`, colour is off (NO_COLOR). */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    env: options.env ?? { ...process.env, NO_COLOR: "1" },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs `launchgate ARGS…` without blocking this process: for commands that talk to a fake GitHub
 * served from the test's own process (spawnSync would stop it from answering).
 */
export function runCliAsync(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd,
      env: options.env ?? { ...process.env, NO_COLOR: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += String(d);
    });
    child.stderr.on("data", (d) => {
      stderr += String(d);
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
