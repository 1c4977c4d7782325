import { shortWeekday } from "../time/weekdays.js";
import { addDays, localToInstant, wallClock } from "../time/zone.js";
import type { BusinessHours } from "./config.js";

/**
 * Time arithmetic inside business hours (a time zone, working days, daily opening hours).
 * Local times are converted through the runtime's IANA database, so days on which daylight
 * saving time starts or ends still open and close at their local wall-clock times.
 */

const MINUTE_MS = 60_000;

/** Minutes the business is open on a working day. */
export function openMinutesPerDay(hours: BusinessHours): number {
  const [open, close] = parseHours(hours.hours);
  return close - open;
}

/** The instant `minutes` of open time after `start`. A start outside hours counts from the next opening. */
export function addBusinessMinutes(start: Date, minutes: number, hours: BusinessHours): Date {
  const [open, close] = parseHours(hours.hours);
  let remaining = minutes;
  let day = localParts(start, hours.timezone).date;
  let cursor = start.getTime();
  // A year of closed days means a configuration with no working days; the schema forbids that.
  for (let guard = 0; guard < 4000; guard++) {
    if (isWorkingDay(day, hours)) {
      const opensAt = localToInstant(day, open, hours.timezone);
      const closesAt = localToInstant(day, close, hours.timezone);
      const from = Math.max(cursor, opensAt);
      if (from < closesAt) {
        const available = (closesAt - from) / MINUTE_MS;
        if (remaining <= available) return new Date(from + remaining * MINUTE_MS);
        remaining -= available;
      }
    }
    day = addDays(day, 1);
    cursor = localToInstant(day, 0, hours.timezone);
  }
  throw new Error("business hours: no working day within a year");
}

function parseHours(text: string): [number, number] {
  const [open = "", close = ""] = text.split("-");
  return [clockMinutes(open), clockMinutes(close)];
}

function clockMinutes(text: string): number {
  const [h = "0", m = "0"] = text.split(":");
  return Number(h) * 60 + Number(m);
}

function isWorkingDay(date: string, hours: BusinessHours): boolean {
  return hours.days.includes(shortWeekday(date));
}

function localParts(instant: Date | number, timeZone: string): { date: string; minutes: number } {
  const { date, hour, minute, second } = wallClock(instant, timeZone);
  return { date, minutes: hour * 60 + minute + second / 60 };
}
