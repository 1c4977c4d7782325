import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BusinessHours } from "../../src/triage/config.js";
import { dueAfter } from "../../src/triage/sla.js";

const newYork: BusinessHours = {
  timezone: "America/New_York",
  days: ["mon", "tue", "wed", "thu", "fri"],
  hours: "09:00-17:00",
  severities: ["P2", "P3"],
};
const due = (start: string, target: string, hours = newYork) => dueAfter(new Date(start), target, hours).toISOString();

describe("business hours", () => {
  it("counts only open time: 4h from Friday 15:00 EST is Monday 11:00 EST", () => {
    // 2026-11-06 is a Friday; New York is on EST (UTC−5).
    expect(due("2026-11-06T20:00:00Z", "4h")).toBe("2026-11-09T16:00:00.000Z");
  });

  it("starts at the next opening when the clock starts outside hours", () => {
    // Saturday → Monday 09:00 EST + 4h = 13:00 EST.
    expect(due("2026-11-07T12:00:00Z", "4h")).toBe("2026-11-09T18:00:00.000Z");
    // Tuesday 06:00 EST (before opening) → 09:00 + 30m.
    expect(due("2026-11-03T11:00:00Z", "30m")).toBe("2026-11-03T14:30:00.000Z");
  });

  it("ends exactly at closing time when the open time runs out then", () => {
    expect(due("2026-11-03T14:00:00Z", "8h")).toBe("2026-11-03T22:00:00.000Z");
  });

  it("counts days as working days at the same local time", () => {
    // Tuesday 2026-11-03 10:00 EST + 7 working days = Thursday 2026-11-12 10:00 EST.
    expect(due("2026-11-03T15:00:00Z", "7d")).toBe("2026-11-12T15:00:00.000Z");
    expect(due("2026-11-03T15:00:00Z", "1w")).toBe("2026-11-10T15:00:00.000Z");
  });

  it("keeps local opening hours across the end of daylight saving time", () => {
    // Friday 2026-10-30 16:00 EDT (UTC−4); DST ends Sunday 2026-11-01; Monday opens 09:00 EST (UTC−5).
    expect(due("2026-10-30T20:00:00Z", "4h")).toBe("2026-11-02T17:00:00.000Z");
  });

  it("keeps local opening hours across the start of daylight saving time", () => {
    // Friday 2026-03-06 16:00 EST (UTC−5); DST starts Sunday 2026-03-08; Monday opens 09:00 EDT (UTC−4).
    expect(due("2026-03-06T21:00:00Z", "4h")).toBe("2026-03-09T16:00:00.000Z");
  });

  it("uses the configured zone, days and hours", () => {
    const tokyo: BusinessHours = { timezone: "Asia/Tokyo", days: ["sat"], hours: "10:00-12:00", severities: ["P3"] };
    // Monday 2026-11-02 → Saturday 2026-11-07 10:00 JST (UTC+9) + 1h, then 3h = 2h Saturday + 1h next Saturday.
    expect(due("2026-11-02T00:00:00Z", "1h", tokyo)).toBe("2026-11-07T02:00:00.000Z");
    expect(due("2026-11-02T00:00:00Z", "3h", tokyo)).toBe("2026-11-14T02:00:00.000Z");
  });
});

describe("business hours properties", () => {
  const local = (instant: Date, timeZone: string) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        weekday: "short",
        hour: "2-digit",
        minute: "2-digit",
      })
        .formatToParts(instant)
        .map((p) => [p.type, p.value]),
    );
    // Seconds and milliseconds too (the zones have whole-minute offsets): a clock started at
    // 09:29:00.001 can fall due at 09:00:00.001, inside opening hours.
    const fraction = (instant.getUTCSeconds() * 1000 + instant.getUTCMilliseconds()) / 60_000;
    return {
      weekday: String(parts.weekday).toLowerCase(),
      minutes: Number(parts.hour) * 60 + Number(parts.minute) + fraction,
    };
  };
  const start = fc.date({
    min: new Date("2025-01-01T00:00:00Z"),
    max: new Date("2027-12-31T00:00:00Z"),
    noInvalidDate: true,
  });
  const zones = fc.constantFrom("America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata", "UTC");

  it("always falls due inside opening hours on a working day", () => {
    // Found by this property on CI: due 1 ms after opening (Wed 31 Mar, 09:00:00.001 in Sydney).
    const due = dueAfter(new Date("2027-03-16T22:29:00.001Z"), "4771m", { ...newYork, timezone: "Australia/Sydney" });
    expect(due.toISOString()).toBe("2027-03-30T22:00:00.001Z");
    fc.assert(
      fc.property(start, zones, fc.integer({ min: 1, max: 5000 }), (at, timezone, minutes) => {
        const hours: BusinessHours = { ...newYork, timezone };
        const due = dueAfter(at, `${minutes}m`, hours);
        const { weekday, minutes: clock } = local(due, timezone);
        expect(hours.days).toContain(weekday);
        expect(clock).toBeGreaterThan(9 * 60);
        expect(clock).toBeLessThanOrEqual(17 * 60);
      }),
      { numRuns: 300 },
    );
  });

  it("is monotonic: more open time is never due earlier, and never before the start", () => {
    fc.assert(
      fc.property(
        start,
        zones,
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        (at, timezone, a, b) => {
          const hours: BusinessHours = { ...newYork, timezone };
          const [short, long] = a <= b ? [a, b] : [b, a];
          const first = dueAfter(at, `${short}m`, hours).getTime();
          expect(dueAfter(at, `${long}m`, hours).getTime()).toBeGreaterThanOrEqual(first);
          expect(first).toBeGreaterThanOrEqual(at.getTime());
        },
      ),
      { numRuns: 300 },
    );
  });
});
