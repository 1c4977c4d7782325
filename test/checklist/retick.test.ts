import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseChecklist } from "../../src/checklist/parse.js";
import { retick } from "../../src/checklist/retick.js";

const ROOT = join(import.meta.dirname, "../..");
const documents = [
  ...readdirSync(join(ROOT, "templates/gates"))
    .filter((n) => n.endsWith(".md"))
    .map((n) => readFileSync(join(ROOT, "templates/gates", n), "utf8")),
  ...readdirSync(join(ROOT, "test/fixtures/checklist/corpus")).map((n) =>
    readFileSync(join(ROOT, "test/fixtures/checklist/corpus", n), "utf8"),
  ),
  "- [ ] a\n- [x] ~~b~~ N/A: not needed\n- [ ] ~~c~~\n  - [ ] nested @alice\n1. [ ] ordered\n> - [ ] quoted\n",
];

/** Every `[ ]`, `[x]`, `[X]` in the text: the places a tick could change. */
function brackets(text: string): number[] {
  const at: number[] = [];
  for (let i = 0; i + 2 < text.length; i++) {
    if (text[i] === "[" && " xX".includes(text[i + 1] ?? "") && text[i + 2] === "]") at.push(i + 1);
  }
  return at;
}

describe("retick: a version that only ticks boxes reuses the previous parse", () => {
  it("gives exactly the items of a full parse, or null", () => {
    let reused = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...documents.keys()),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.constantFrom(" ", "x", "X", "y"),
        (docIndex, picks, mark) => {
          const before = documents[docIndex] as string;
          const places = brackets(before);
          if (places.length === 0) return;
          const chars = [...before];
          for (const pick of picks) chars[places[pick % places.length] as number] = mark;
          const after = chars.join("");
          const doc = parseChecklist(before, "gate.md", { frontMatter: false });
          const fast = retick({ text: before, doc }, after);
          if (fast === null) return;
          reused++;
          expect(fast).toEqual(parseChecklist(after, "gate.md", { frontMatter: false }));
        },
      ),
      { numRuns: 300, seed: 7 },
    );
    // Most random ticks of real gate documents are plain tick changes.
    expect(reused).toBeGreaterThan(150);
  });

  it("recomputes waivers and refuses edits that are not ticks", () => {
    const before = "- [ ] ~~Freeze~~ N/A: SaaS\n- [ ] ~~Dark launch~~\n- [ ] Plain\n";
    const doc = parseChecklist(before, "g.md");
    const after = before.replaceAll("[ ]", "[x]");
    expect(retick({ text: before, doc }, after)?.items.map((i) => [i.waived, i.waiverMissingReason])).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
    expect(retick({ text: before, doc }, before.replace("Plain", "Plaim"))).toBeNull();
    expect(retick({ text: before, doc }, before.replace("[ ] Plain", "[y] Plain"))).toBeNull();
    expect(retick({ text: before, doc }, `${before}x`)).toBeNull();
  });
});
