import type { Check } from "../../doctor/check.js";
import { InputError } from "../../errors.js";
import type { MetricsConfig } from "./config.js";
import { httpTransport, PrometheusUnreachable, type Transport } from "./http.js";
import { REFUSED, readAnswer } from "./response.js";
import { type Env, prometheusSettings } from "./settings.js";

/**
 * `launchgate doctor`'s Prometheus checks: the URL answers, and each query parses and returns one
 * series at `now` (Prometheus' instant `/api/v1/query`). Nothing when no queries are configured.
 * A query that returns nothing right now is a warning (the metric would be unknown if it stays so).
 */
export async function prometheusChecks(
  config: MetricsConfig,
  env: Env,
  configFile: string,
  now: Date,
): Promise<Check[]> {
  let settings: ReturnType<typeof prometheusSettings>;
  try {
    settings = prometheusSettings(config, env, configFile);
  } catch (error) {
    if (error instanceof InputError) return [{ status: "fail", message: error.format() }];
    throw error;
  }
  if (!settings) return [];
  let transport: Transport;
  try {
    transport = await httpTransport(settings);
  } catch (error) {
    if (error instanceof PrometheusUnreachable) return [{ status: "fail", message: error.message }];
    throw error;
  }
  const time = String(now.getTime() / 1000);
  const checks: Check[] = [];
  for (const [i, q] of settings.queries.entries()) {
    const name = `metrics.prometheus.queries.${q.metric}`;
    let answer: ReturnType<typeof readAnswer>;
    try {
      const http = await transport("/api/v1/query", { query: q.query, time });
      answer = readAnswer(http.status, http.body);
    } catch (error) {
      if (!(error instanceof PrometheusUnreachable)) throw error;
      return [
        {
          status: "fail",
          message: `Prometheus at ${settings.url} does not answer: ${error.message}`,
          fix: "check metrics.prometheus.url (or LAUNCHGATE_PROMETHEUS_URL), the network and LAUNCHGATE_PROMETHEUS_CA",
        },
      ];
    }
    if (i === 0) {
      // The server answering with an error about the query is still the server answering.
      if (!answer.ok && !answer.reason.startsWith(REFUSED)) {
        return [{ status: "fail", message: `Prometheus at ${settings.url}: ${answer.reason}` }];
      }
      checks.push({ status: "pass", message: `Prometheus at ${settings.url} answers` });
    }
    if (!answer.ok) {
      checks.push({ status: "fail", message: `${name}: ${answer.reason}` });
      continue;
    }
    const series = answer.series.filter((s) => s.points.length > 0);
    const value = series[0]?.points[0]?.value;
    if (series.length > 1) {
      checks.push({
        status: "fail",
        message: `${name} returns ${series.length} series (${series
          .slice(0, 3)
          .map((s) => s.labels)
          .join(", ")})`,
        fix: "aggregate it to one, e.g. sum(…), max(…) or avg(…)",
      });
    } else if (value === undefined) {
      checks.push({
        status: "warn",
        message: `${name} parses but returns no data at ${now.toISOString()}`,
        fix: "check its metric names and labels: with no data the metric is unknown",
      });
    } else if (!Number.isFinite(value)) {
      checks.push({
        status: "warn",
        message: `${name} is ${value} at ${now.toISOString()}`,
        fix: "guard divisions (a ratio over zero traffic is NaN): NaN makes the metric unknown",
      });
    } else {
      checks.push({ status: "pass", message: `${name} parses and returns one series (${value} now)` });
    }
  }
  return checks;
}
