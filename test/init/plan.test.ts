import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { readGateDocument } from "../../src/gates/document.js";
import { conflicts, destinationOf, planInit, renderGate, type TemplateFile } from "../../src/init/plan.js";
import type { RepoInfo } from "../../src/init/repo-info.js";

const templatesDir = join(import.meta.dirname, "../../templates");
const templates: TemplateFile[] = [
  "launchgate.yml",
  ...["gates", "issue-forms", "workflows"].flatMap((dir) =>
    readdirSync(join(templatesDir, dir)).map((name) => `${dir}/${name}`),
  ),
].map((path) => ({ path, text: readFileSync(join(templatesDir, path), "utf8") }));

const info: RepoInfo = { defaultBranch: "main", branchSource: "origin/HEAD", owner: "acme", repo: "widget" };

describe("planInit", () => {
  it("maps every kind of template to its place in .github/", () => {
    expect(destinationOf("launchgate.yml")).toBe(".github/launchgate.yml");
    expect(destinationOf("gates/hotfix.md")).toBe(".github/gates/hotfix.md");
    expect(destinationOf("gates/README.markdown")).toBeNull();
    expect(destinationOf("issue-forms/bug-report.yml")).toBe(".github/ISSUE_TEMPLATE/bug-report.yml");
    expect(destinationOf("workflows/gate.yml")).toBe(".github/workflows/launchgate-gate.yml");
    expect(destinationOf("metrics.example.yml")).toBeNull();
  });

  it("plans the config first, every gate, issue form and workflow, and valid contents", () => {
    const files = planInit(templates, info);
    const paths = files.map((f) => f.path);
    expect(paths[0]).toBe(".github/launchgate.yml");
    for (const path of [
      ".github/gates/production-go-live.md",
      ".github/ISSUE_TEMPLATE/bug-report.yml",
      ".github/workflows/launchgate-gate.yml",
      ".github/workflows/launchgate-triage.yml",
    ])
      expect(paths).toContain(path);
    const config = files[0]?.text ?? "";
    expect(config.split("\n")[0]).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/raw\.githubusercontent\.com\/launchgate\/launchgate\/v1\/schema\/launchgate\.schema\.json$/,
    );
    expect(config).toContain("https://acme.github.io/widget/");
    expect(parseConfig(config, ".github/launchgate.yml").release.base).toEqual(["main"]);
    for (const gate of files.filter((f) => f.path.startsWith(".github/gates/")))
      expect(readGateDocument(new TextEncoder().encode(gate.text), gate.path).items.length).toBeGreaterThan(0);
    for (const workflow of files.filter((f) => f.path.startsWith(".github/workflows/")))
      expect(workflow.text).not.toContain("OWNER/launchgate");
  });

  it("makes the default branch the release base, in the config and the gates' applies_to", () => {
    const files = planInit(templates, { ...info, defaultBranch: "master" });
    const config = parseConfig(files[0]?.text ?? "", "c");
    expect(config.release.base).toEqual(["master"]);
    const gate = files.find((f) => f.path === ".github/gates/production-go-live.md");
    const doc = readGateDocument(new TextEncoder().encode(gate?.text ?? ""), "g.md");
    expect(doc.frontMatter?.applies_to?.base).toEqual(["master", "release/*"]);
  });

  it("quotes a branch name YAML would misread", () => {
    const files = planInit(templates, { ...info, defaultBranch: "#1" });
    expect(parseConfig(files[0]?.text ?? "", "c").release.base).toEqual(["#1"]);
    expect(renderGate("---\napplies_to:\n  base: [main]\n---\n- [ ] x\n", { ...info, defaultBranch: "#1" })).toContain(
      'base: ["#1"]',
    );
  });

  it("leaves the site URL placeholder when there is no GitHub remote", () => {
    const files = planInit(templates, { ...info, owner: null, repo: null });
    expect(files[0]?.text).toContain("https://OWNER.github.io/REPO/");
  });

  it("lists the planned files that already exist", () => {
    const files = planInit(templates, info);
    expect(conflicts(files, new Set([".github/launchgate.yml", "README.md"]))).toEqual([".github/launchgate.yml"]);
  });
});
