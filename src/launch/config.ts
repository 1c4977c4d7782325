import * as z from "zod";
import { isValidTimeZone } from "../time/zone.js";

/** A day that exists: the pattern alone lets 2026-02-30 through, which dates silently roll over. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date like 2026-11-02")
  .refine((text) => {
    const [year, month, day] = text.split("-").map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, "no such day in the calendar (e.g. February has 28 or 29 days)");

/** Time zone names are checked against the runtime's IANA database. */
const timeZoneName = z.string().refine(isValidTimeZone, "unknown IANA time zone (e.g. Europe/Berlin)");

/** `launch:` in `.github/launchgate.yml`: the day T+0 and the time zone days and weeks are counted in. */
export const launchConfigSchema = z
  .strictObject({
    date: isoDate
      .optional()
      .describe("launch day (T+0), e.g. 2026-11-02: the start of the stabilization phases and SLA triage targets"),
    timezone: timeZoneName.default("UTC").describe("IANA time zone of launch.date, week boundaries and T+N days"),
  })
  .default({ timezone: "UTC" })
  .describe("the launch the stabilization period counts from");

export type LaunchConfig = z.output<typeof launchConfigSchema>;
