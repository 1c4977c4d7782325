import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The README's order on a fresh clone: `npm start` (twice) must leave the checkout clean for git
 * and for `npm run lint`. The clone is this working tree's files as git would clone them (tracked
 * and not ignored), with the installed dependencies linked in instead of downloaded again.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const BIOME = path.join(ROOT, "node_modules", "@biomejs", "biome", "bin", "biome");
let clone: string;
const starts: { code: number | null; stdout: string; stderr: string }[] = [];

function git(args: string[]): string {
  return execFileSync("git", args, { cwd: clone, encoding: "utf8" });
}

function lint(): { code: number | null; output: string } {
  const run = spawnSync(process.execPath, [BIOME, "check", "--error-on-warnings", "."], {
    cwd: clone,
    encoding: "utf8",
  });
  return { code: run.status, output: run.stdout + run.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: ROOT, stdio: "inherit" });
  clone = mkdtempSync(path.join(tmpdir(), "launchgate-clone-"));
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
  })
    .split("\0")
    .filter((file) => file !== "" && existsSync(path.join(ROOT, file)));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(clone, file));
  }
  symlinkSync(path.join(ROOT, "node_modules"), path.join(clone, "node_modules"));
  symlinkSync(path.join(ROOT, "site", "node_modules"), path.join(clone, "site", "node_modules"));
  git(["init", "--quiet"]);
  git(["add", "--all"]);
  git(["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "clone"]);
  for (let i = 0; i < 2; i++) {
    const run = spawnSync("npm", ["start"], { cwd: clone, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    starts.push({ code: run.status, stdout: run.stdout, stderr: run.stderr });
  }
}, 600_000);

afterAll(() => rmSync(clone, { recursive: true, force: true }));

describe("npm start on a fresh clone", () => {
  it("runs twice and says where the demo went, relative to the checkout", () => {
    for (const run of starts) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain("site:       launchgate-demo/site/index.html");
      expect(run.stdout + run.stderr).not.toContain(clone);
    }
    expect(existsSync(path.join(clone, "launchgate-demo", "site", "index.html"))).toBe(true);
  });

  it("writes no absolute local path into any file it produced (snapshots, JSON, site)", () => {
    const out = path.join(clone, "launchgate-demo");
    const leaks = readdirSync(out, { recursive: true })
      .map(String)
      .filter((file) => statSync(path.join(out, file)).isFile())
      .filter((file) => {
        const text = readFileSync(path.join(out, file), "utf8");
        return text.includes(clone) || text.includes(ROOT) || text.includes(tmpdir());
      });
    expect(leaks).toEqual([]);
  });

  it("leaves git status clean: the demo's output is ignored", () => {
    expect(git(["status", "--porcelain", "--untracked-files=all"])).toBe("");
  });

  it("leaves npm run lint passing, and the lint still sees a stray file next to the demo", () => {
    expect(lint()).toMatchObject({ code: 0 });
    // The honest check: the same lint fails on a badly formatted file outside the ignored output.
    const stray = path.join(clone, "stray.json");
    writeFileSync(stray, '{"a":1,\n\n\n   "b":2}');
    try {
      expect(lint().code).not.toBe(0);
    } finally {
      rmSync(stray);
    }
  });
});
