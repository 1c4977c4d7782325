import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Command } from "../../src/cli/command.js";
import { commands, main } from "../../src/cli/main.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), color: false, cwd: ROOT },
    out,
    err,
  };
}

async function load(name: string): Promise<Command> {
  return (commands[name] as () => Promise<Command>)();
}

const names = Object.keys(commands);

describe("launchgate --version", () => {
  it("prints package.json's version, exit 0", async () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-V"]) {
      const run = capture();
      expect(await main([flag], run.io)).toBe(0);
      expect(run.out.join("")).toBe(`${version}\n`);
    }
  });
});

describe.each(names)("launchgate %s --help", (name) => {
  it("lists every flag of the usage line with its default, and the exit codes", async () => {
    const command = await load(name);
    const run = capture();
    expect(await main([name, "--help"], run.io)).toBe(0);
    const help = run.out.join("");
    const inUsage = [...command.usage.matchAll(/--([a-z][\w-]*)/g)].map((m) => m[1]).sort();
    expect(command.flags.map((f) => f.name).sort()).toEqual([...new Set(inUsage)]);
    for (const flag of command.flags) {
      const line = help.split("\n").find((l) => l.trimStart().startsWith(`--${flag.name}`));
      expect(line, `--${flag.name}`).toMatch(/\(default: .+\)$/);
    }
    expect(help).toMatch(/exit codes:\n {2}0 {2}\S.*\n(?: {2}1 {2}\S.*\n)? {2}2 {2}a usage or input error/);
  });

  it("accepts each flag its help lists (an unknown one is named instead)", async () => {
    const command = await load(name);
    for (const flag of command.flags) {
      const run = capture();
      const args = [name, `--${flag.name}`, ...(flag.value ? ["x"] : []), "--zz-unknown"];
      expect(await main(args, run.io)).toBe(2);
      expect(run.err.join("")).toContain("unknown flag --zz-unknown");
    }
  });
});

describe("an unknown or malformed flag", () => {
  it("is one line naming the flag and the nearest known one, exit 2", async () => {
    const run = capture();
    expect(await main(["report", "--note", "notes"], run.io)).toBe(2);
    expect(run.err.join("")).toBe(
      "launchgate report: unknown flag --note (did you mean --notes?) — launchgate report --help lists the flags\n",
    );
  });

  it("names no flag when nothing is close", async () => {
    const run = capture();
    expect(await main(["doctor", "--frobnicate"], run.io)).toBe(2);
    expect(run.err.join("")).toBe(
      "launchgate doctor: unknown flag --frobnicate — launchgate doctor --help lists the flags\n",
    );
  });

  it("a missing value or a stray argument is one line too", async () => {
    for (const args of [
      ["check", "--format"],
      ["init", "stray"],
    ]) {
      const run = capture();
      expect(await main(args, run.io)).toBe(2);
      const err = run.err.join("");
      expect(err.trimEnd().split("\n"), err).toHaveLength(1);
      expect(err).toContain(`launchgate ${args[0]} --help lists the flags`);
    }
  });
});
