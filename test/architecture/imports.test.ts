import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";

// The layering, read from the source: the pure core never imports an adapter, and no module
// imports itself back through others. Every import counts: static, dynamic, `import type` and
// `export … from`, since each ties one module's meaning to another's.
const src = join(import.meta.dirname, "../../src");

/** The adapters: they read inputs and write outputs; entry points (src/index.ts, src/cli.ts) start them. */
const ADAPTERS = ["action", "cli", "init"];
const ENTRY_POINTS = ["index.ts", "cli.ts"];

/**
 * The specifiers a module imports: `import … from`, `export … from`, `import "…"` and `import("…")`.
 * Whole-line comments are dropped first, so a doc comment quoting an import is not one.
 */
function importSpecifiers(text: string): string[] {
  const code = text
    .split("\n")
    .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
    .join("\n");
  const patterns = [
    /\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /^\s*import\s*["']([^"']+)["']/gm,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[1] as string));
}

/** Each module (path under src/, with .ts) and the src modules it imports. */
function importGraph(): Map<string, string[]> {
  const modules = readdirSync(src, { recursive: true, encoding: "utf8" })
    .map((name) => name.replaceAll("\\", "/"))
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts"));
  const graph = new Map<string, string[]>();
  for (const module of modules) {
    const targets = importSpecifiers(readFileSync(join(src, module), "utf8"))
      .filter((name) => name.startsWith("."))
      .map((name) =>
        normalize(join(dirname(module), name))
          .replaceAll("\\", "/")
          .replace(/\.js$/, ".ts"),
      );
    graph.set(module, [...new Set(targets)]);
  }
  return graph;
}

const folderOf = (module: string) => (module.includes("/") ? module.slice(0, module.indexOf("/")) : "");

/**
 * `a.ts -> b.ts` for each import into an adapter from outside it: from the core, or from another
 * adapter (the Action and the CLI share the pipelines, never each other), except the CLI's use of
 * init, whose `init` and `doctor` commands it runs.
 */
function adapterImports(graph: Map<string, string[]>): string[] {
  const allowed = (from: string, to: string) => from === to || (from === "cli" && to === "init");
  return [...graph].flatMap(([module, targets]) =>
    ENTRY_POINTS.includes(module)
      ? []
      : targets
          .filter((t) => ADAPTERS.includes(folderOf(t)) && !allowed(folderOf(module), folderOf(t)))
          .map((t) => `${module} -> ${t}`),
  );
}

/** Every strongly connected group of two or more modules (Tarjan), each as a sorted list. */
function importCycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (module: string) => {
    index.set(module, index.size);
    low.set(module, index.get(module) as number);
    stack.push(module);
    onStack.add(module);
    for (const target of graph.get(module) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(module, Math.min(low.get(module) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(module, Math.min(low.get(module) as number, index.get(target) as number));
      }
    }
    if (low.get(module) !== index.get(module)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      group.push(member);
    } while (member !== module);
    if (group.length > 1 || (graph.get(module) ?? []).includes(module)) cycles.push(group.sort());
  };
  for (const module of graph.keys()) if (!index.has(module)) visit(module);
  return cycles;
}

/** The graph between folders (a module at the top of src/ is its own): `a -> b` when a module of `a` imports one of `b`. */
function folderGraph(graph: Map<string, string[]>): Map<string, string[]> {
  const folder = (module: string) => folderOf(module) || module;
  const folders = new Map<string, Set<string>>();
  for (const [module, targets] of graph) {
    const from = folder(module);
    const into = folders.get(from) ?? new Set<string>();
    for (const target of targets) if (folder(target) !== from) into.add(folder(target));
    folders.set(from, into);
  }
  return new Map([...folders].map(([from, into]) => [from, [...into]]));
}

describe("the source's layers", () => {
  const graph = importGraph();

  it("reads every module and resolves every relative import to one", () => {
    expect(graph.size).toBeGreaterThan(150);
    const unresolved = [...graph].flatMap(([module, targets]) =>
      targets.filter((t) => !graph.has(t) && !t.endsWith(".d.ts")).map((t) => `${module} -> ${t}`),
    );
    expect(unresolved).toEqual([]);
  });

  it("keeps the core out of the adapters: nothing outside src/{action,cli,init} imports them, nor one the other", () => {
    expect(adapterImports(graph)).toEqual([]);
  });

  it("has no import cycle between modules", () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it("has no import cycle between folders", () => {
    expect(importCycles(folderGraph(graph))).toEqual([]);
  });

  // The checks themselves, on made-up graphs: each must catch what it is for and pass the honest variant.
  it("catches a core module or another adapter importing an adapter, and lets an adapter import itself and the core", () => {
    const offending = new Map([
      ["triage/evaluate.ts", ["cli/io.ts"]],
      ["init/doctor.ts", ["action/event-modes.ts"]],
      ["action/main.ts", ["cli/io.ts"]],
    ]);
    expect(adapterImports(offending)).toEqual([
      "triage/evaluate.ts -> cli/io.ts",
      "init/doctor.ts -> action/event-modes.ts",
      "action/main.ts -> cli/io.ts",
    ]);
    const honest = new Map([
      ["cli/commands/triage.ts", ["triage/evaluate.ts", "cli/io.ts"]],
      ["cli/commands/doctor.ts", ["init/doctor.ts"]],
      ["action/main.ts", ["action/context.ts", "event-modes.ts"]],
      ["cli.ts", ["cli/start.ts"]],
      ["triage/evaluate.ts", ["time/zone.ts"]],
    ]);
    expect(adapterImports(honest)).toEqual([]);
  });

  it("reads static, type-only, re-exported, side-effect and dynamic imports, and no commented-out one", () => {
    const text = [
      'import { a } from "./a.js";',
      'import type {\n  B,\n} from "../b.js";',
      'export { c } from "./c.js";',
      'import "./d.js";',
      'const e = () => import("./e.js");',
      '// import { f } from "./f.js";',
      ' * import("./g.js") in a doc comment',
    ].join("\n");
    expect(importSpecifiers(text)).toEqual(["./a.js", "../b.js", "./c.js", "./e.js", "./d.js"]);
  });

  it("sees a cycle between folders that no two modules close alone", () => {
    const graph = new Map([
      ["report/build.ts", ["pipeline/triage.ts"]],
      ["pipeline/triage.ts", ["triage/evaluate.ts"]],
      ["pipeline/report.ts", ["report/markdown.ts"]],
      ["report/markdown.ts", ["errors.ts"]],
      ["triage/evaluate.ts", ["errors.ts"]],
      ["errors.ts", []],
    ]);
    expect(importCycles(graph)).toEqual([]);
    expect(importCycles(folderGraph(graph))).toEqual([["pipeline", "report"]]);
  });

  it("catches a cycle of any length, and passes a diamond (two paths to one module)", () => {
    const cyclic = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(importCycles(cyclic)).toEqual([["a.ts", "b.ts", "c.ts"]]);
    expect(importCycles(new Map([["self.ts", ["self.ts"]]]))).toEqual([["self.ts"]]);
    const diamond = new Map([
      ["a.ts", ["b.ts", "c.ts"]],
      ["b.ts", ["d.ts"]],
      ["c.ts", ["d.ts"]],
      ["d.ts", []],
    ]);
    expect(importCycles(diamond)).toEqual([]);
  });
});
