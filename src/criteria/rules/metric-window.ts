import { ownEntry } from "../../metrics/by-name.js";
import type { MetricSample } from "../../metrics/types.js";
import type { Facts } from "../facts.js";

/**
 * A metric's samples that speak about the current release: at or after the latest release (all,
 * when there is none) and not after `now`. Oldest first.
 */
export function currentSamples(facts: Facts, metric: string): MetricSample[] | null {
  const series = facts.input.metrics?.metrics[metric];
  if (!series) return null;
  const from = facts.release?.time ?? Number.NEGATIVE_INFINITY;
  return series.samples.filter((s) => s.time >= from && s.time <= facts.now);
}

export function missingMetric(facts: Facts, metric: string): string {
  if (!facts.input.metrics) return "no metrics file given: not evaluated";
  const reason = facts.input.metrics.unknown && ownEntry(facts.input.metrics.unknown, metric);
  if (reason) return `${metric} is unknown: ${reason}`;
  const since = facts.release ? ` since ${facts.release.tag}` : "";
  return `no ${metric} samples${since} up to now: not evaluated`;
}
