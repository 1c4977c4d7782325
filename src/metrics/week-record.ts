import { ownEntry } from "./by-name.js";
import { downsample, summarize } from "./summary.js";
import type { MetricsData } from "./types.js";

/**
 * A weekly snapshot metric's source fields: why it is unknown when a source failed, and for a
 * metric read from Prometheus what was read over the week [from, to) (summary and downsampled
 * series), so the site can show it without ever querying Prometheus.
 */
export function weekSourceFields(
  metrics: MetricsData | null,
  name: string,
  from: number,
  to: number,
): { reason?: string; prometheus?: PrometheusWeek } {
  const reason = metrics?.unknown ? ownEntry(metrics.unknown, name) : undefined;
  if (reason !== undefined) return { reason };
  const series = metrics ? ownEntry(metrics.metrics, name) : undefined;
  if (series?.query === undefined) return {};
  const week = series.samples.filter((s) => s.time >= from && s.time < to);
  return {
    prometheus: {
      query: series.query,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      summary: summarize(week),
      series: downsample(week, from, to),
    },
  };
}

export interface PrometheusWeek {
  query: string;
  from: string;
  to: string;
  summary: ReturnType<typeof summarize>;
  series: ReturnType<typeof downsample>;
}
