import { describe, expect, it } from "vitest";
import { parseChecklist } from "../../src/checklist/parse.js";
import { expandLeadingTabs, expandStructuralTabs } from "../../src/checklist/tabs.js";

describe("tabs in a line's structural lead", () => {
  it("become the spaces they stand for, at 4-column stops, through `>` and list markers", () => {
    expect(expandLeadingTabs("\t- [ ] a")).toBe("    - [ ] a");
    expect(expandLeadingTabs(">\t- a")).toBe(">   - a");
    expect(expandLeadingTabs("> >\t1.\tx")).toBe("> > 1.  x");
    expect(expandLeadingTabs(" \t\t* b")).toBe("        * b");
  });

  it("stay in content: `[<tab>]` is no task marker, and text keeps its tabs", () => {
    expect(expandLeadingTabs("- [\t] a")).toBe("- [\t] a");
    expect(expandLeadingTabs("\tx\ty")).toBe("    x\ty");
  });

  it("keeps every line ending and the lines before `fromLine` as they were", () => {
    expect(expandStructuralTabs("\ta\r\n\tb\r\tc\n\td", 1)).toBe("\ta\r\n    b\r    c\n    d");
    expect(expandStructuralTabs("no tabs\n")).toBe("no tabs\n");
  });

  it("in a file, front matter keeps its tabs: YAML refuses tab indentation (test/gates/document.test.ts)", () => {
    const doc = "---\ntitle: Gate\napprovers:\n\t- alice\n---\n\n-\t[ ] a\n";
    expect(parseChecklist(doc, "gate.md").frontMatterBlock).toEqual({
      yaml: "title: Gate\napprovers:\n\t- alice",
      line: 2,
    });
    expect(parseChecklist(doc, "body", { frontMatter: false }).items.map((i) => i.line)).toEqual([7]);
  });
});
