import * as z from "zod";
import { criteriaConfigSchema } from "../criteria/config.js";
import { gateConfigShape } from "../gates/config.js";
import { launchConfigSchema } from "../launch/config.js";
import { metricsConfigSchema } from "../metrics/prometheus/config.js";
import { reportConfigSchema } from "../report/config.js";
import { triageConfigSchema } from "../triage/config.js";

/**
 * `.github/launchgate.yml`. Each area owns its section's schema next to its rules; this file
 * composes them. Unknown keys are errors (with the nearest valid key), so a typo never silently
 * turns a rule off.
 */
export const configSchema = z.strictObject({
  launch: launchConfigSchema,
  triage: triageConfigSchema,
  criteria: criteriaConfigSchema,
  report: reportConfigSchema,
  metrics: metricsConfigSchema,
  ...gateConfigShape,
});

export type Config = z.output<typeof configSchema>;
