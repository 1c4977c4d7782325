import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkResultSchema } from "../../src/gates/result.js";
import { runCli } from "../support/run-cli.js";

/** `launchgate check` as users run it: the bundled dist/cli.js in a real Node process. */
const ROOT = join(import.meta.dirname, "../..");
/** Start of an ANSI colour sequence. */
const ESC = "\u001b[";
let dir = "";

/** The environment without colour switches, so each test sets exactly the ones it means. */
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  return env;
}

function check(args: string[], env: NodeJS.ProcessEnv = baseEnv()) {
  return runCli(["check", ...args], { cwd: dir, env });
}

function write(name: string, content: string | Uint8Array): string {
  writeFileSync(join(dir, name), content);
  return name;
}

const GATE = [
  "---",
  "gate: go-live",
  "title: Production go-live",
  "---",
  "# Production go-live",
  "",
  "## TASK 5.1 — Freeze",
  "- [x] Code freeze announced @alice",
  "- [ ] Backups restored | tested @acme/sre",
  "- [ ] Load test (optional)",
  "",
  "## TASK 5.2 — Launch",
  "- [x] ~~Feature flags~~ N/A: no flags in this release",
  "- [X] Status page ready",
  "",
].join("\n");

const PASSING = "# Hotfix\n\n- [x] Tests green\n- [ ] Extra soak (optional)\n";

