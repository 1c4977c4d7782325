import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatCheck } from "../../src/doctor/check.js";
import { InputError } from "../../src/errors.js";
import { readGateDocument } from "../../src/gates/document.js";
import { evaluateGate } from "../../src/gates/evaluate.js";
import { checkGateFile } from "../../src/init/doctor.js";
import { runCli } from "../support/run-cli.js";

beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build.mjs"], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    stdio: "inherit",
  });
});

const read = (text: string) => readGateDocument(new TextEncoder().encode(text), ".github/ISSUE_TEMPLATE/release.md");

function inputError(text: string): InputError {
  try {
    read(text);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("no InputError");
}

/** A release-tracking issue template as SIG Release-style repositories keep them. */
const template = (front: string) => `---
name: Release Tracking
about: Checklist for cutting a minor release
${front}
---
# Release v1.31 checklist

## Before the cut
- [x] Branch created @alice
- [ ] Release notes drafted
`;

describe("gate front matter of a GitHub issue template", () => {
  it("accepts name, about, title, labels, assignees, type and projects as they are", () => {
    const doc = read(
      template(
        'title: "[Release] v1.31"\nlabels: sig/release, area/release-eng\nassignees: ""\ntype: Task\nprojects: ["kubernetes/1"]',
      ),
    );
    expect(doc.warnings).toBeUndefined();
    expect(doc.items).toHaveLength(2);
    expect(evaluateGate(doc).title).toBe("[Release] v1.31");
    expect(doc.frontMatter).toMatchObject({ name: "Release Tracking", labels: "sig/release, area/release-eng" });
  });

  it("takes lists and empty values too (labels as a list, assignees left empty)", () => {
    const doc = read(template("title:\nlabels: [sig/release, kind/feature]\nassignees:\nprojects: octo-org/3"));
    expect(doc.warnings).toBeUndefined();
    expect(doc.frontMatter?.labels).toEqual(["sig/release", "kind/feature"]);
  });

  it("an empty title falls back to the first heading", () => {
    for (const title of ["title: ''", 'title: ""', "title:", "title: '  '"]) {
      expect(evaluateGate(read(template(title))).title, title).toBe("Release v1.31 checklist");
    }
  });

  it("still checks the values launchgate reads", () => {
    expect(inputError(template("gate: not an id!")).message).toMatch(/"gate"/);
    expect(inputError(template("labels: 3")).line).toBe(4);
  });
});

describe("unknown front matter keys", () => {
  it.each([
    ["gates: release", "gate"],
    ["Title: Release", "title"],
    ["approver: ['@alice']", "approvers"],
    ["aprovers: ['@alice']", "approvers"],
    ["applies-to: { base: [main] }", "applies_to"],
    ["phse: 5", "phase"],
    ["titel: Release", "title"],
  ])("%s, close to a launchgate key, is an error naming it and its line", (line, near) => {
    const error = inputError(template(line));
    expect(error.message).toBe(`unknown key "${line.split(":")[0]}"`);
    expect(error.fix).toBe(`did you mean "${near}"?`);
    expect(error.file).toBe(".github/ISSUE_TEMPLATE/release.md");
    expect(error.line).toBe(4);
  });

  it("any other is ignored with a warning naming its line", () => {
    const doc = read(template("milestone: v1.31\nowners_file: OWNERS"));
    expect(doc.warnings?.map((w) => w.format())).toEqual([
      '.github/ISSUE_TEMPLATE/release.md:4:1: unknown front matter key "milestone" is ignored',
      '.github/ISSUE_TEMPLATE/release.md:5:1: unknown front matter key "owners_file" is ignored',
    ]);
    expect(doc.frontMatter).not.toHaveProperty("milestone");
    expect(doc.items).toHaveLength(2);
  });
});

describe("warnings reach the user", () => {
  it("launchgate check prints them on stderr and checks the gate as usual", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "launchgate-frontmatter-"));
    try {
      writeFileSync(path.join(dir, "release.md"), template("milestone: v1.31"));
      const run = runCli(["check", "release.md"], { cwd: dir });
      expect(run.stderr).toBe('launchgate: warning: release.md:4:1: unknown front matter key "milestone" is ignored\n');
      expect(run.code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("doctor warns on the gate file", () => {
    const check = checkGateFile("g.md", new TextEncoder().encode(template("milestone: v1.31")));
    expect(formatCheck(check)).toBe(
      '! g.md:4:1: unknown front matter key "milestone" is ignored — remove it, or ignore this',
    );
  });
});
