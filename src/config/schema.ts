import * as z from "zod";
import { criteriaConfigSchema } from "../criteria/config.js";
import { gateConfigShape } from "../gates/config.js";
import { reportConfigSchema } from "../report/config.js";
import { triageConfigSchema } from "../triage/config.js";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date like 2026-11-02");

/** Time zone names are checked against the runtime's IANA database. */
export const timeZoneName = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "unknown IANA time zone (e.g. Europe/Berlin)");

/**
 * `.github/launchgate.yml`. Each area owns its section's schema next to its rules; this file
 * composes them. Unknown keys are errors (with the nearest valid key), so a typo never silently
 * turns a rule off.
 */
export const configSchema = z.strictObject({
  launch: z
    .strictObject({
      date: isoDate
        .optional()
        .describe("launch day (T+0), e.g. 2026-11-02: the start of the stabilization phases and SLA triage targets"),
      timezone: timeZoneName.default("UTC").describe("IANA time zone of launch.date, week boundaries and T+N days"),
    })
    .default({ timezone: "UTC" })
    .describe("the launch the stabilization period counts from"),
  triage: triageConfigSchema,
  criteria: criteriaConfigSchema,
  report: reportConfigSchema,
  ...gateConfigShape,
});

export type Config = z.output<typeof configSchema>;
