import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { main } from "../../src/cli/main.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/snapshots/", import.meta.url));

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), color: false, cwd },
    out,
    err,
  };
}

describe("launchgate site", () => {
  it("builds the site from a snapshot directory into --out", async () => {
    const work = await mkdtemp(path.join(tmpdir(), "launchgate-site-cli-"));
    onTestFinished(() => rm(work, { recursive: true, force: true }));
    const run = io(work);
    const code = await main(["site", "--snapshots", FIXTURES, "--out", "public", "--base", "/caro/"], run.io);
    expect(code, run.err.join("")).toBe(0);
    expect(run.out.join("")).toBe("public\n");
    const index = await readFile(path.join(work, "public", "index.html"), "utf8");
    expect(index).toContain('href="/caro/triage/"');
    expect(existsSync(path.join(work, "public", "reports", "2026-W47", "index.html"))).toBe(true);
  }, 240_000);

  it("exits 2 naming the file and JSON path of an invalid snapshot, before building", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "launchgate-site-bad-"));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    await cp(FIXTURES, dir, { recursive: true });
    const file = path.join(dir, "2026-W47.json");
    const snapshot = JSON.parse(await readFile(file, "utf8"));
    snapshot.issues.open = [{ ...snapshot.issues.open[0], url: "javascript:alert(1)" }];
    await writeFile(file, JSON.stringify(snapshot));
    const run = io(dir);
    expect(await main(["site", "--snapshots", dir], run.io)).toBe(2);
    // Named relative to the working directory (here the snapshot directory itself).
    expect(run.err.join("")).toContain(`launchgate site: ${path.basename(file)}: issues.open[0].url`);
  });

  it("exits 2 for a missing or empty snapshot directory and for bad options", async () => {
    const empty = await mkdtemp(path.join(tmpdir(), "launchgate-site-empty-"));
    onTestFinished(() => rm(empty, { recursive: true, force: true }));
    // A directory with a snapshot's name: an input error naming it, not a crash.
    const notFile = path.join(empty, "dir", "2026-W46.json");
    await mkdir(notFile, { recursive: true });
    const dirRun = io(empty);
    expect(await main(["site", "--snapshots", path.join(empty, "dir")], dirRun.io)).toBe(2);
    expect(dirRun.err.join("")).toContain(`launchgate site: ${path.relative(empty, notFile)}: is a directory`);
    for (const argv of [
      ["site"],
      ["site", "--snapshots", path.join(empty, "nope")],
      ["site", "--snapshots", empty],
      ["site", "--snapshots", FIXTURES, "--base", "repo"],
      ["site", "--snapshots", FIXTURES, "--site", "javascript:alert(1)"],
    ]) {
      const run = io(empty);
      expect(await main(argv, run.io), argv.join(" ")).toBe(2);
      expect(run.err.join("")).toMatch(/launchgate site: /);
    }
  });
});
