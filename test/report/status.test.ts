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

  it("no data is not green: a must-have metric without a value makes the week yellow at best, naming it", () => {
    const unknown = metric("error_rate", null);
    expect(unknown.status).toBe("unknown");
    const status = weekStatus({ ...base, p0Open: null, p1Open: null, metrics: [unknown] }, config);
    expect(status.overall).toBe("yellow");
    expect(status.reasons).toEqual([
      {
        rule: "no-data:error_rate",
        level: "yellow",
        message: "error_rate has no value this week (must-have < 5 %): no data is not green",
      },
    ]);
    // An unknown target metric is just unknown; a known must-have keeps its colour.
    const awu = metricEntry("awu", null, "", config.status.targets.week1.awu ?? null, "target");
    expect(weekStatus({ ...base, metrics: [awu, metric("error_rate", 1)] }, config).overall).toBe("green");
    expect(weekStatus({ ...base, p0Open: 1, metrics: [unknown] }, config).overall).toBe("red");
  });

  it("from week 3 open P1s are a target (fewer than 5), week 2 keeps zero open P0/P1 as a must-have", () => {
    const weeks3 = { ...base, period: "weeks3_4" as const };
    expect(weekStatus({ ...weeks3, p1Open: 4 }, config).overall).toBe("green");
    expect(weekStatus({ ...weeks3, p1Open: 5 }, config)).toEqual({
      overall: "yellow",
      reasons: [
        { rule: "p1-target", level: "yellow", message: "5 P1 issues are open (target: fewer than 5 in weeks 3–4)" },
      ],
    });
    expect(weekStatus({ ...base, period: "later", p1Open: 9 }, config).overall).toBe("yellow");
    expect(weekStatus({ ...base, period: "week2", p1Open: 1 }, config).reasons[0]?.rule).toBe("p1-over-limit");
    expect(weekStatus({ ...base, period: "week2", p0Open: 1 }, config).overall).toBe("red");
  });

  it("never green beside a hotfix or a rollback: the decision is a reason on the status line", () => {
    const hotfix = weekStatus(
      { ...base, decision: { decision: "hotfix", rule: "an open issue labeled `security`" } },
      config,
    );
    expect(hotfix).toEqual({
      overall: "yellow",
      reasons: [
        {
          rule: "decision:hotfix",
          level: "yellow",
          message: "the release decision is hotfix: an open issue labeled `security`",
        },
      ],
    });
    const rollback = weekStatus({ ...base, decision: { decision: "rollback", rule: "crash rate > 10 %" } }, config);
    expect(rollback.overall).toBe("red");
    expect(rollback.reasons[0]?.message).toBe("the release decision is roll back: crash rate > 10 %");
    expect(weekStatus({ ...base, decision: { decision: "consider-rollback", rule: null } }, config).overall).toBe(
      "yellow",
    );
    for (const decision of ["patch", "feature", "none"] as const)
      expect(weekStatus({ ...base, decision: { decision, rule: null } }, config).overall).toBe("green");
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
