import { InputError } from "../errors.js";
import type { PrometheusRead } from "./prometheus/read.js";
import type { MetricsData } from "./types.js";

/**
 * The file source and the Prometheus source as one MetricsData, per metric name. A name defined in
 * both is an error, checked before anything is read: which one the rules should believe is the
 * user's call, not ours.
 */
export function checkDisjoint(file: MetricsData | null, queries: readonly string[], configFile: string): void {
  if (!file) return;
  const both = queries.filter((name) => Object.hasOwn(file.metrics, name));
  if (both.length > 0) {
    throw new InputError(
      `metric${both.length > 1 ? "s" : ""} ${both.join(", ")} defined both in ${file.file} and in metrics.prometheus.queries`,
      { file: configFile, fix: "keep each metric in one source: remove it from the file or from the queries" },
    );
  }
}

export function mergeMetrics(file: MetricsData | null, prometheus: PrometheusRead | null): MetricsData | null {
  if (!prometheus) return file;
  checkDisjoint(file, [...Object.keys(prometheus.series), ...Object.keys(prometheus.unknown)], "metrics.prometheus");
  const metrics = Object.create(null) as MetricsData["metrics"];
  Object.assign(metrics, file?.metrics, prometheus.series);
  const unknown = Object.create(null) as Record<string, string>;
  Object.assign(unknown, file?.unknown, prometheus.unknown);
  return { file: file?.file ?? "", metrics, unknown };
}
