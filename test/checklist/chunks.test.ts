import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { candidatePieces } from "../../src/checklist/chunks.js";
import { parseChecklist } from "../../src/checklist/parse.js";
import { assertCmarkGfmInstalled, githubCheckboxes } from "./cmark-gfm.js";

/**
 * Long documents are parsed in pieces (src/checklist/chunks.ts). These documents are long enough
 * to be cut, and each holds constructs that run across a candidate cut: fenced code and HTML
 * comments spanning a `#` heading, and (once) a link definition. The checkboxes must still be
 * exactly cmark-gfm's, and the item texts those of a whole-document parse.
 */
const section = (i: number, block: string) =>
  [
    `# TASK ${i}`,
    "",
    `## Section ${i}`,
    "",
    ...Array.from(
      { length: 40 },
      (_, j) => `- [${(i + j) % 3 === 0 ? "x" : " "}] Item ${i}.${j} with some words @alice`,
    ),
    "",
    block,
    "",
  ].join("\n");

const blocks = {
  plain: "Some prose between sections.",
  fenceAcrossHeading: "```\n- [ ] inside a fence\n\n# not a heading\n\n- [x] still code\n```",
  unclosedFence: "~~~\n- [ ] code to the end of the next piece\n\n# TASK inside code",
  commentAcrossHeading: "<!--\n- [ ] commented out\n\n# hidden heading\n\n- [x] also hidden\n-->",
  quote: "> - [ ] quoted item\n> - [x] quoted ticked",
  table: "| a | b |\n| - | - |\n| - [ ] cell | x |",
};

function documentOf(kinds: (keyof typeof blocks)[]): string {
  return kinds.map((kind, i) => section(i, blocks[kind])).join("\n");
}

beforeAll(() => assertCmarkGfmInstalled());

describe("parsing long documents in pieces", () => {
  it("cuts long documents into several pieces at headings after a blank line", () => {
    const text = documentOf(Array.from({ length: 16 }, () => "plain" as const));
    const pieces = candidatePieces(text);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.map((p) => p.text).join("")).toBe(text);
    for (const piece of pieces.slice(1)) expect(piece.text.startsWith("# TASK")).toBe(true);
  });

  it("finds exactly cmark-gfm's checkboxes across every kind of cut", async () => {
    const kinds = Object.keys(blocks) as (keyof typeof blocks)[];
    const docs = fc.sample(fc.array(fc.constantFrom(...kinds), { minLength: 12, maxLength: 24 }), {
      numRuns: 25,
      seed: 4242,
    });
    const texts = docs.map(documentOf);
    expect(texts.every((t) => candidatePieces(t).length > 1)).toBe(true);
    // One cmark-gfm run per document: the batched helper separates documents with an HTML comment,
    // which the comment blocks here would swallow.
    const expected = await Promise.all(texts.map((t) => githubCheckboxes(t)));
    texts.forEach((text, i) => {
      const ours = parseChecklist(text, "doc.md", { frontMatter: false }).items.map((it) => ({
        line: it.line,
        checked: it.checked,
      }));
      expect(ours, `document ${i}: ${docs[i]?.join(", ")}`).toEqual(expected[i]);
    });
  });

  it("reads a link defined in one piece and used in another like a whole-document parse", () => {
    const text = `${documentOf(["plain", "plain", "plain"])}\n- [ ] See [the runbook][rb]\n\n${documentOf(["plain", "plain", "plain"])}\n[rb]: https://example.com/runbook\n`;
    const item = parseChecklist(text, "doc.md").items.find((i) => i.text.startsWith("See"));
    expect(item?.text).toBe("See the runbook");
  });
});
