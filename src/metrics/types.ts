import type { MetricTarget } from "./target.js";

/** One measurement: when, what value, and where it came from (for links and error messages). */
export interface MetricSample {
  /** The timestamp as written (ISO-8601 with an offset). */
  at: string;
  /** Epoch milliseconds of `at`. */
  time: number;
  value: number;
  /** 1-based line of the sample in the metrics file; 0 for a sample read from Prometheus. */
  line: number;
}

export interface MetricSeries {
  name: string;
  unit: string | null;
  /** A target written in the metrics file (config targets are merged by the caller). */
  target: MetricTarget | null;
  /** Oldest first. */
  samples: MetricSample[];
  /** The PromQL the samples were read with; absent for a metrics file's series. */
  query?: string;
}

export interface MetricsData {
  /** The metrics file ("" when every metric came from Prometheus). */
  file: string;
  metrics: Record<string, MetricSeries>;
  /**
   * Metrics a configured source could not read → why (Prometheus unreachable, an error, no data…).
   * Rules and the weekly status treat them as unknown, never as healthy.
   */
  unknown?: Record<string, string>;
}

/** Metrics whose values are percentages and must lie in 0–100. */
export const PERCENT_METRICS = ["error_rate", "crash_rate", "uptime"] as const;
