import { describe, expect, it } from "vitest";
import { parseGateDocument, readGateDocument } from "../../src/gates/document.js";
import { inputErrorOf } from "../support/input-error.js";

const gate = (markdown: string) => parseGateDocument(markdown, "gate.md");
const items = (markdown: string) => gate(markdown).items;
const inputError = (fn: () => unknown): string => inputErrorOf(fn).format();

describe("front matter errors point at file:line:column", () => {
  it("bad YAML", () => {
    expect(inputError(() => items("---\ntitle: [unclosed\n---\n- [ ] a\n"))).toMatch(/^gate\.md:\d+:\d+: invalid YAML/);
  });

  it("unknown key names the nearest valid one", () => {
    expect(inputError(() => items("---\ngate: g\ntitel: x\n---\n- [ ] a\n"))).toBe(
      'gate.md:3:1: unknown key "titel" — did you mean "title"?',
    );
    expect(inputError(() => items("---\napplies_to:\n  bases: main\n---\n"))).toMatch(
      /^gate\.md:3:3: unknown key "applies_to\.bases" — did you mean "base"\?/,
    );
  });

  it("a glob that cannot match (an unclosed { group) is an error at its line, not at use", () => {
    expect(inputError(() => items("---\napplies_to:\n  head: ['release/{1,2']\n---\n- [ ] a\n"))).toMatch(
      /^gate\.md:3:10: "applies_to\.head\.0": invalid glob "release\/\{1,2"/,
    );
  });

  it("wrong type", () => {
    expect(inputError(() => items("---\ntitle: 5\n---\n"))).toMatch(/^gate\.md:2:8: "title": .*expected string/);
    expect(inputError(() => items("---\napprovers: ['not a user!']\n---\n"))).toMatch(
      /^gate\.md:2:13: "approvers\.0": expected @user or @org\/team/,
    );
  });

  it("valid front matter is returned normalised", () => {
    const doc = gate(
      "---\ngate: go-live\ntitle: Go-live\nphase: 5\napplies_to:\n  base: main\napprovers: ['@Alice', 'acme/sre']\n---\n- [ ] a\n",
    );
    expect(doc.frontMatter).toEqual({
      gate: "go-live",
      title: "Go-live",
      phase: 5,
      applies_to: { base: ["main"] },
      approvers: ["alice", "acme/sre"],
    });
  });
});

describe("a gate document is its checklist and its front matter, read once", () => {
  it("a document without front matter has none, and no warnings", () => {
    const doc = gate("# Go-live\n- [ ] a\n");
    expect(doc.frontMatter).toBeNull();
    expect(doc.warnings).toBeUndefined();
    expect(doc.firstHeading).toBe("Go-live");
  });

  it("front matter keeps its tabs: YAML refuses tab indentation, at the tab's line", () => {
    const doc = "---\ntitle: Gate\napprovers:\n\t- alice\n---\n\n-\t[ ] a\n";
    const error = inputErrorOf(() => gate(doc));
    expect([error.file, error.line, error.message]).toEqual(["gate.md", 4, expect.stringMatching(/tab/i)]);
    expect(parseGateDocument(doc, "body", { frontMatter: false }).items.map((i) => i.line)).toEqual([7]);
  });

  it("front matter errors come before any item's, top down like the file", () => {
    const badItem = "- [ ] Changelog @аlice\n";
    expect(inputError(() => gate(`---\ntitel: x\n---\n${badItem}`))).toBe(
      'gate.md:2:1: unknown key "titel" — did you mean "title"?',
    );
    // The honest variant: valid front matter, and the item's own error is the one reported.
    expect(inputError(() => gate(`---\ntitle: x\n---\n${badItem}`))).toMatch(/^gate\.md:4: .*looks like an @mention/);
  });

  it("with frontMatter: false (a file whose front matter is not a gate's), nothing between --- lines is validated", () => {
    const doc = parseGateDocument("---\ntitel: [unclosed\n---\n- [ ] a\n", "notes.md", { frontMatter: false });
    expect(doc.frontMatter).toBeNull();
    expect(doc.frontMatterBlock).toBeNull();
  });

  it("readGateDocument refuses a document without items, front matter or not", () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(inputError(() => readGateDocument(bytes("---\ntitle: G\n---\n# G\n"), "g.md"))).toBe(
      "g.md: no task list items — a gate document needs items like `- [ ] …`",
    );
    expect(readGateDocument(bytes("---\ntitle: G\n---\n# G\n"), "g.md", { allowEmpty: true }).frontMatter).toEqual({
      title: "G",
    });
  });
});
