import { describe, expect, it } from "vitest";
import { parseGateDocument } from "../../src/gates/document.js";
import { evaluateGate } from "../../src/gates/evaluate.js";
import { checkResultSchema, toCheckFileResult, toCheckResult } from "../../src/gates/result.js";
import { taskProgress } from "../../src/gates/tasks.js";

const gate = (md: string, path = "gates/go-live.md") => parseGateDocument(md, path);
const verdict = (md: string) => evaluateGate(gate(md));

describe("evaluateGate", () => {
  it("passes only when every required item is ticked", () => {
    expect(verdict("- [x] a\n- [X] b\n").passed).toBe(true);
    expect(verdict("- [x] a\n- [ ] b\n").passed).toBe(false);
  });

  it("optional items never block", () => {
    const v = verdict("- [x] a\n- [ ] b (optional)\n");
    expect(v).toMatchObject({ passed: true, total: 2, done: 1, required: 1, requiredDone: 1, blocking: [] });
  });

  it("a waiver with an N/A reason counts as done", () => {
    expect(verdict("- [x] ~~Freeze~~ N/A: no freeze for SaaS\n- [x] b\n").passed).toBe(true);
  });

  it("a waiver without a reason blocks", () => {
    const v = verdict("- [x] ~~Freeze~~\n- [x] b\n");
    expect(v.passed).toBe(false);
    expect(v.blocking.map((b) => [b.item.line, b.reason])).toEqual([[1, "waiver-without-reason"]]);
    expect(v.requiredDone).toBe(1);
  });

  it("lists unticked items as blocking, in document order", () => {
    const v = verdict("- [ ] a\n- [x] b\n  - [ ] c\n");
    expect(v.blocking.map((b) => [b.item.line, b.reason, b.item.text])).toEqual([
      [1, "unticked", "a"],
      [3, "unticked", "c"],
    ]);
  });

  it("an unverified sign-off blocks with its explanation", () => {
    const doc = gate("- [x] Sign-off @alice\n");
    const v = evaluateGate(doc, { unverified: new Map([[1, "ticked by @mallory, not @alice"]]) });
    expect(v.passed).toBe(false);
    expect(v.blocking[0]).toMatchObject({ reason: "unverified", detail: "ticked by @mallory, not @alice" });
    expect(v.done).toBe(0);
  });

  it("takes id and title from front matter, else from the path and first heading", () => {
    expect(verdict("---\ngate: g1\ntitle: Go-live\n---\n# H\n- [ ] a\n")).toMatchObject({ id: "g1", title: "Go-live" });
    expect(verdict("# Production go-live\n- [ ] a\n")).toMatchObject({ id: "go-live", title: "Production go-live" });
    expect(verdict("- [ ] a\n")).toMatchObject({ id: "go-live", title: "gates/go-live.md" });
  });

  it("the JSON result of a file carries per-item blocking reasons and never passes without files", () => {
    const doc = gate("- [x] a\n- [ ] b @bob\n");
    const file = toCheckFileResult(doc, evaluateGate(doc), null);
    expect(file.items.map((i) => [i.line, i.blocking, i.owners])).toEqual([
      [1, null, []],
      [2, "unticked", ["bob"]],
    ]);
    expect(toCheckResult([]).passed).toBe(false);
    expect(toCheckResult([file]).passed).toBe(false);
  });
});

describe("per-task totals", () => {
  const GATE = [
    "# Production go-live",
    "",
    "## TASK 5.1 — Freeze",
    "- [x] a",
    "- [ ] b",
    "- [x] c (optional)",
    "",
    "### Details",
    "- [x] d",
    "",
    "## TASK 5.2 — Launch",
    "- [x] ~~e~~ N/A: not needed",
    "- [ ] f (optional)",
    "",
  ].join("\n");

  it("a single title heading holding every item: tasks are the level below it, subsections fold in", () => {
    expect(verdict(GATE).tasks).toEqual([
      { heading: "TASK 5.1 — Freeze", total: 4, done: 3, required: 3, requiredDone: 2 },
      { heading: "TASK 5.2 — Launch", total: 2, done: 1, required: 1, requiredDone: 1 },
    ]);
  });

  it("without a common title, the outermost headings are the tasks", () => {
    expect(verdict("# A\n- [x] a\n## A.1\n- [ ] b\n# B\n- [ ] c\n").tasks.map((t) => [t.heading, t.total])).toEqual([
      ["A", 2],
      ["B", 1],
    ]);
  });

  it("a single heading with no sub-headings is itself the task", () => {
    expect(verdict("# Only\n- [x] a\n- [ ] b\n").tasks).toEqual([
      { heading: "Only", total: 2, done: 1, required: 2, requiredDone: 1 },
    ]);
  });

  it("items above every heading go to (no heading)", () => {
    expect(verdict("- [ ] a\n# H\n- [ ] b\n").tasks.map((t) => t.heading)).toEqual(["(no heading)", "H"]);
  });

  it("counts done with the given rule", () => {
    const items = gate("- [x] a\n- [x] b\n").items;
    expect(taskProgress(items, (i) => i.text === "a")[0]).toMatchObject({ done: 1, requiredDone: 1 });
  });
});

describe("check result JSON written before sign-off fields existed", () => {
  it("still parses: signoff defaults to null, signoffChecked to false", () => {
    const old = {
      passed: true,
      files: [
        {
          path: "g.md",
          basePath: null,
          gate: { id: "g", title: "G" },
          passed: true,
          ...{ total: 1, done: 1, required: 1, requiredDone: 1, tasks: [], removed: [] },
          items: [
            {
              ...{ line: 1, checked: true, text: "x @a", headings: [], owners: ["a"], optional: false },
              ...{ waived: false, waiverReason: null, depth: 0, parent: null, blocking: null },
            },
          ],
        },
      ],
    };
    const parsed = checkResultSchema.parse(old);
    expect(parsed.files[0]).toMatchObject({ signoffChecked: false, items: [{ signoff: null }] });
  });
});
