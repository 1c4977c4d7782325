import { describe, expect, it } from "vitest";
import { defaultConfig, parseConfig } from "../../src/config/load.js";
import type { InputError } from "../../src/errors.js";
import { inputErrorOf } from "../support/input-error.js";

const fail = (yaml: string): InputError => inputErrorOf(() => parseConfig(yaml, ".github/launchgate.yml"));

describe("gate config", () => {
  it("defaults: .github/gates/*.md, release branches/label/title, optional PR body, verified sign-off", () => {
    expect(defaultConfig.gates).toEqual([{ path: ".github/gates/*.md" }]);
    expect(defaultConfig.release).toMatchObject({
      head: ["release/*", "release-*", "releases/*"],
      labels: ["release"],
    });
    expect(defaultConfig.pr_body).toBe("optional");
    expect(defaultConfig.signoff).toBe("verify");
    expect(defaultConfig.approvers).toEqual([]);
    // Other sections stay composed in.
    expect(defaultConfig.launch.timezone).toBe("UTC");
  });

  it("reads paths, globs with applies_to, release rules and approvers", () => {
    const config = parseConfig(
      [
        "gates:",
        "  - docs/release/gate5.md",
        "  - path: .github/gates/hotfix-*.md",
        "    applies_to: { labels: hotfix }",
        "release:",
        "  base: main",
        "  labels: [release, ship-it]",
        "pr_body: required",
        "signoff: trust",
        "approvers: ['@Acme/Release-Managers', bob]",
      ].join("\n"),
      ".github/launchgate.yml",
    );
    expect(config.gates).toEqual([
      { path: "docs/release/gate5.md" },
      { path: ".github/gates/hotfix-*.md", applies_to: { labels: ["hotfix"] } },
    ]);
    expect(config.release).toMatchObject({
      base: ["main"],
      labels: ["release", "ship-it"],
      head: ["release/*", "release-*", "releases/*"],
    });
    expect(config.approvers).toEqual(["acme/release-managers", "bob"]);
    expect(config.signoff).toBe("trust");
  });

  it("names the nearest valid key for a typo, with line and column", () => {
    const error = fail("gates: []\nsignof: trust\n");
    expect(error.format()).toBe('.github/launchgate.yml:2:1: unknown key "signof" — did you mean "signoff"?');
    expect(fail("release:\n  lables: [x]\n").format()).toContain(
      '2:3: unknown key "release.lables" — did you mean "labels"?',
    );
    expect(fail("gates:\n  - path: a.md\n    applies-to: {}\n").format()).toContain('did you mean "applies_to"?');
  });

  it("rejects bad values where they are", () => {
    expect(fail("pr_body: sometimes\n").format()).toMatch(/^\.github\/launchgate\.yml:1:10: "pr_body": /);
    expect(fail("release:\n  title: '(unclosed'\n").format()).toContain("2:10");
    expect(fail("approvers: ['not a user!']\n").format()).toContain("expected @user or @org/team");
  });

  it("reports YAML syntax errors with line:column", () => {
    const error = fail("gates:\n  - a.md\nsignoff: verify\nsignoff: trust\n");
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/^invalid YAML/);
  });
});
