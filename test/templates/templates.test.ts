import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readGateDocument } from "../../src/gates/document.js";
import { evaluateGate } from "../../src/gates/evaluate.js";

const dir = join(import.meta.dirname, "../../templates/gates");
const files = readdirSync(dir).filter((name) => name.endsWith(".md"));
const read = (name: string) => readGateDocument(readFileSync(join(dir, name)), `templates/gates/${name}`);

describe("gate templates", () => {
  it("ships the five gates, and nothing else that `npm start` would check", () => {
    expect(files.sort()).toEqual([
      "hotfix.md",
      "launch-deliverables.md",
      "launch-go-no-go.md",
      "production-go-live.md",
      "stabilization-handoff.md",
    ]);
  });

  it.each(files)("%s has front matter naming the gate after its file, and a title", (name) => {
    const doc = read(name);
    expect(doc.frontMatter?.gate).toBe(name.replace(/\.md$/, ""));
    expect(doc.frontMatter?.title).toMatch(/\S/);
    expect(doc.frontMatter?.approvers?.length).toBeGreaterThan(0);
  });

  it.each(files)("%s is an untouched gate: required items, nothing ticked, so it fails", (name) => {
    const doc = read(name);
    const verdict = evaluateGate(doc);
    expect(verdict.required).toBeGreaterThan(0);
    expect(doc.items.filter((i) => i.checked)).toEqual([]);
    expect(verdict.passed).toBe(false);
    expect(verdict.blocking).toHaveLength(verdict.required);
  });

  it.each(files)("%s has no owner mentions in items and no duplicate item in a section", (name) => {
    const items = read(name).items;
    expect(items.flatMap((i) => i.owners)).toEqual([]);
    const keys = items.map((i) => `${i.headings.join(" › ")} › ${i.text}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("gives every gate a distinct id", () => {
    const ids = files.map((name) => read(name).frontMatter?.gate);
    expect(new Set(ids).size).toBe(files.length);
  });
});

describe("production go-live template", () => {
  const doc = read("production-go-live.md");
  const tasks = evaluateGate(doc).tasks;

  it("has exactly TASK 5.1–5.6 and a completion section as its tasks", () => {
    expect(tasks.map((t) => t.heading.split(" — ")[0])).toEqual([
      "TASK 5.1",
      "TASK 5.2",
      "TASK 5.3",
      "TASK 5.4",
      "TASK 5.5",
      "TASK 5.6",
      "Phase 5 Completion",
    ]);
  });

  it("keeps the completion items out of TASK 5.6 (the seed nested them under it)", () => {
    const completion = doc.items.filter((i) => i.text === "Production stable");
    expect(completion.map((i) => i.headings)).toEqual([["Phase 5 Completion"]]);
  });

  it("has the seed's item count in every section", () => {
    // Counted by hand from ../shared/seeds/phase5-task-list-gate5.md (Gate 5 task list).
    const seedCounts: Record<string, number> = {
      "TASK 5.1 › Readiness Policy": 5,
      "TASK 5.1 › System Checks": 5,
      "TASK 5.1 › Verification": 2,
      "TASK 5.2 › Policy": 2,
      "TASK 5.2 › Configuration": 4,
      "TASK 5.2 › Verification": 2,
      "TASK 5.3 › Traffic Strategy": 3,
      "TASK 5.3 › Execution": 7,
      "TASK 5.3 › Verification": 3,
      "TASK 5.4 › Rollback Design": 3,
      "TASK 5.4 › Execution": 3,
      "TASK 5.4 › Verification": 2,
      "TASK 5.5 › Monitoring Policy": 2,
      "TASK 5.5 › Operational Execution": 4,
      "TASK 5.5 › Verification": 2,
      "TASK 5.6 › Review": 3,
      "TASK 5.6 › Documentation": 3,
      "TASK 5.6 › Verification": 2,
      "Phase 5 Completion": 3,
    };
    const counts: Record<string, number> = {};
    for (const item of doc.items) {
      const key = [item.headings[0]?.split(" — ")[0], ...item.headings.slice(1)].join(" › ");
      counts[key] = (counts[key] ?? 0) + 1;
    }
    expect(counts).toEqual(seedCounts);
    expect(tasks.map((t) => t.total)).toEqual([12, 8, 13, 8, 8, 8, 3]);
  });

  it("carries the seed's ramp steps", () => {
    expect(doc.items.map((i) => i.text)).toContain("Ramp strategy defined (0% → 10% → 50% → 100%)");
  });
});

describe("optional items", () => {
  it("are marked in the templates where a step does not apply to every team", () => {
    const optional = files.flatMap((name) => read(name).items.filter((i) => i.optional));
    expect(optional.length).toBeGreaterThan(0);
    expect(read("production-go-live.md").items.some((i) => i.optional)).toBe(false);
  });
});
