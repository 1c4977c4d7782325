import { weekIdPattern } from "./week-id.js";
import { isoWeekday, WEEKDAYS, type Weekday } from "./weekdays.js";
import { addDays, localDate, startOfLocalDay } from "./zone.js";

/**
 * ISO 8601 weeks (Monday start, week 1 holds the year's first Thursday) whose boundaries are local
 * midnights in a configurable time zone. A week is the half-open interval [start, end).
 */

export interface IsoWeek {
  year: number;
  week: number;
}

export interface WeekBounds {
  id: string;
  start: Date;
  end: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** "2026-W47" → {year: 2026, week: 47}; null when malformed or the year has no such week. */
export function parseWeekId(id: string): IsoWeek | null {
  const match = weekIdPattern.exec(id);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  return week <= weeksInYear(year) ? { year, week } : null;
}

export function formatWeekId({ year, week }: IsoWeek): string {
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** 53 when the year starts on a Thursday, or is a leap year starting on a Wednesday; else 52. */
export function weeksInYear(year: number): number {
  // December 28 is always in the year's last ISO week.
  return isoWeekOfDate(`${year}-12-28`).week;
}

/** The ISO week a calendar date (YYYY-MM-DD) belongs to. */
export function isoWeekOfDate(date: string): IsoWeek {
  const day = Date.parse(`${date}T00:00:00Z`);
  const thursday = day + (4 - isoWeekday(day)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return { year, week };
}

/** The Monday (YYYY-MM-DD) that starts an ISO week. */
export function weekMonday({ year, week }: IsoWeek): string {
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - (isoWeekday(jan4) - 1) * DAY_MS + (week - 1) * 7 * DAY_MS;
  return new Date(monday).toISOString().slice(0, 10);
}

/** The week `n` weeks after (negative: before) `id`. */
export function addWeeks(id: string, n: number): string {
  const week = requireWeek(id);
  const monday = Date.parse(`${weekMonday(week)}T00:00:00Z`) + n * 7 * DAY_MS;
  return formatWeekId(isoWeekOfDate(new Date(monday).toISOString().slice(0, 10)));
}

/** [start, end) of a week in a time zone: local Monday 00:00 to the next local Monday 00:00. */
export function weekBounds(id: string, timeZone: string): WeekBounds {
  const monday = weekMonday(requireWeek(id));
  const nextMonday = addDays(monday, 7);
  return { id, start: startOfLocalDay(monday, timeZone), end: startOfLocalDay(nextMonday, timeZone) };
}

/**
 * The instant a week is judged at: its last instant (Sunday 23:59:59.999 local), or `now` while the
 * week runs. Every weekly figure (triage, criteria, status, T+N) is taken at this one instant, so a
 * report never shows "T+6" beside a decision made at T+7.
 */
export function weekJudgedAt(id: string, timeZone: string, now: Date): Date {
  return new Date(Math.min(weekBounds(id, timeZone).end.getTime() - 1, now.getTime()));
}

/** The week an instant falls in, seen from a time zone. */
export function weekOf(instant: Date, timeZone: string): string {
  return formatWeekId(isoWeekOfDate(localDate(instant, timeZone)));
}

/**
 * The local date on which week `id`'s report is due: its report day, where "monday" means the
 * Monday after the week (a report that follows the finished week).
 */
export function reportDueDate(id: string, reportDay: Weekday): string {
  const index = WEEKDAYS.indexOf(reportDay);
  return addDays(weekMonday(requireWeek(id)), index === 0 ? 7 : index);
}

/** The latest week whose report is due at `now` (in `timeZone`). */
export function reportWeekAt(now: Date, timeZone: string, reportDay: Weekday): string {
  const today = localDate(now, timeZone);
  const current = weekOf(now, timeZone);
  return reportDueDate(current, reportDay) <= today ? current : addWeeks(current, -1);
}

/** Week ids from `first` to `last` inclusive, in order. */
export function weekRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let id = first; compareWeekIds(id, last) <= 0; id = addWeeks(id, 1)) out.push(id);
  return out;
}

/** Week ids sort as strings ("2026-W09" < "2026-W10" < "2027-W01"). */
export function compareWeekIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function requireWeek(id: string): IsoWeek {
  const week = parseWeekId(id);
  if (!week) throw new RangeError(`not an ISO week: ${id}`);
  return week;
}

export { WEEKDAYS, type Weekday };
