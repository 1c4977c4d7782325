import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../src/cli/main.js";
import { CLI } from "../support/run-cli.js";

/**
 * An older Node must get one sentence, not a failure to link the bundle. The built CLI is run by a
 * real Node older than 24 found on this machine (PATH, /usr/bin, /usr/local/bin — Debian's is 20).
 */
function olderNode(): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter), "/usr/bin", "/usr/local/bin", "/bin"];
  for (const dir of dirs) {
    const node = path.join(dir, "node");
    if (!existsSync(node)) continue;
    const version = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
    if (Number(version.slice(1).split(".")[0]) < 24) return node;
  }
  return undefined;
}

const node = olderNode();
beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build.mjs"], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    stdio: "inherit",
  });
});

describe("the CLI on Node older than 24", () => {
  it("is run by a real older Node", () => {
    expect(node, "no Node older than 24 found (Debian: apt-get install nodejs)").toBeDefined();
  });

  it.each([[], ["--version"], ["--help"], ...Object.keys(commands).map((name) => [name, "--help"]), ["demo"]])(
    "launchgate %s prints one line naming the version, exit 2",
    (...args: string[]) => {
      const run = spawnSync(node as string, [CLI, ...args], { encoding: "utf8" });
      const found = execFileSync(node as string, ["--version"], { encoding: "utf8" }).trim();
      expect(run.stderr).toBe(`launchgate needs Node 24 or newer (found ${found})\n`);
      expect(run.stdout).toBe("");
      expect(run.status).toBe(2);
    },
  );

  it("the same bundle runs on this Node 24", () => {
    const run = spawnSync(process.execPath, [CLI, "--version"], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?\n$/);
  });
});
