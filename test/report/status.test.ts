import { describe, expect, it } from "vitest";
import { reportConfigSchema } from "../../src/report/config.js";
import { metricEntry, weekStatus } from "../../src/report/status.js";

const config = reportConfigSchema.parse({});
const must = config.status.must_have.metrics;
const metric = (name: string, value: number | null) => metricEntry(name, value, "%", must[name] ?? null, "must-have");
const base = { period: "week1" as const, p0Open: 0, p1Open: 0, metrics: [] };

describe("weekly status", () => {
  it("is green when every must-have and target holds", () => {
    expect(weekStatus({ ...base, metrics: [metric("error_rate", 4.99), metric("crash_rate", 0.099)] }, config)).toEqual(
      {
        overall: "green",
        reasons: [],
      },
    );
  });

  it("is red with an open P0", () => {
    const status = weekStatus({ ...base, p0Open: 1 }, config);
    expect(status.overall).toBe("red");
    expect(status.reasons.map((r) => r.rule)).toEqual(["open-p0"]);
  });

  it("is red when the error rate reaches 5 % and the crash rate 0.1 %", () => {
    expect(weekStatus({ ...base, metrics: [metric("error_rate", 5)] }, config).reasons).toMatchObject([
      { rule: "must-have:error_rate", level: "red", message: "error_rate is 5 %; must be < 5 %" },
    ]);
    expect(weekStatus({ ...base, metrics: [metric("crash_rate", 0.1)] }, config).overall).toBe("red");
  });

  it("limits open P1s by the week: <5 in week 1, none in week 2, <3 on launch day", () => {
    expect(weekStatus({ ...base, p1Open: 4 }, config).overall).toBe("green");
    expect(weekStatus({ ...base, p1Open: 5 }, config).reasons[0]).toMatchObject({
      rule: "p1-over-limit",
      level: "red",
    });
    expect(weekStatus({ ...base, period: "week2", p1Open: 1 }, config).overall).toBe("red");
    expect(weekStatus({ ...base, period: "launch_day", p1Open: 2 }, config).overall).toBe("green");
    expect(weekStatus({ ...base, period: "launch_day", p1Open: 3 }, config).overall).toBe("red");
  });

  it("is yellow when only a target is missed, red reasons listed first", () => {
    const awu = metricEntry("awu", 140, "", config.status.targets.week1.awu ?? null, "target");
    expect(weekStatus({ ...base, metrics: [awu] }, config)).toMatchObject({
      overall: "yellow",
      reasons: [{ rule: "target:awu", level: "yellow" }],
    });
    const both = weekStatus({ ...base, p0Open: 2, metrics: [awu] }, config);
    expect(both.overall).toBe("red");
    expect(both.reasons.map((r) => r.level)).toEqual(["red", "yellow"]);
  });

  it("treats unknown values as unknown, failing nothing", () => {
    const unknown = metric("error_rate", null);
    expect(unknown.status).toBe("unknown");
    expect(weekStatus({ ...base, p0Open: null, p1Open: null, metrics: [unknown] }, config).overall).toBe("green");
  });

  it("takes thresholds from config", () => {
    const strict = reportConfigSchema.parse({
      status: { must_have: { p1_open_max: { week1: 0 }, metrics: { error_rate: { below: 1 } } } },
    });
    expect(weekStatus({ ...base, p1Open: 1 }, strict).overall).toBe("red");
    const entry = metricEntry("error_rate", 2, "%", strict.status.must_have.metrics.error_rate ?? null, "must-have");
    expect(weekStatus({ ...base, metrics: [entry] }, strict).overall).toBe("red");
    // Overriding the must-have metrics replaces the defaults (crash_rate no longer listed).
    expect(Object.keys(strict.status.must_have.metrics)).toEqual(["error_rate"]);
  });
});
