import type { Config } from "../config/schema.js";
import type { CriteriaConfig } from "../criteria/config.js";
import { latestRelease } from "../criteria/facts.js";
import { checkDisjoint, mergeMetrics } from "../metrics/merge.js";
import type { MetricsConfig } from "../metrics/prometheus/config.js";
import type { Window } from "../metrics/prometheus/read.js";
import { type Env, prometheusSettings } from "../metrics/prometheus/settings.js";
import { readConfiguredPrometheus } from "../metrics/prometheus/source.js";
import type { MetricsSource } from "../metrics/source.js";
import type { MetricsData } from "../metrics/types.js";
import type { RestRelease } from "../model/rest.js";
import { weekBounds, weekJudgedAt } from "../time/weeks.js";

// The metrics stage of the criteria and report pipelines, for the Action's modes and the CLI
// alike: the window a run reads (since the latest release), and the metrics file merged with
// Prometheus over it. Here rather than in src/metrics/, which parses and reads metrics and needs
// to know nothing of releases, criteria or the config as a whole.

/**
 * The metrics the rules see: the metrics file (already parsed, or null) and the configured
 * Prometheus queries read over `window`, merged per name. A name in both is an error before any
 * request. Unknown metrics (Prometheus failures) are in `unknown`, with their reasons.
 */
export async function loadMetrics(options: {
  file: MetricsData | null;
  config: MetricsConfig;
  configFile: string;
  env: Env;
  window: Window;
}): Promise<MetricsData | null> {
  const { file, config, configFile, env, window } = options;
  const settings = prometheusSettings(config, env, configFile);
  checkDisjoint(file, settings?.queries.map((q) => q.metric) ?? [], configFile);
  return mergeMetrics(file, await readConfiguredPrometheus(config, env, configFile, window));
}

/** A metrics source (the file, or none) with the configured Prometheus queries read over `window`. */
export function withPrometheus(
  file: MetricsSource,
  options: { config: MetricsConfig; configFile: string; env: Env; window: Window },
): MetricsSource {
  return { read: async () => loadMetrics({ ...options, file: await file.read() }) };
}

/** Without a release, criteria looks this far back. */
const NO_RELEASE_LOOKBACK_MS = 7 * 24 * 3_600_000;

/** What criteria's rules read at `now`: since the latest release (the last 7 days without one). */
export function criteriaWindow(releases: readonly RestRelease[], now: Date, config: CriteriaConfig): Window {
  const to = now.getTime();
  const release = latestRelease(releases, to, config.includePrereleases);
  return { from: release?.time ?? to - NO_RELEASE_LOOKBACK_MS, to };
}

/**
 * What a report of these weeks reads: from each week's start (and back to the latest release at
 * the instant it is judged at, when earlier: the week's release decision reads since that release)
 * to the instant the last one is judged at.
 */
export function reportWindow(
  weekIds: readonly string[],
  now: Date,
  releases: readonly RestRelease[],
  config: Pick<Config, "launch" | "criteria">,
): Window {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const id of weekIds) {
    const start = weekBounds(id, config.launch.timezone).start.getTime();
    const at = weekJudgedAt(id, config.launch.timezone, now).getTime();
    const release = latestRelease(releases, at, config.criteria.includePrereleases);
    from = Math.min(from, start, release?.time ?? start);
    to = Math.max(to, at);
  }
  return { from, to };
}

/** "error_rate: reason" lines for every unknown metric, for stderr and a failing Action step. */
export function unknownMetricLines(metrics: MetricsData | null): string[] {
  return Object.entries(metrics?.unknown ?? {}).map(([name, reason]) => `metric ${name} is unknown: ${reason}`);
}
