import { describe, expect, it } from "vitest";
import { parseChecklist } from "../../src/checklist/parse.js";
import { parseGateDocument } from "../../src/gates/document.js";
import { evaluateGate } from "../../src/gates/evaluate.js";
import { itemKey, removedItems } from "../../src/gates/removed.js";

const parse = (md: string) => parseChecklist(md, "gate.md").items;
const removed = (base: string, head: string) => removedItems(parse(base), parse(head)).map((i) => [i.line, i.text]);

const BASE = "# Gate\n\n## TASK 1\n\n- [ ] Backups tested\n- [ ] Runbook reviewed\n\n## TASK 2\n\n- [ ] Pager on\n";

describe("removed items", () => {
  it("nothing is removed from an identical document", () => {
    expect(removed(BASE, BASE)).toEqual([]);
  });

  it("reordering within a section is not removal", () => {
    expect(
      removed(
        BASE,
        BASE.replace("- [ ] Backups tested\n- [ ] Runbook reviewed", "- [ ] Runbook reviewed\n- [ ] Backups tested"),
      ),
    ).toEqual([]);
  });

  it("ticking, re-ticking and changing bullets or whitespace or case is not removal", () => {
    const head = BASE.replace("- [ ] Backups tested", "* [X]   backups  TESTED").replace(
      "- [ ] Pager on",
      "1. [x] Pager on",
    );
    expect(removed(BASE, head)).toEqual([]);
    expect(removed(head, BASE)).toEqual([]);
  });

  it("a waived item keeps its identity (its struck-through text)", () => {
    expect(removed(BASE, BASE.replace("- [ ] Pager on", "- [x] ~~Pager on~~ N/A: no on-call yet"))).toEqual([]);
  });

  it("moving an item to another heading removes it from its old section", () => {
    const head = BASE.replace("- [ ] Backups tested\n", "").replace(
      "- [ ] Pager on",
      "- [ ] Pager on\n- [ ] Backups tested",
    );
    expect(removed(BASE, head)).toEqual([[5, "Backups tested"]]);
  });

  it("renaming a heading removes every item under it", () => {
    expect(removed(BASE, BASE.replace("## TASK 2", "## TASK 2b"))).toEqual([[10, "Pager on"]]);
  });

  it("editing an item's text counts as removed (and added)", () => {
    expect(removed(BASE, BASE.replace("Runbook reviewed", "Runbook skimmed"))).toEqual([[6, "Runbook reviewed"]]);
  });

  it("deleting the item is removal", () => {
    expect(removed(BASE, BASE.replace("- [ ] Pager on\n", ""))).toEqual([[10, "Pager on"]]);
  });

  it("duplicate texts are counted: dropping one of two is a removal", () => {
    const base = "## T\n- [ ] Metrics reviewed\n- [ ] Metrics reviewed\n";
    expect(removed(base, "## T\n- [ ] Metrics reviewed\n")).toEqual([[3, "Metrics reviewed"]]);
    expect(removed(base, base)).toEqual([]);
  });

  it("optional items are never reported as removed", () => {
    expect(removed("- [ ] Load test (optional)\n- [ ] a\n", "- [ ] a\n")).toEqual([]);
  });

  it("adding (optional) to a required item removes the required one", () => {
    expect(removed("- [ ] Load test\n", "- [ ] Load test (optional)\n")).toEqual([[1, "Load test"]]);
  });

  it("itemKey normalises Unicode compatibility forms and whitespace", () => {
    expect(itemKey({ headings: ["ＴＡＳＫ 1"], text: " Ａ  b " })).toBe(itemKey({ headings: ["TASK 1"], text: "a b" }));
  });

  it("a removed required item fails the gate even when every remaining item is done", () => {
    const base = parseGateDocument("- [x] a\n- [ ] b\n", "gate.md");
    const head = parseGateDocument("- [x] a\n", "gate.md");
    const verdict = evaluateGate(head, { base });
    expect(verdict.passed).toBe(false);
    expect(verdict.removed.map((i) => i.text)).toEqual(["b"]);
    expect(evaluateGate(head).passed).toBe(true);
  });
});
