import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The package as `npm pack` makes it, installed into an empty project the way a user would
 * (`npm install ./launchgate-X.tgz`), runs every set-up command: --version, init, doctor, demo
 * (which installs the site's own dependencies on first use) and site.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const { version } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
// The bin's `#!/usr/bin/env node` must find this Node 24, not an older one earlier on PATH.
const env = {
  ...process.env,
  NO_COLOR: "1",
  PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ""}`,
};
let work: string;
let project: string;
let tarball: string;
let packed: { path: string; size: number }[];
let packedSize: number;

function run(command: string, args: string[], cwd = project) {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function launchgate(...args: string[]) {
  return run(path.join(project, "node_modules", ".bin", "launchgate"), args);
}

beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: ROOT, stdio: "inherit" });
  work = mkdtempSync(path.join(tmpdir(), "launchgate-pack-"));
  const pack = run("npm", ["pack", "--json", "--pack-destination", work], ROOT);
  expect(pack.code, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as {
    filename: string;
    size: number;
    files: { path: string; size: number }[];
  }[];
  if (!info) throw new Error("npm pack printed no package");
  tarball = path.join(work, info.filename);
  packed = info.files;
  packedSize = info.size;
  project = path.join(work, "project");
  mkdirSync(project);
  writeFileSync(path.join(project, "package.json"), '{ "name": "scratch", "private": true }\n');
  execFileSync("git", ["init", "--quiet"], { cwd: project });
  const install = run("npm", ["install", tarball, "--no-audit", "--no-fund", "--prefer-offline"]);
  expect(install.code, install.stderr).toBe(0);
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);

describe("npm pack → npm install into an empty project", () => {
  it("packs what the commands read, with the licence notices, and nothing installed or built", () => {
    const paths = packed.map((f) => f.path);
    for (const needed of [
      "dist/cli.js",
      "dist/index.js",
      "dist/THIRD-PARTY-NOTICES.md",
      "LICENSE",
      "action.yml",
      "templates/launchgate.yml",
      "templates/workflows/gate.yml",
      "examples/demo/issues.json",
      "examples/demo/gates/launch-go-no-go.md",
      "site/action.yml",
      "site/package.json",
      "site/package-lock.json",
      "site/astro.config.mjs",
      "src/snapshot/schema.ts",
    ]) {
      expect(paths, needed).toContain(needed);
    }
    expect(paths.filter((p) => /(^|\/)(node_modules|\.astro)\/|^site\/dist\/|^launchgate-demo\//.test(p))).toEqual([]);
    expect(packedSize).toBeLessThan(2 * 1024 * 1024);
  });

  it("launchgate --version", () => {
    expect(launchgate("--version")).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it("launchgate init, then doctor naming what is left to fill in", () => {
    const init = launchgate("init");
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain("launchgate init: wrote");
    expect(init.stdout).not.toContain(project);
    expect(existsSync(path.join(project, ".github", "workflows", "launchgate-gate.yml"))).toBe(true);
    const doctor = launchgate("doctor");
    expect(doctor.stderr).toBe("");
    expect(doctor.stdout).toContain("✓ .github/launchgate.yml is valid");
    expect(doctor.stdout).toMatch(/^✗ \.github\/gates\/[\w-]+\.md:\d+: @your-org\//m);
    expect(doctor.code).toBe(1);
  }, 120_000);

  it("launchgate demo installs the site's dependencies on first use and builds the site", () => {
    const demo = launchgate("demo");
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stderr).toContain("installing the status site's locked dependencies into node_modules/launchgate/site");
    expect(demo.stdout).toContain("site:       launchgate-demo/site/index.html");
    expect(existsSync(path.join(project, "launchgate-demo", "site", "gates", "index.html"))).toBe(true);
    // Second run: the dependencies are there, nothing is installed again.
    const site = launchgate("site", "--snapshots", "launchgate-demo/snapshots", "--out", "public");
    expect(site.code, site.stderr).toBe(0);
    expect(site.stdout).toBe("public\n");
    expect(site.stderr).not.toContain("installing");
    expect(existsSync(path.join(project, "public", "index.html"))).toBe(true);
  }, 600_000);

  it("runs from the tarball before publication, as the README says (npm exec --package)", () => {
    const empty = path.join(work, "elsewhere");
    mkdirSync(empty);
    const exec = run("npm", ["exec", "--yes", `--package=${tarball}`, "--", "launchgate", "--version"], empty);
    expect(exec.code, exec.stderr).toBe(0);
    expect(exec.stdout).toBe(`${version}\n`);
  }, 300_000);
});
