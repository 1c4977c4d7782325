import type { Nodes, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visitParents } from "unist-util-visit-parents";
import { describe, expect, it } from "vitest";
import { walk } from "../../src/checklist/walk.js";

const tree = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .parse("# A\n\n- [ ] one *em*\n  - [x] two\n\n> - quoted `code`\n\n| a |\n| - |\n| b |\n") as Root;

const label = (node: Nodes, ancestors: Nodes[]) =>
  `${ancestors.map((a) => a.type).join("/")}>${node.type}@${node.position?.start.line}:${node.position?.start.column}`;

describe("walk", () => {
  it("visits the same nodes with the same ancestors, in the same order, as unist-util-visit-parents", () => {
    const expected: string[] = [];
    visitParents(tree, (node, ancestors) => {
      expected.push(label(node as Nodes, ancestors as Nodes[]));
    });
    const seen: string[] = [];
    walk(tree, (node, ancestors) => {
      seen.push(label(node, ancestors));
      return undefined;
    });
    expect(seen).toEqual(expected);
    expect(seen).toContain("root/list/listItem/paragraph>emphasis@3:11");
  });

  it("does not enter a skipped node, and stops at exit", () => {
    const seen: string[] = [];
    walk(tree, (node) => {
      seen.push(node.type);
      if (node.type === "list" && node.position?.start.line === 3) return "skip";
      return node.type === "inlineCode" ? "exit" : undefined;
    });
    expect(seen.filter((type) => type === "listItem")).toHaveLength(1);
    expect(seen.at(-1)).toBe("inlineCode");
    expect(seen).not.toContain("table");
  });
});
