import { describe, expect, it } from "vitest";
import { evaluate, issue, series } from "./build.js";

const part = (result: ReturnType<typeof evaluate>, id: string) => result.readinessParts.find((p) => p.id === id);

describe("readiness score", () => {
  it("with nothing open and no other input, the known parts are perfect", () => {
    const result = evaluate({});
    expect(result.readiness).toBe(100);
    expect(part(result, "gates")).toMatchObject({ score: null, points: null });
    expect(part(result, "p0")).toMatchObject({ score: 1, points: 62.5 }); // 25 / (25 + 15)
  });

  it("combines gates, P0, P1, SLA and metrics with the documented weights", () => {
    const issues = [issue({ labels: ["P1"] }), issue({ labels: ["P1"] })];
    const metricsYaml = [
      series("error_rate", [["2026-11-05T11:00:00Z", 6]]),
      "  uptime:",
      "    samples:",
      '      - { at: "2026-11-05T11:00:00Z", value: 99.5 }',
    ].join("\n");
    const result = evaluate({
      issues,
      metricsYaml,
      extra: {
        gates: [{ id: "go-live", required: 10, requiredDone: 8 }],
        sla: { breaches: [{ number: 1, severity: "P1", clock: "resolution" }], clocks: "all" },
      },
    });
    // gates 0.8·30 + p0 1·25 + p1 (1 − 2/5)·15 + sla (1 − 1/5)·15 + metrics (1/2)·15 = 24 + 25 + 9 + 12 + 7.5 = 77.5
    expect(result.readiness).toBe(78);
    expect(result.readinessParts.map((p) => p.points)).toEqual([24, 25, 9, 12, 7.5]);
    expect(part(result, "metrics")?.detail).toContain("error_rate 6 misses < 5");
  });

  it("an open P0 zeroes its part", () => {
    const result = evaluate({ issues: [issue({ labels: ["P0"], created_at: "2026-11-05T11:00:00Z" })] });
    expect(part(result, "p0")?.score).toBe(0);
    expect(result.readiness).toBe(38); // only p1 (15) of 40 known weight
  });

  it("config targets override the metrics file's and the defaults", () => {
    const yaml = series("error_rate", [["2026-11-05T11:00:00Z", 6]]);
    expect(part(evaluate({ metricsYaml: yaml }), "metrics")?.score).toBe(0);
    expect(
      part(evaluate({ metricsYaml: yaml, config: { targets: { error_rate: { atMost: 6 } } } }), "metrics")?.score,
    ).toBe(1);
  });
});
