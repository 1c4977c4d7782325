import { addBusinessMinutes, openMinutesPerDay } from "./business-hours.js";
import type { BusinessHours, Severity, TriageConfig } from "./config.js";

/**
 * SLA clocks. A clock starts at an instant, has a target (a duration, or none) and ends when
 * the thing it measures is done (met or missed) or when it is stopped without being done.
 *
 * States: `met` done by the target; `missed` done after it (or stopped after it); `pending` not
 * done, target not passed (or no target); `breached` not done, target passed; `stopped` the
 * issue was closed without it being done (e.g. closed as not planned) before the target.
 * Exactly at `dueAt` is still in time.
 */

export type ClockState = "met" | "missed" | "pending" | "breached" | "stopped";

export interface Clock {
  state: ClockState;
  /** When the target falls due; null when there is no target. */
  dueAt: string | null;
  /** When the clock ended (done or stopped); null while it runs. */
  at: string | null;
}

const UNIT_MINUTES = { m: 1, h: 60, d: 1440, w: 10080 } as const;

/**
 * The instant a target falls due. Around the clock, a duration is wall-clock time. In business
 * hours, minutes and hours count open time, and a day counts one working day's open hours (so
 * `7d` from Tuesday 10:00 is 10:00 seven working days later); a week counts the working days.
 */
export function dueAfter(start: Date, target: string, hours: BusinessHours | undefined): Date {
  const match = /^(\d+)([mhdw])$/.exec(target);
  if (!match) throw new Error(`not a duration: ${target}`);
  const amount = Number(match[1]);
  const unit = match[2] as keyof typeof UNIT_MINUTES;
  if (!hours) return new Date(start.getTime() + amount * UNIT_MINUTES[unit] * 60_000);
  const perDay = openMinutesPerDay(hours);
  const minutes =
    unit === "m"
      ? amount
      : unit === "h"
        ? amount * 60
        : unit === "d"
          ? amount * perDay
          : amount * hours.days.length * perDay;
  return addBusinessMinutes(start, minutes, hours);
}

/** Wall-clock minutes of a duration (the triage target, which always runs around the clock). */
export function durationMinutes(target: string): number {
  const match = /^(\d+)([mhdw])$/.exec(target);
  if (!match) throw new Error(`not a duration: ${target}`);
  return Number(match[1]) * UNIT_MINUTES[match[2] as keyof typeof UNIT_MINUTES];
}

/** The business hours a severity's clocks follow, if any. */
export function calendarFor(severity: Severity, config: TriageConfig): BusinessHours | undefined {
  const hours = config.business_hours;
  return hours?.severities.includes(severity) ? hours : undefined;
}

export interface ClockFacts {
  start: Date;
  /** The target duration, or null for none (e.g. `next-release`). */
  target: string | null;
  /** When the measured thing happened (first response, closed as completed). */
  done: Date | null;
  /** When the clock stopped without it (issue closed otherwise). Ignored when `done` is set. */
  stopped: Date | null;
  now: Date;
  hours?: BusinessHours | undefined;
}

export function evaluateClock(facts: ClockFacts): Clock {
  const due = facts.target === null ? null : dueAfter(facts.start, facts.target, facts.hours);
  const dueAt = due?.toISOString() ?? null;
  if (facts.done) {
    const state = due === null || facts.done <= due ? "met" : "missed";
    return { state, dueAt, at: facts.done.toISOString() };
  }
  if (facts.stopped) {
    const state = due !== null && facts.stopped > due ? "missed" : "stopped";
    return { state, dueAt, at: facts.stopped.toISOString() };
  }
  return { state: due !== null && facts.now > due ? "breached" : "pending", dueAt, at: null };
}
