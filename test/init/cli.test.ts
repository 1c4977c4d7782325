import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { readGateDocument } from "../../src/gates/document.js";
import { runCli } from "../support/run-cli.js";

const exec = promisify(execFile);
const root = join(import.meta.dirname, "../..");

const cli = (...args: string[]) => runCli(args);

/** A fresh directory that looks like a clone of acme/widget with default branch trunk. */
async function clone(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "launchgate-init-"));
  await mkdir(join(dir, ".git", "refs", "remotes", "origin"), { recursive: true });
  await writeFile(join(dir, ".git", "HEAD"), "ref: refs/heads/feature\n");
  await writeFile(join(dir, ".git", "refs", "remotes", "origin", "HEAD"), "ref: refs/remotes/origin/trunk\n");
  await writeFile(join(dir, ".git", "config"), '[remote "origin"]\n\turl = https://github.com/acme/widget.git\n');
  return dir;
}

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .filter((path) => !path.startsWith(".git/"))
    .sort();
}

beforeAll(async () => {
  await exec("npm", ["run", "build"], { cwd: root });
}, 120_000);

describe("launchgate init (built CLI)", () => {
  it("writes the config, every gate template, the issue forms and the workflows", async () => {
    const dir = await clone();
    const { code, stdout } = await cli("init", "--dir", dir);
    expect(code).toBe(0);
    const written = await filesIn(dir);
    const gates = (await readdir(join(root, "templates/gates"))).filter((n) => n.endsWith(".md"));
    const forms = await readdir(join(root, "templates/issue-forms"));
    const workflows = await readdir(join(root, "templates/workflows"));
    expect(written).toEqual(
      [
        ".github/launchgate.yml",
        "launch/metrics.yml",
        ...gates.map((n) => `.github/gates/${n}`),
        ...forms.map((n) => `.github/ISSUE_TEMPLATE/${n}`),
        ...workflows.map((n) => `.github/workflows/launchgate-${n}`),
      ].sort(),
    );
    for (const path of written) expect(stdout).toContain(path);
    expect(stdout).toContain("default branch: trunk (from origin/HEAD)");

    const configText = await readFile(join(dir, ".github/launchgate.yml"), "utf8");
    expect(configText.split("\n")[0]).toContain("# yaml-language-server: $schema=https://raw.githubusercontent.com/");
    expect(configText).toContain("https://acme.github.io/widget/");
    expect(parseConfig(configText, ".github/launchgate.yml").release.base).toEqual(["trunk"]);
    for (const gate of gates) {
      const doc = readGateDocument(await readFile(join(dir, ".github/gates", gate)), gate);
      expect(doc.items.length).toBeGreaterThan(0);
    }
  });

  it("refuses to overwrite without --force, lists the conflicts and writes nothing", async () => {
    const dir = await clone();
    await mkdir(join(dir, ".github/workflows"), { recursive: true });
    await writeFile(join(dir, ".github/workflows/launchgate-gate.yml"), "mine\n");
    const { code, stderr } = await cli("init", "--dir", dir);
    expect(code).toBe(2);
    expect(stderr).toContain("nothing was written");
    expect(stderr).toContain(".github/workflows/launchgate-gate.yml");
    expect(await filesIn(dir)).toEqual([".github/workflows/launchgate-gate.yml"]);
    expect(await readFile(join(dir, ".github/workflows/launchgate-gate.yml"), "utf8")).toBe("mine\n");
  });

  it("overwrites with --force", async () => {
    const dir = await clone();
    await mkdir(join(dir, ".github"), { recursive: true });
    await writeFile(join(dir, ".github/launchgate.yml"), "broken: [\n");
    const { code, stdout } = await cli("init", "--force", "--dir", dir);
    expect(code).toBe(0);
    expect(stdout).toContain(".github/launchgate.yml (overwritten)");
    const text = await readFile(join(dir, ".github/launchgate.yml"), "utf8");
    expect(() => parseConfig(text, "c")).not.toThrow();
    expect((await filesIn(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("exits 2 on usage errors", async () => {
    expect((await cli("init", "--bogus")).code).toBe(2);
    expect((await cli("init", "--dir", join(tmpdir(), "launchgate-no-such-dir"))).code).toBe(2);
    expect((await cli("doctor", "extra")).code).toBe(2);
  });
});

describe("launchgate doctor (built CLI)", () => {
  async function initialised(): Promise<string> {
    const dir = await clone();
    expect((await cli("init", "--dir", dir)).code).toBe(0);
    return dir;
  }

  it("flags init's placeholders on a fresh set-up, and passes once they are filled in", async () => {
    const dir = await initialised();
    const fresh = await cli("doctor", "--dir", dir);
    expect(fresh.code).toBe(1);
    expect(fresh.stdout).toMatch(
      /^✗ \.github\/gates\/launch-go-no-go\.md:\d+: @your-org\/launch-commanders is init's placeholder, so nobody can sign off — replace/m,
    );
    expect(fresh.stdout).toMatch(/^! \.github\/launchgate\.yml: launch\.date is not set/m);
    expect(fresh.stdout).not.toMatch(/^✗ (?!\.github\/gates\/[\w-]+\.md:\d+: @your-org\/)/m);

    for (const name of await readdir(join(dir, ".github/gates"))) {
      const path = join(dir, ".github/gates", name);
      await writeFile(path, (await readFile(path, "utf8")).replaceAll("@your-org/", "@acme/"));
    }
    const config = join(dir, ".github/launchgate.yml");
    await writeFile(config, (await readFile(config, "utf8")).replace("# date: 2026-11-02", "date: 2026-11-02"));
    const { code, stdout } = await cli("doctor", "--dir", dir);
    expect(stdout).not.toContain("✗");
    expect(stdout).not.toContain("launch.date");
    expect(stdout).toContain("✓ .github/launchgate.yml is valid");
    expect(stdout).toMatch(/✓ \.github\/workflows\/launchgate-gate\.yml:\d+: job gate permissions/);
    expect(code).toBe(0);
  });

  it("fails a broken config with its line:column", async () => {
    const dir = await initialised();
    await writeFile(join(dir, ".github/launchgate.yml"), "release:\n  labels: [release\n");
    const { code, stdout } = await cli("doctor", "--dir", dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^✗ \.github\/launchgate\.yml:\d+:\d+: invalid YAML/m);
  });

  it("fails an unknown key, naming the nearest valid one", async () => {
    const dir = await initialised();
    await writeFile(join(dir, ".github/launchgate.yml"), "signof: trust\n");
    const { code, stdout } = await cli("doctor", "--dir", dir);
    expect(code).toBe(1);
    expect(stdout).toContain('✗ .github/launchgate.yml:1:1: unknown key "signof" — did you mean "signoff"?');
  });

  it("fails a missing gate file", async () => {
    const dir = await initialised();
    await writeFile(join(dir, ".github/launchgate.yml"), "gates: [docs/release-gate.md]\n");
    const { code, stdout } = await cli("doctor", "--dir", dir);
    expect(code).toBe(1);
    expect(stdout).toContain("✗ gates: docs/release-gate.md not found");
  });

  it("fails when the gate glob matches nothing", async () => {
    const dir = await initialised();
    await rm(join(dir, ".github/gates"), { recursive: true });
    const { code, stdout } = await cli("doctor", "--dir", dir);
    expect(code).toBe(1);
    expect(stdout).toContain('✗ gates: ".github/gates/*.md" matches no file');
  });

  it("fails a workflow missing a permission, with the fix", async () => {
    const dir = await initialised();
    const path = join(dir, ".github/workflows/launchgate-triage.yml");
    await writeFile(path, (await readFile(path, "utf8")).replace(/^ {2}issues: write.*$/m, "  issues: read"));
    const { code, stdout } = await cli("doctor", "--dir", dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /✗ \.github\/workflows\/launchgate-triage\.yml:\d+: job triage lacks issues: write .* add `issues: write`/,
    );
  });

  it("passes on launchgate's own repository (the dogfood workflows use ./)", async () => {
    const { code, stdout } = await cli("doctor", "--dir", root);
    expect(stdout).toContain("✓ gate .github/gates/release.md");
    expect(stdout).toMatch(/✓ \.github\/workflows\/launchgate-gate\.yml:\d+: job gate permissions/);
    expect(stdout).toMatch(/✓ \.github\/workflows\/launchgate-triage\.yml:\d+: job triage permissions/);
    expect(code).toBe(0);
  });

  it("fails a repository without any launchgate workflow", async () => {
    const dir = await clone();
    const { code, stdout } = await cli("doctor", "--dir", dir);
    expect(code).toBe(1);
    expect(stdout).toContain("✗ no workflow in .github/workflows uses launchgate");
  });
});