beforeAll(() => {
  execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "pipe" });
  dir = mkdtempSync(join(tmpdir(), "launchgate-cli-"));
  write("gate.md", GATE);
  write("pass.md", PASSING);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("launchgate check: exit codes and text output", () => {
  it("exits 0 when every gate passes", () => {
    const { code, stdout, stderr } = check(["pass.md"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toContain("Hotfix (pass.md) PASS 1/1 required done");
  });

  it("exits 1 when any gate fails; prints a progress bar per task and path:line: unticked: text", () => {
    const { code, stdout } = check(["pass.md", "gate.md"]);
    expect(code).toBe(1);
    const lines = stdout.split("\n");
    expect(lines).toContain("Production go-live (gate.md) FAIL 3/4 required done");
    expect(lines).toContain("  TASK 5.1 — Freeze ▰▱ 1/2 (+0/1 optional)");
    expect(lines).toContain("  TASK 5.2 — Launch ▰▰ 2/2");
    expect(lines).toContain("gate.md:9: unticked: Backups restored | tested @acme/sre");
    expect(stdout).not.toContain("Load test");
    expect(stdout).not.toContain(ESC);
  });

  it("colours only when FORCE_COLOR is set, never with NO_COLOR", () => {
    expect(check(["gate.md"], { ...baseEnv(), FORCE_COLOR: "1" }).stdout).toContain("\u001b[31mFAIL\u001b[39m");
    expect(check(["gate.md"], { ...baseEnv(), NO_COLOR: "1" }).stdout).not.toContain(ESC);
  });

  it("--base reports required items removed since the base version and fails", () => {
    write("base.md", GATE.replace("- [X] Status page ready", "- [ ] Status page ready\n- [ ] Rollback rehearsed"));
    const text = check(["--base", "base.md", "gate.md"]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("gate.md: removed: Rollback rehearsed (required item at base.md:15)");
    expect(text.stdout).not.toContain("removed: Status page ready");

    write(
      "head.md",
      GATE.replace("- [ ] Backups restored | tested @acme/sre", "- [x] Backups restored | tested @acme/sre"),
    );
    expect(check(["head.md"]).code).toBe(0);
    expect(check(["--base", "base.md", "head.md"]).code).toBe(1);
    expect(check(["--base", "gate.md", "head.md"]).code).toBe(0);
  });
});

describe("launchgate check --format json", () => {
  it("matches checkResultSchema and carries the documented fields", () => {
    write("base.md", `${GATE}- [ ] Dropped later\n`);
    const { code, stdout } = check(["--format", "json", "--base", "base.md", "gate.md"]);
    expect(code).toBe(1);
    const result = checkResultSchema.parse(JSON.parse(stdout));
    expect(result.passed).toBe(false);
    const [file] = result.files;
    expect(file).toMatchObject({
      path: "gate.md",
      basePath: "base.md",
      gate: { id: "go-live", title: "Production go-live" },
      passed: false,
      total: 5,
      done: 3,
      required: 4,
      requiredDone: 3,
      removed: [{ line: 15, text: "Dropped later", headings: ["Production go-live", "TASK 5.2 — Launch"] }],
    });
    expect(file?.items.map((i) => [i.line, i.checked, i.optional, i.waived, i.blocking])).toEqual([
      [8, true, false, false, null],
      [9, false, false, false, "unticked"],
      [10, false, true, false, null],
      [13, true, false, true, null],
      [14, true, false, false, null],
    ]);
    expect(file?.items[1]).toMatchObject({
      text: "Backups restored | tested @acme/sre",
      headings: ["Production go-live", "TASK 5.1 — Freeze"],
      owners: ["acme/sre"],
    });
  });

  it("passed is true when every file passes", () => {
    const { code, stdout } = check(["--format", "json", "pass.md"]);
    expect(code).toBe(0);
    expect(checkResultSchema.parse(JSON.parse(stdout)).passed).toBe(true);
  });
});

describe("launchgate check --format markdown", () => {
  it("renders tables with table breaks escaped and @mentions neutralised", () => {
    const { code, stdout } = check(["--format", "markdown", "gate.md"]);
    expect(code).toBe(1);
    expect(stdout).toContain("### ❌ Production go-live — 3/4 required items done");
    expect(stdout).toContain("| Task | Progress | Required | Optional |");
    expect(stdout).toContain("| TASK 5.1 — Freeze | ▰▱ | 1/2 | 0/1 |");
    expect(stdout).toContain("| 9 | unticked | Backups restored \\| tested @\u200bacme/sre |");
    expect(stdout).not.toMatch(/@(?!\u200b)/);
  });
});

describe("launchgate check: bad input is one line on stderr, exit 2, no stack trace", () => {
  /** Runs the check and returns its single stderr line, asserting exit 2 and empty stdout. */
  function inputError(args: string[]): string {
    const { code, stdout, stderr } = check(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at |Error:|internal error/);
    return lines[0] ?? "";
  }

  it("missing file", () => {
    expect(inputError(["nope.md"])).toBe("launchgate: nope.md: no such file");
  });

  it("a directory", () => {
    mkdirSync(join(dir, "sub"), { recursive: true });
    expect(inputError(["sub"])).toMatch(/^launchgate: sub: is a directory .*name a file, not a directory/);
  });

  it("an empty file", () => {
    expect(inputError([write("empty.md", "")])).toMatch(/^launchgate: empty\.md: empty file/);
  });

  it("a file without any task item", () => {
    expect(inputError([write("prose.md", "# Just prose\n")])).toMatch(/^launchgate: prose\.md: no task list items/);
  });

  it("binary (NUL byte), with its line", () => {
    expect(inputError([write("bin.md", Buffer.from("- [ ] a\n- [ ] b\0\n"))])).toMatch(
      /^launchgate: bin\.md:2: binary file/,
    );
  });

  it("non-UTF-8 bytes, with their line", () => {
    expect(inputError([write("latin1.md", Buffer.from("- [ ] a\n\n- [ ] Café\n", "latin1"))])).toMatch(
      /^launchgate: latin1\.md:3: not valid UTF-8/,
    );
  });

  it("a 20 MB file", () => {
    expect(inputError([write("huge.md", "- [ ] item\n".repeat(2_000_000))])).toMatch(
      /^launchgate: huge\.md: file is 21\.0 MB; gate documents are limited to 48 KiB/,
    );
  });

  it("a list nested 5,000 deep on one line", () => {
    expect(inputError([write("deep1.md", `${"- ".repeat(5000)}[ ] x\n`)])).toMatch(
      /^launchgate: deep1\.md:1: lists or quotes nested more than \d+ levels deep/,
    );
  });

  it("a list nested 300 deep by indentation", () => {
    // Level i sits at column 2i; tabs (4 columns each) keep the file under the size limit.
    const lines = Array.from({ length: 300 }, (_, i) => `${"\t".repeat(i >> 1)}${i % 2 ? "  " : ""}- [ ] ${i}`);
    expect(inputError([write("deep2.md", `${lines.join("\n")}\n`)])).toMatch(
      /^launchgate: deep2\.md:\d+: lists or quotes nested more than \d+ levels deep/,
    );
  });

  it("block quotes nested 5,000 deep", () => {
    expect(inputError([write("deep3.md", `${"> ".repeat(5000)}- [ ] x\n`)])).toMatch(
      /^launchgate: deep3\.md:1: lists or quotes nested/,
    );
  });

  it("invalid front matter, with line and column", () => {
    expect(inputError([write("fm.md", "---\ntitle: ok\ntitel: typo\n---\n- [ ] a\n")])).toBe(
      'launchgate: fm.md:3:1: unknown key "titel" — did you mean "title"?',
    );
    expect(inputError([write("fm2.md", "---\ntitle: [unclosed\n---\n- [ ] a\n")])).toMatch(
      /^launchgate: fm2\.md:\d+:\d+: invalid YAML/,
    );
  });

  it("an error in the --base file names that file", () => {
    expect(inputError(["--base", "missing-base.md", "gate.md"])).toBe("launchgate: missing-base.md: no such file");
  });

  it("usage errors exit 2 too", () => {
    expect(check([]).code).toBe(2);
    expect(check(["--format", "yaml", "gate.md"]).code).toBe(2);
    expect(check(["--bogus", "gate.md"]).code).toBe(2);
  });
});

describe("launchgate check says offline that sign-off is not verified", () => {
  it("in every format: a JSON field per owned item, a line in text and markdown", () => {
    write("owned.md", "# Gate\n\n- [x] Changelog @alice\n- [ ] Load test @bob\n- [x] Docs\n");
    const json = checkResultSchema.parse(JSON.parse(check(["--format", "json", "owned.md"]).stdout));
    expect(json.files[0]?.signoffChecked).toBe(false);
    expect(json.files[0]?.items.map((i) => i.signoff)).toEqual(["not-checked", "not-checked", null]);
    expect(check(["owned.md"]).stdout).toMatch(/2 owned items: sign-off not verified/);
    expect(check(["--format", "markdown", "owned.md"]).stdout).toMatch(/> 2 owned items: sign-off not verified/);
  });

  it("a gate without owned items needs no such line", () => {
    write("unowned.md", "# Gate\n\n- [x] Docs\n");
    expect(check(["unowned.md"]).stdout).not.toMatch(/sign-off not verified/);
  });
});
