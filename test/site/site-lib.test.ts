import { describe, expect, it } from "vitest";
import { lineChart } from "../../site/src/lib/charts.js";
import { metricName } from "../../site/src/lib/format.js";
import { percentChange } from "../../site/src/lib/report.js";
import { gateSlugs } from "../../site/src/lib/slug.js";
import { staleness } from "../../site/src/lib/stale.js";
import type { Snapshot } from "../../src/snapshot/schema.js";

describe("gateSlugs", () => {
  it("makes untrusted gate ids path-safe and unique", () => {
    expect(gateSlugs(["go-live", "../../<script>x</script>", "Go Live", "go-live", ""])).toEqual([
      "go-live",
      "script-x-script",
      "go-live-2",
      "go-live-3",
      "gate-5",
    ]);
  });
});

describe("staleness", () => {
  const snapshot = { schedule: { cadenceDays: 7, staleAfter: "2026-12-05T22:00:00Z" } } as Snapshot;

  it("is fresh up to the deadline and stale after it", () => {
    expect(staleness(snapshot, new Date("2026-12-05T22:00:00Z"))).toEqual({ stale: false, hoursLate: 0 });
    expect(staleness(snapshot, new Date("2026-12-07T01:30:00Z"))).toEqual({ stale: true, hoursLate: 27 });
  });
});

describe("lineChart", () => {
  const chart = lineChart(["W1", "W2", "W3"], [{ name: "P1", values: [0, null, 10] }], [{ name: "Target", value: 5 }], {
    width: 300,
    height: 200,
  });

  it("maps 0 to the bottom of the plot and the maximum to the top", () => {
    const [first, last] = chart.lines[0]?.points ?? [];
    expect(first?.y).toBe(chart.plot.bottom);
    expect(last?.y).toBe(chart.plot.top);
    expect(chart.targets[0]?.y).toBe((chart.plot.bottom + chart.plot.top) / 2);
  });

  it("leaves a gap for unknown values instead of drawing them as 0", () => {
    expect(chart.lines[0]?.points).toHaveLength(2);
    expect(chart.lines[0]?.d.match(/M/g)).toHaveLength(2);
  });

  it("keeps the x labels in week order", () => {
    expect(chart.xTicks.map((t) => t.label)).toEqual(["W1", "W2", "W3"]);
    const many = lineChart(
      Array.from({ length: 20 }, (_, i) => `W${i + 1}`),
      [],
    );
    expect(many.xTicks.map((t) => t.label)).toEqual(["W2", "W5", "W8", "W11", "W14", "W17", "W20"]);
    expect(chart.xTicks.map((t) => t.x)).toEqual([...chart.xTicks.map((t) => t.x)].sort((a, b) => a - b));
  });

  it("leaves room for the newest week's label at the right edge, however many weeks", () => {
    // A week id is about 55 units wide at the chart's 12 px font, centred on its point; with 150
    // weeks the newest point sat 16 units from the edge and its label was cut to "2027-W4".
    for (const weeks of [1, 3, 150]) {
      const labels = Array.from({ length: weeks }, (_, i) => `W${i}`);
      const last = lineChart(labels, []).xTicks.at(-1);
      expect(last?.label).toBe(labels.at(-1));
      expect(720 - (last?.x ?? 720)).toBeGreaterThanOrEqual(32);
    }
  });

  it("labels the y axis from 0 to 1 when every value is 0 or unknown", () => {
    // Zero open P0s every week is the usual case; the axis read 0.0000000000 … 0.0000000010.
    for (const values of [
      [0, 0],
      [null, null],
    ]) {
      const flat = lineChart(["W1", "W2"], [{ name: "P0", values }]);
      expect(flat.yTicks.map((t) => t.label)).toEqual(["0", "1"]);
    }
  });

  it("gives counts whole-number ticks and rates decimal ones", () => {
    expect(lineChart(["W1"], [{ name: "P2", values: [3] }]).yTicks.map((t) => t.label)).toEqual(["0", "1", "2", "3"]);
    const rate = lineChart(["W1"], [{ name: "Crash rate", values: [0.3] }], [{ name: "Target", value: 0.1 }]);
    expect(rate.yTicks.map((t) => t.label)).toEqual(["0.00", "0.05", "0.10", "0.15", "0.20", "0.25", "0.30"]);
  });

  it("keeps negative values inside the plot", () => {
    const signed = lineChart(["W1", "W2"], [{ name: "NPS", values: [-5, 3] }]);
    for (const p of signed.lines[0]?.points ?? []) {
      expect(p.y).toBeGreaterThanOrEqual(signed.plot.top);
      expect(p.y).toBeLessThanOrEqual(signed.plot.bottom);
    }
  });
});

describe("metricName", () => {
  it("names known metrics and shows any other name as text, even one like an Object member", () => {
    expect(metricName("error_rate")).toBe("Error rate");
    expect(metricName("p95_latency_ms")).toBe("p95 latency ms");
    expect(metricName("constructor")).toBe("constructor");
    expect(metricName("__proto__")).toBe("  proto  ");
  });
});

describe("percentChange", () => {
  it("is unknown when either week is unknown or the base is 0", () => {
    expect(percentChange(150, 100)).toBe(50);
    expect(percentChange(null, 100)).toBeNull();
    expect(percentChange(10, 0)).toBeNull();
  });
});
