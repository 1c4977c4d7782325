import * as core from "@actions/core";
import type { Env } from "../metrics/prometheus/settings.js";
import { PROXY_VARIABLES } from "../proxy-variables.js";

/** Action input → the environment variable it stands for (an input, when set, wins). */
const INPUTS = {
  "prometheus-url": "LAUNCHGATE_PROMETHEUS_URL",
  "prometheus-token": "LAUNCHGATE_PROMETHEUS_TOKEN",
  "prometheus-username": "LAUNCHGATE_PROMETHEUS_USERNAME",
  "prometheus-password": "LAUNCHGATE_PROMETHEUS_PASSWORD",
  "prometheus-headers": "LAUNCHGATE_PROMETHEUS_HEADERS",
  "prometheus-ca": "LAUNCHGATE_PROMETHEUS_CA",
} as const;
const SECRET = new Set(["prometheus-token", "prometheus-password", "prometheus-headers"]);

/**
 * The Prometheus settings' environment in the Action: the `prometheus-*` inputs (from secrets) or
 * the same `LAUNCHGATE_PROMETHEUS_*` variables set with `env:`, and the runner's proxy variables.
 * Secret values are masked in the log.
 */
export function prometheusEnv(): Env {
  const env: Record<string, string | undefined> = Object.fromEntries(
    PROXY_VARIABLES.map((name) => [name, process.env[name]]),
  );
  for (const [input, name] of Object.entries(INPUTS)) {
    const value = core.getInput(input) || process.env[name] || undefined;
    if (value && SECRET.has(input)) {
      // A header line is masked by its value: the name alone (X-Scope-OrgID) is no secret.
      for (const line of value.split(/\r?\n/)) {
        const secret = input === "prometheus-headers" ? line.slice(line.indexOf(":") + 1).trim() : line.trim();
        if (secret) core.setSecret(secret);
      }
    }
    env[name] = value;
  }
  return env;
}
