import { describe, expect, it } from "vitest";
import { runReport } from "../../src/pipeline/report.js";
import type { Snapshot } from "../../src/snapshot/schema.js";
import { config, issue, sources } from "./helpers.js";

/**
 * The week before is read for the deltas only (downloads, stars, metrics): of a stored snapshot
 * the run keeps just those fields, not its issue and breach lists (tens of MiB at 100,000 issues).
 */
describe("the stored week before, as the deltas read it", () => {
  it("gives the deltas and keeps nothing else of the stored snapshot", async () => {
    const c = config();
    const now = new Date("2026-11-25T12:00:00Z");
    const { notes: _notes, ...rest } = sources({ issues: [issue(1, { labels: ["P1"] })], stars: 12 });
    const run = (store: Parameters<typeof runReport>[0]["store"]) =>
      runReport({ sources: rest, notes: async () => null, weekId: "2026-W48", now, backfill: false, store, config: c });
    const first = await runReport({
      sources: rest,
      notes: async () => null,
      weekId: "2026-W47",
      now: new Date("2026-11-18T12:00:00Z"),
      backfill: false,
      store: { weeks: new Set(), read: async () => null },
      config: c,
    });
    const stored: Snapshot = { ...first.snapshot, stars: { total: 10, delta: null } };
    expect(stored.issues.open.length).toBeGreaterThan(0);
    const out = await run({ weeks: new Set(["2026-W47"]), read: async (w) => (w === "2026-W47" ? stored : null) });
    expect(out.snapshot.previousWeek).toBe("2026-W47");
    expect(out.snapshot.stars).toEqual({ total: 12, delta: 2 });
    expect(Object.keys(out.previous ?? {}).sort()).toEqual(["downloads", "metrics", "stars", "week"]);
  });
});
