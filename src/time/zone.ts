/**
 * Wall-clock time in an IANA time zone, from the runtime's Intl data: the one place launchgate
 * converts between instants and local dates/times (ISO weeks, T+N, business hours, snapshots).
 */

export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function wallClock(instant: Date | number, timeZone: string): WallClock {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    date: `${part.year}-${part.month}-${part.day}`,
    hour: Number(part.hour),
    minute: Number(part.minute),
    second: Number(part.second),
  };
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date | number, timeZone: string): string {
  return wallClock(instant, timeZone).date;
}

/** How far local wall-clock time in `timeZone` is ahead of UTC at an instant, in ms. */
export function offsetMs(instant: number, timeZone: string): number {
  const { date, hour, minute, second } = wallClock(instant, timeZone);
  const wall = Date.parse(`${date}T00:00:00Z`) + ((hour * 60 + minute) * 60 + second) * 1000;
  return wall - Math.floor(instant / 1000) * 1000;
}

/** An instant as ISO 8601 with the time zone's offset ("2026-11-16T00:00:00-05:00"). */
export function isoInZone(instant: Date, timeZone: string): string {
  const { date, hour, minute, second } = wallClock(instant, timeZone);
  const offsetMinutes = Math.round(offsetMs(instant.getTime(), timeZone) / 60000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${date}T${two(hour)}:${two(minute)}:${two(second)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60_000;

/** Whether the runtime's IANA database knows a time zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date `days` after (negative: before) a date, both YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The instant of a local wall-clock time (`minutes` after local midnight of `date`). Two passes
 * settle the offset across a DST change; a time skipped by a spring-forward gap maps to a neighbour.
 */
export function localToInstant(date: string, minutes: number, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE_MS;
  let instant = wall - offsetMs(wall, timeZone);
  instant = wall - offsetMs(instant, timeZone);
  return instant;
}

/** The first instant whose local date in `timeZone` is `date` (normally local 00:00). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const naive = Date.parse(`${date}T00:00:00Z`);
  // The offset may change within the day (DST); try the offsets on either side of it.
  const candidates = [offsetMs(naive - DAY_MS / 2, timeZone), offsetMs(naive + DAY_MS / 2, timeZone)]
    .map((offset) => naive - offset)
    .sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (localDate(new Date(candidate), timeZone) === date && localDate(new Date(candidate - 1), timeZone) !== date) {
      return new Date(candidate);
    }
  }
  // A transition exactly at midnight that skips time: the day starts at the later offset's midnight.
  const later = candidates.find((c) => localDate(new Date(c), timeZone) === date) ?? (candidates[0] as number);
  return new Date(later);
}
