import { describe, expect, it } from "vitest";
import { parseMetrics } from "../../src/metrics/parse.js";
import { buildWeekSnapshot } from "../../src/pipeline/week-snapshot.js";
import { config, sources } from "./helpers.js";

/** Trends show the week's worst sample, so the spike behind a rollback is visible. */
describe("a metric's worst sample in the week", () => {
  const csv = [
    "metric,at,value",
    "error_rate,2026-11-16T10:00:00Z,2",
    "error_rate,2026-11-18T10:00:00Z,12",
    "error_rate,2026-11-22T10:00:00Z,3",
    // After the week (W47 ends Monday 2026-11-23 05:00Z in New York): not this week's.
    "error_rate,2026-11-23T06:00:00Z,40",
    "uptime,2026-11-17T10:00:00Z,99",
    "uptime,2026-11-19T10:00:00Z,85",
    "uptime,2026-11-21T10:00:00Z,99.5",
    "signups,2026-11-19T10:00:00Z,7",
  ].join("\n");
  const snapshot = buildWeekSnapshot(
    sources({ metrics: parseMetrics(csv, "m.csv") }),
    { weekId: "2026-W47", now: new Date("2026-11-30T00:00:00Z"), previous: null, backfilled: false },
    config(),
  );
  const metric = (name: string) => snapshot.metrics.find((m) => m.name === name);

  it("is the peak of a metric that must stay low, beside the latest value", () => {
    expect(metric("error_rate")).toMatchObject({ value: 3, worst: 12 });
  });

  it("is the lowest of a metric that must stay high", () => {
    expect(metric("uptime")).toMatchObject({ value: 99.5, worst: 85 });
  });

  it("is null without a direction or without samples", () => {
    expect(metric("signups")).toMatchObject({ value: 7, worst: null });
    expect(metric("crash_rate")).toMatchObject({ value: null, worst: null });
  });
});

describe("a week of many samples", () => {
  it("finds the worst of 200,000 samples (one argument each would overflow the stack)", () => {
    const start = Date.parse("2026-11-16T10:00:00Z");
    const rows = Array.from({ length: 200_000 }, (_, i) => {
      const at = new Date(start + i * 2000).toISOString();
      return `error_rate,${at},${i === 123_456 ? 55 : 1}`;
    });
    const snapshot = buildWeekSnapshot(
      sources({ metrics: parseMetrics(["metric,at,value", ...rows].join("\n"), "m.csv") }),
      { weekId: "2026-W47", now: new Date("2026-11-30T00:00:00Z"), previous: null, backfilled: false },
      config(),
    );
    expect(snapshot.metrics.find((m) => m.name === "error_rate")).toMatchObject({ value: 1, worst: 55 });
  });
});
