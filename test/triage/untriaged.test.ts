import { describe, expect, it } from "vitest";
import { evaluateTriage } from "../../src/triage/evaluate.js";
import { triageTarget } from "../../src/triage/untriaged.js";
import { config, issue } from "./build.js";

const triage = config().triage;
const launch = { date: "2026-11-02", timezone: "America/New_York" };
const target = (at: string) => triageTarget(new Date(at), launch, triage);

describe("triage target by stabilization phase", () => {
  it("is 2h from launch day through T+7, 4h in week 2, 8h after and before", () => {
    expect(target("2026-11-02T05:00:00Z")).toBe("2h"); // launch day, 00:00 EST
    expect(target("2026-11-10T04:59:00Z")).toBe("2h"); // T+7, 23:59 EST
    expect(target("2026-11-10T05:00:00Z")).toBe("4h"); // T+8 begins at local midnight
    expect(target("2026-11-17T04:59:00Z")).toBe("4h"); // T+14
    expect(target("2026-11-17T05:00:00Z")).toBe("8h"); // T+15
    expect(target("2026-11-02T04:59:00Z")).toBe("8h"); // the day before launch
  });

  it("is the `later` target without a launch date, and follows configuration", () => {
    expect(triageTarget(new Date("2026-11-02T12:00:00Z"), { timezone: "UTC" }, triage)).toBe("8h");
    const custom = config("triage:\n  triage_target:\n    week1: 1h\n").triage;
    expect(triageTarget(new Date("2026-11-03T12:00:00Z"), launch, custom)).toBe("1h");
  });
});

describe("triage target in business hours (plan: week 2 and later 'during business hours')", () => {
  const withHours = config(
    "launch:\n  date: 2026-11-02\n  timezone: America/New_York\ntriage:\n  business_hours:\n    timezone: America/New_York\n",
  );
  const untriaged = (created: string) =>
    evaluateTriage({
      issues: [issue(1, { created_at: created })],
      comments: [],
      now: new Date("2026-11-30T00:00:00Z"),
      config: withHours,
    }).issues[0]?.triage.dueAt;

  it("week 1 runs around the clock: Saturday 20:00 + 2 h is Saturday 22:00", () => {
    expect(untriaged("2026-11-08T01:00:00Z")).toBe("2026-11-08T03:00:00.000Z");
  });

  it("week 2 counts open hours: Friday 16:00 EST + 4 h is Monday 12:00 EST", () => {
    expect(untriaged("2026-11-13T21:00:00Z")).toBe("2026-11-16T17:00:00.000Z");
  });

  it("without business hours configured, week 2 still runs around the clock", () => {
    const plain = evaluateTriage({
      issues: [issue(1, { created_at: "2026-11-13T21:00:00Z" })],
      comments: [],
      now: new Date("2026-11-30T00:00:00Z"),
      config: config("launch:\n  date: 2026-11-02\n  timezone: America/New_York\n"),
    });
    expect(plain.issues[0]?.triage.dueAt).toBe("2026-11-14T01:00:00.000Z");
  });
});
