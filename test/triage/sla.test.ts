import { describe, expect, it } from "vitest";
import { dueAfter, durationMinutes, evaluateClock } from "../../src/triage/sla.js";

const at = (iso: string) => new Date(iso);
const start = at("2026-11-02T10:00:00Z");
const base = { start, target: "1h", done: null, stopped: null, now: start };

describe("SLA clock states", () => {
  it("is met when done before or exactly at dueAt, missed one second after", () => {
    expect(evaluateClock({ ...base, done: at("2026-11-02T10:30:00Z") })).toEqual({
      state: "met",
      dueAt: "2026-11-02T11:00:00.000Z",
      at: "2026-11-02T10:30:00.000Z",
    });
    expect(evaluateClock({ ...base, done: at("2026-11-02T11:00:00Z") }).state).toBe("met");
    expect(evaluateClock({ ...base, done: at("2026-11-02T11:00:01Z") }).state).toBe("missed");
  });

  it("is pending up to exactly dueAt and breached right after", () => {
    expect(evaluateClock({ ...base, now: at("2026-11-02T11:00:00Z") })).toEqual({
      state: "pending",
      dueAt: "2026-11-02T11:00:00.000Z",
      at: null,
    });
    expect(evaluateClock({ ...base, now: at("2026-11-02T11:00:00.001Z") }).state).toBe("breached");
  });

  it("stops without being met when closed otherwise; stopping after the target is a miss", () => {
    expect(evaluateClock({ ...base, stopped: at("2026-11-02T10:10:00Z"), now: at("2026-11-09T00:00:00Z") })).toEqual({
      state: "stopped",
      dueAt: "2026-11-02T11:00:00.000Z",
      at: "2026-11-02T10:10:00.000Z",
    });
    expect(evaluateClock({ ...base, stopped: at("2026-11-02T12:00:00Z") }).state).toBe("missed");
  });

  it("prefers done over stopped (closed as completed is done)", () => {
    const closed = at("2026-11-02T10:20:00Z");
    expect(evaluateClock({ ...base, done: closed, stopped: closed }).state).toBe("met");
  });

  it("never breaches without a target (next release): pending until done, then met", () => {
    const late = at("2027-06-01T00:00:00Z");
    expect(evaluateClock({ ...base, target: null, now: late })).toEqual({ state: "pending", dueAt: null, at: null });
    expect(evaluateClock({ ...base, target: null, done: late, now: late }).state).toBe("met");
  });
});

describe("durations around the clock", () => {
  it.each([
    ["5m", "2026-11-02T10:05:00.000Z"],
    ["4h", "2026-11-02T14:00:00.000Z"],
    ["24h", "2026-11-03T10:00:00.000Z"],
    ["7d", "2026-11-09T10:00:00.000Z"],
    ["2w", "2026-11-16T10:00:00.000Z"],
  ])("%s after the start", (target, due) => {
    expect(dueAfter(start, target, undefined).toISOString()).toBe(due);
  });

  it("counts minutes", () => {
    expect(durationMinutes("8h")).toBe(480);
    expect(durationMinutes("2d")).toBe(2880);
  });
});
