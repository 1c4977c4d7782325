import { describe, expect, it } from "vitest";
import {
  addWeeks,
  isoWeekOfDate,
  parseWeekId,
  reportDueDate,
  reportWeekAt,
  weekBounds,
  weekOf,
  weekRange,
  weeksInYear,
} from "../../src/time/weeks.js";
import { startOfLocalDay } from "../../src/time/zone.js";

describe("ISO weeks", () => {
  it("knows which years have 53 weeks", () => {
    expect(weeksInYear(2026)).toBe(53); // starts on a Thursday
    expect(weeksInYear(2020)).toBe(53); // leap year starting on a Wednesday
    expect(weeksInYear(2025)).toBe(52);
    expect(weeksInYear(2027)).toBe(52);
    expect(parseWeekId("2026-W53")).toEqual({ year: 2026, week: 53 });
    expect(parseWeekId("2027-W53")).toBeNull();
    expect(parseWeekId("2026-W00")).toBeNull();
    expect(parseWeekId("2026-47")).toBeNull();
  });

  it("assigns dates around year ends to the right ISO year", () => {
    expect(isoWeekOfDate("2025-12-29")).toEqual({ year: 2026, week: 1 });
    expect(isoWeekOfDate("2026-01-01")).toEqual({ year: 2026, week: 1 });
    expect(isoWeekOfDate("2026-12-31")).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOfDate("2027-01-03")).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOfDate("2027-01-04")).toEqual({ year: 2027, week: 1 });
  });

  it("steps across 2026-W53 into 2027", () => {
    expect(addWeeks("2026-W52", 1)).toBe("2026-W53");
    expect(addWeeks("2026-W53", 1)).toBe("2027-W01");
    expect(addWeeks("2027-W01", -1)).toBe("2026-W53");
    expect(addWeeks("2025-W52", 1)).toBe("2026-W01");
    expect(weekRange("2026-W52", "2027-W02")).toEqual(["2026-W52", "2026-W53", "2027-W01", "2027-W02"]);
  });

  it("bounds a week by local Mondays in UTC", () => {
    const w = weekBounds("2026-W47", "UTC");
    expect(w.start.toISOString()).toBe("2026-11-16T00:00:00.000Z");
    expect(w.end.toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("bounds 2026-W53 in a time zone west and east of UTC", () => {
    const ny = weekBounds("2026-W53", "America/New_York");
    expect(ny.start.toISOString()).toBe("2026-12-28T05:00:00.000Z");
    expect(ny.end.toISOString()).toBe("2027-01-04T05:00:00.000Z");
    const tokyo = weekBounds("2026-W53", "Asia/Tokyo");
    expect(tokyo.start.toISOString()).toBe("2026-12-27T15:00:00.000Z");
  });

  it("keeps a 7-day week to 167 hours when DST starts inside it", () => {
    // US DST starts Sunday 2026-03-08, in ISO week 10.
    const w = weekBounds("2026-W10", "America/New_York");
    expect(w.start.toISOString()).toBe("2026-03-02T05:00:00.000Z");
    expect(w.end.toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect((w.end.getTime() - w.start.getTime()) / 3_600_000).toBe(167);
  });

  it("starts a day at its first instant when DST skips midnight", () => {
    // Chile: clocks jump from 2026-09-06 00:00 to 01:00.
    const start = startOfLocalDay("2026-09-06", "America/Santiago");
    expect(start.toISOString()).toBe("2026-09-06T04:00:00.000Z");
  });

  it("places an instant in the week of its local date", () => {
    const instant = new Date("2026-11-23T03:00:00Z"); // Sunday 22:00 in New York, Monday in UTC
    expect(weekOf(instant, "America/New_York")).toBe("2026-W47");
    expect(weekOf(instant, "UTC")).toBe("2026-W48");
    const newYear = new Date("2027-01-03T23:30:00Z"); // Monday 2027-01-04 in Tokyo
    expect(weekOf(newYear, "UTC")).toBe("2026-W53");
    expect(weekOf(newYear, "Asia/Tokyo")).toBe("2027-W01");
  });

  it("picks the reported week from the report day", () => {
    expect(reportDueDate("2026-W47", "friday")).toBe("2026-11-20");
    expect(reportDueDate("2026-W47", "monday")).toBe("2026-11-23");
    const thursday = new Date("2026-11-19T12:00:00Z");
    const friday = new Date("2026-11-20T12:00:00Z");
    expect(reportWeekAt(thursday, "UTC", "friday")).toBe("2026-W46");
    expect(reportWeekAt(friday, "UTC", "friday")).toBe("2026-W47");
    expect(reportWeekAt(new Date("2026-11-23T12:00:00Z"), "UTC", "monday")).toBe("2026-W47");
    expect(reportWeekAt(new Date("2027-01-04T12:00:00Z"), "UTC", "monday")).toBe("2026-W53");
  });
});
