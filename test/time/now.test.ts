import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { actionNow, parseInstant } from "../../src/time/now.js";

const where = { name: "--now", fix: "e.g. --now 2026-11-02T12:00:00Z" };

describe("parseInstant: the one rule every entry point reads an instant by", () => {
  it("reads an ISO-8601 date and time with an offset, with or without seconds and fractions", () => {
    expect(parseInstant("2026-11-02T12:00:00Z", where).toISOString()).toBe("2026-11-02T12:00:00.000Z");
    expect(parseInstant("2026-11-02T12:00Z", where).toISOString()).toBe("2026-11-02T12:00:00.000Z");
    expect(parseInstant("2026-11-02T12:00:00.250+02:00", where).toISOString()).toBe("2026-11-02T10:00:00.250Z");
    expect(parseInstant("2028-02-29T00:00:00Z", where).toISOString()).toBe("2028-02-29T00:00:00.000Z");
  });

  it("refuses a time without an offset, a bare date, an hour past 23 and a day the calendar does not have", () => {
    for (const text of [
      "2026-11-02T12:00:00",
      "2026-11-02",
      "2026-11-02T25:00:00Z",
      "2026-02-30T12:00:00Z",
      "2026-02-29T12:00:00Z",
      "2026-04-31T00:00:00+02:00",
    ]) {
      expect(() => parseInstant(text, where), text).toThrow(
        `--now "${text}" is not an ISO-8601 instant with an offset`,
      );
    }
  });

  it("names where the value was set and throws the caller's error class", () => {
    class UsageError extends InputError {}
    expect(() => parseInstant("tomorrow", { ...where, error: UsageError })).toThrow(UsageError);
    expect(() => actionNow("2026-02-30T00:00:00Z")).toThrow(/LAUNCHGATE_NOW "2026-02-30T00:00:00Z"/);
    expect(actionNow(undefined, () => new Date(0)).getTime()).toBe(0);
  });
});
