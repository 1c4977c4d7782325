import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSnapshot } from "../../src/snapshot/parse.js";
import { inputErrorOf } from "../support/input-error.js";

const dir = join(import.meta.dirname, "../fixtures/snapshots");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort();
const read = (name: string) => readFileSync(join(dir, name), "utf8");

describe("snapshot schema", () => {
  it("accepts the fixture snapshots, consecutive weeks chained by previousWeek", () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    const snapshots = files.map((f) => parseSnapshot(read(f), f));
    for (let i = 1; i < snapshots.length; i++) {
      expect(snapshots[i]?.previousWeek).toBe(snapshots[i - 1]?.week.id);
    }
    expect(snapshots.map((s) => s.status.overall)).toEqual(["red", "yellow", "green"]);
  });

  it("names the file and line:column of a JSON syntax error", () => {
    const error = inputErrorOf(() => parseSnapshot('{\n  "schemaVersion": 1,\n  oops\n}', "snapshots/2026-W47.json"));
    expect(error.file).toBe("snapshots/2026-W47.json");
    expect(error.line).toBe(3);
    expect(error.format()).toMatch(/^snapshots\/2026-W47\.json:3:\d+: not valid JSON/);
  });

  it("reads a snapshot saved with a byte order mark, as the other JSON inputs are read", () => {
    const text = read(files[0] as string);
    expect(parseSnapshot(`\uFEFF${text}`, "w.json")).toEqual(parseSnapshot(text, "w.json"));
  });

  it("names the JSON path of an invalid value", () => {
    const data = JSON.parse(read(files[0] as string));
    data.issues.open[1].url = "javascript:alert(1)";
    const error = inputErrorOf(() => parseSnapshot(JSON.stringify(data), "w.json"));
    expect(error.message).toContain("issues.open[1].url");
    expect(error.message).toContain("http(s)");
  });

  it("keeps unknown as null and rejects 0-for-unknown shape errors like a missing field", () => {
    const data = JSON.parse(read(files[0] as string));
    data.downloads.total = null;
    expect(parseSnapshot(JSON.stringify(data), "w.json").downloads.total).toBeNull();
    delete data.downloads.total;
    expect(inputErrorOf(() => parseSnapshot(JSON.stringify(data), "w.json")).message).toContain("downloads.total");
  });

  it("rejects other schema versions with an upgrade hint", () => {
    const data = JSON.parse(read(files[0] as string));
    data.schemaVersion = 2;
    expect(inputErrorOf(() => parseSnapshot(JSON.stringify(data), "w.json")).format()).toContain("upgrade launchgate");
  });

  it("rejects week ids that are not ISO weeks", () => {
    const data = JSON.parse(read(files[0] as string));
    data.week.id = "2026-W54";
    expect(inputErrorOf(() => parseSnapshot(JSON.stringify(data), "w.json")).message).toContain("week.id");
    // 2026 has a W53, 2027 does not: a W53 of a 52-week year would crash whatever counts weeks from it.
    data.week.id = "2027-W53";
    expect(inputErrorOf(() => parseSnapshot(JSON.stringify(data), "w.json")).message).toContain("week.id");
    data.week.id = "2026-W53";
    data.previousWeek = "2025-W53";
    expect(inputErrorOf(() => parseSnapshot(JSON.stringify(data), "w.json")).message).toContain("previousWeek");
    data.previousWeek = "2026-W52";
    expect(parseSnapshot(JSON.stringify(data), "w.json").week.id).toBe("2026-W53");
  });
});
