/**
 * Weekday names, the one list each spelling comes from: config's `report_day` uses the long names,
 * business hours' `days` the short ones. ISO numbering: 1 = Monday … 7 = Sunday.
 */

export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const SHORT_WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type ShortWeekday = (typeof SHORT_WEEKDAYS)[number];

/** 1 = Monday … 7 = Sunday, of a calendar date (YYYY-MM-DD) or a UTC midnight in epoch ms. */
export function isoWeekday(date: string | number): number {
  const ms = typeof date === "number" ? date : Date.parse(`${date}T00:00:00Z`);
  return ((new Date(ms).getUTCDay() + 6) % 7) + 1;
}

/** The short name (`mon` …) of a calendar date's weekday. */
export function shortWeekday(date: string): ShortWeekday {
  return SHORT_WEEKDAYS[isoWeekday(date) - 1] as ShortWeekday;
}
