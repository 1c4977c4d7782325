import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { checkFileWeek } from "../../src/snapshot/file-week.js";
import { parseSnapshot } from "../../src/snapshot/parse.js";

const file = "test/fixtures/snapshots/2026-W47.json";
const w47 = parseSnapshot(readFileSync(file, "utf8"), file);

describe("checkFileWeek", () => {
  it("passes a snapshot stored under its own week", () => {
    expect(checkFileWeek(w47, "2026-W47", "snapshots/2026-W47.json")).toBe(w47);
  });

  it("refuses a snapshot stored under another week, naming the file, both weeks and the fix", () => {
    let error: unknown;
    try {
      checkFileWeek(w47, "2026-W46", "snapshots/2026-W46.json");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).format()).toBe(
      "snapshots/2026-W46.json: week.id: 2026-W47 but the file is named for 2026-W46 — " +
        "rename it to 2026-W47.json, or regenerate 2026-W46 with launchgate report",
    );
  });
});
