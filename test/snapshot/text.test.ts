import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSnapshot } from "../../src/snapshot/parse.js";
import { snapshotText } from "../../src/snapshot/text.js";

const dir = join(import.meta.dirname, "../fixtures/snapshots");
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => parseSnapshot(readFileSync(join(dir, f), "utf8"), f));

describe("snapshotText: a snapshot file's text", () => {
  it("reads back as the same snapshot, one object per line in lists of objects", () => {
    expect(fixtures.length).toBeGreaterThan(0);
    for (const snapshot of fixtures) {
      const text = snapshotText(snapshot);
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(snapshot)));
      expect(parseSnapshot(text, "text")).toEqual(snapshot);
      expect(text.endsWith("}\n")).toBe(true);
      // Every open issue is one line of its own, whole.
      const lines = text.split("\n");
      for (const issue of snapshot.issues.open)
        expect(lines).toContain(`      ${JSON.stringify(issue)}${issue === snapshot.issues.open.at(-1) ? "" : ","}`);
      expect(text.length).toBeLessThan(JSON.stringify(snapshot, null, 2).length);
    }
  });

  it("writes any JSON value so that JSON.parse gives it back (nesting, empty lists and objects, escapes)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = snapshotText(value as never);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value) ?? "null"));
      }),
      { numRuns: 500, seed: 1619 },
    );
  });
});
