import * as z from "zod";
import { PERCENT_METRICS } from "../types.js";
import { parseDuration } from "./duration.js";

/**
 * `metrics.prometheus` in `.github/launchgate.yml` (a public contract): where the rollback rules and
 * the weekly report read metrics besides (or instead of) a metrics file. Secrets never live here:
 * a token, basic-auth credentials and secret headers come from the environment (see settings.ts).
 */

const duration = (fallback: string, what: string) =>
  z
    .string()
    .refine((text) => parseDuration(text) !== null, "expected a duration like 15s, 1m or 1h30m")
    .default(fallback)
    .describe(what);

export const metricNameSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, "metric names look like error_rate");

const queryText = z.string().trim().min(1, "a PromQL query cannot be empty");
export const prometheusQuerySchema = z.union([
  queryText.describe("PromQL returning one series"),
  z.strictObject({
    query: queryText.describe("PromQL returning one series (aggregate with sum/max/avg)"),
    unit: z
      .string()
      .optional()
      .describe("unit of the values (e.g. count, ms; ratio for a 0–1 fraction of a percent metric)"),
  }),
]);

export const prometheusConfigSchema = z
  .strictObject({
    url: z
      .string()
      .regex(/^https?:\/\/[^\s/]+/, "expected the server's base URL, e.g. https://prometheus.example.com")
      .optional()
      .describe(
        "base URL of a Prometheus-compatible HTTP API (the part before /api/v1); LAUNCHGATE_PROMETHEUS_URL overrides it",
      ),
    step: duration("15s", "resolution of range queries: one sample per step"),
    timeout: duration("30s", "how long one HTTP request may take before the metric is unknown"),
    headers: z
      .record(z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, "not an HTTP header name"), z.string())
      .default({})
      .describe(
        "extra HTTP headers that are not secret, e.g. X-Scope-OrgID: tenant-1 (secret ones: LAUNCHGATE_PROMETHEUS_HEADERS)",
      ),
    queries: z
      .record(metricNameSchema, prometheusQuerySchema)
      .superRefine((queries, ctx) => {
        for (const [metric, q] of Object.entries(queries)) {
          if (typeof q === "string" || q.unit === undefined || percentScale(metric, q.unit) !== null) continue;
          ctx.addIssue({
            code: "custom",
            path: [metric, "unit"],
            message: `${metric} is a percentage: unit is "%" (0–100) or "ratio" (0–1, read as × 100)`,
          });
        }
      })
      .describe("metric name → PromQL, or { query, unit }; each query must return one series"),
  })
  .describe("read metrics from Prometheus or a service that speaks its HTTP API (Mimir, Thanos, VictoriaMetrics…)");

export const metricsConfigSchema = z
  .strictObject({ prometheus: prometheusConfigSchema.optional() })
  .default({})
  .describe("metric sources besides a metrics file (--metrics / the metrics input)");

export type PrometheusConfig = z.output<typeof prometheusConfigSchema>;
export type MetricsConfig = z.output<typeof metricsConfigSchema>;

/** Units a percent metric (error_rate, crash_rate, uptime) may be read in, and the factor to percent. */
const PERCENT_UNITS: Readonly<Record<string, number>> = { "%": 1, percent: 1, ratio: 100 };

/**
 * The factor that turns a query's values into the metric's unit: 1 for a metric of your own, and
 * for a percent metric 1 (`%`, or no unit) or 100 (`ratio`); null for a unit a percent metric cannot have.
 */
export function percentScale(metric: string, unit: string | null): number | null {
  if (!(PERCENT_METRICS as readonly string[]).includes(metric)) return 1;
  return unit === null ? 1 : (PERCENT_UNITS[unit] ?? null);
}

export interface PrometheusQuery {
  metric: string;
  query: string;
  unit: string | null;
}

/** The configured queries, one shape whether written as a string or as `{ query, unit }`. */
export function prometheusQueries(config: PrometheusConfig): PrometheusQuery[] {
  return Object.entries(config.queries).map(([metric, q]) =>
    typeof q === "string" ? { metric, query: q, unit: null } : { metric, query: q.query, unit: q.unit ?? null },
  );
}
