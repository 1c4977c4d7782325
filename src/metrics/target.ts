import * as z from "zod";

/** Bounds a metric's value must meet to count as healthy (`below: 5` means < 5). */
export const metricTargetSchema = z
  .strictObject({
    below: z.number().optional().describe("healthy when the value is < this"),
    atMost: z.number().optional().describe("healthy when the value is ≤ this"),
    above: z.number().optional().describe("healthy when the value is > this"),
    atLeast: z.number().optional().describe("healthy when the value is ≥ this"),
  })
  .refine((t) => Object.values(t).some((v) => v !== undefined), "a target needs below, atMost, above or atLeast");

export type MetricTarget = z.output<typeof metricTargetSchema>;

/** Whether a value meets every bound of a target. */
export function meetsTarget(value: number, target: MetricTarget): boolean {
  if (target.below !== undefined && !(value < target.below)) return false;
  if (target.atMost !== undefined && !(value <= target.atMost)) return false;
  if (target.above !== undefined && !(value > target.above)) return false;
  if (target.atLeast !== undefined && !(value >= target.atLeast)) return false;
  return true;
}

/** "< 5", "≥ 99", "> 1 and ≤ 800": how a target reads in reports. */
export function describeTarget(target: MetricTarget): string {
  const parts: string[] = [];
  if (target.below !== undefined) parts.push(`< ${target.below}`);
  if (target.atMost !== undefined) parts.push(`≤ ${target.atMost}`);
  if (target.above !== undefined) parts.push(`> ${target.above}`);
  if (target.atLeast !== undefined) parts.push(`≥ ${target.atLeast}`);
  return parts.join(" and ");
}
