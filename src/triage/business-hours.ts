import { offsetMs, wallClock } from "../time/zone.js";
import type { BusinessHours, Weekday } from "./config.js";

/**
 * Time arithmetic inside business hours (a time zone, working days, daily opening hours).
 * Local times are converted through the runtime's IANA database, so days on which daylight
 * saving time starts or ends still open and close at their local wall-clock times.
 */

const MINUTE_MS = 60_000;
const WEEKDAY_INDEX: Record<string, Weekday> = {
  Mon: "mon",
  Tue: "tue",
  Wed: "wed",
  Thu: "thu",
  Fri: "fri",
  Sat: "sat",
  Sun: "sun",
};

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
    day = nextDate(day);
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
  const weekday = new Date(`${date}T12:00:00Z`).toUTCString().slice(0, 3);
  const day = WEEKDAY_INDEX[weekday];
  return day !== undefined && hours.days.includes(day);
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function localParts(instant: Date | number, timeZone: string): { date: string; minutes: number } {
  const { date, hour, minute, second } = wallClock(instant, timeZone);
  return { date, minutes: hour * 60 + minute + second / 60 };
}

/**
 * The instant of a local wall-clock time. Two passes settle the offset across a DST change; a
 * time skipped by a spring-forward gap (never an opening time in practice) maps to a neighbour.
 */
export function localToInstant(date: string, minutes: number, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE_MS;
  let instant = wall - offsetMs(wall, timeZone);
  instant = wall - offsetMs(instant, timeZone);
  return instant;
}
