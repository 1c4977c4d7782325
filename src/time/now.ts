import { InputError } from "../errors.js";

/**
 * "Now": the clock, or a past instant to replay (`--now`, `LAUNCHGATE_NOW`). Every entry point
 * parses it here, with one rule: an ISO-8601 date and time with an explicit offset (`Z` or
 * `+02:00`). A time without an offset would mean different instants on different machines.
 */

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO-8601 instant with an offset; `where.name` names the flag or variable in the error, `file`
 * where it was set (the Action's environment), `error` the error class (the CLI's UsageError).
 */
export function parseInstant(
  text: string,
  where: { name: string; fix: string; file?: string; error?: typeof InputError },
): Date {
  const at = new Date(text);
  if (!ISO_INSTANT.test(text) || Number.isNaN(at.getTime()) || !isCalendarDay(text.slice(0, 10))) {
    const ErrorClass = where.error ?? InputError;
    throw new ErrorClass(`${where.name} "${text}" is not an ISO-8601 instant with an offset`, {
      ...(where.file ? { file: where.file } : {}),
      fix: where.fix,
    });
  }
  return at;
}

/** `YYYY-MM-DD` names a day that exists: Date rolls 2026-02-30 over to March 2 without a word. */
function isCalendarDay(date: string): boolean {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  return calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
}

/** The Action's "now": `LAUNCHGATE_NOW` when set (a replay), else the clock. */
export function actionNow(env: string | undefined, clock: () => Date = () => new Date()): Date {
  if (!env) return clock();
  return parseInstant(env, {
    name: "LAUNCHGATE_NOW",
    file: "environment LAUNCHGATE_NOW",
    fix: "e.g. 2026-11-02T12:00:00Z, or unset it",
  });
}
