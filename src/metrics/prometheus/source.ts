import type { MetricsConfig } from "./config.js";
import { httpTransport, PrometheusUnreachable } from "./http.js";
import { type PrometheusRead, readPrometheus, type Window } from "./read.js";
import { type Env, prometheusSettings } from "./settings.js";

/**
 * The Prometheus metrics source as the CLI and the Action use it: settings from the config and the
 * environment, an HTTP transport, one read of every query over the window. Null when no queries are
 * configured. An unreadable CA file makes every query unknown with that reason.
 */
export async function readConfiguredPrometheus(
  config: MetricsConfig,
  env: Env,
  configFile: string,
  window: Window,
): Promise<PrometheusRead | null> {
  const settings = prometheusSettings(config, env, configFile);
  if (!settings) return null;
  try {
    return await readPrometheus(settings, window, await httpTransport(settings));
  } catch (error) {
    if (!(error instanceof PrometheusUnreachable)) throw error;
    const unknown = Object.create(null) as Record<string, string>;
    for (const q of settings.queries) unknown[q.metric] = error.message;
    return { series: Object.create(null), unknown, requests: 0 };
  }
}
