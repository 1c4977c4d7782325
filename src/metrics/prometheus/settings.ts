import { InputError } from "../../errors.js";
import { PROXY_VARIABLES } from "../../proxy-variables.js";
import { type MetricsConfig, type PrometheusQuery, prometheusQueries } from "./config.js";
import { parseDuration } from "./duration.js";

/**
 * How to reach the Prometheus-compatible API: the config's `metrics.prometheus` plus what only the
 * environment may hold. Credentials come from the environment (the Action maps its inputs and
 * secrets there), never from the config file, which is committed:
 *
 * - `LAUNCHGATE_PROMETHEUS_URL` overrides `url`;
 * - `LAUNCHGATE_PROMETHEUS_TOKEN`: `Authorization: Bearer …`;
 * - `LAUNCHGATE_PROMETHEUS_USERNAME` + `LAUNCHGATE_PROMETHEUS_PASSWORD`: basic auth;
 * - `LAUNCHGATE_PROMETHEUS_HEADERS`: secret headers, one `Name: value` per line;
 * - `LAUNCHGATE_PROMETHEUS_CA`: a PEM CA certificate to trust (its text, or a file path).
 */
export interface PrometheusSettings {
  /** Base URL without a trailing slash. */
  url: string;
  stepMs: number;
  timeoutMs: number;
  /** Every header sent, Authorization included. */
  headers: Record<string, string>;
  /** Extra trusted CA: PEM text, or a file to read it from. */
  ca: { pem: string } | { file: string } | null;
  /** The environment's proxy variables (HTTPS_PROXY, NO_PROXY, …), as GitHub's requests honour them. */
  proxyEnv: Record<string, string>;
  queries: PrometheusQuery[];
}

export type Env = Readonly<Record<string, string | undefined>>;

const ENV_FILE = "environment";
/** Header names that carry credentials: only the environment may set them. */
const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie"]);

/** The settings, or null when no Prometheus queries are configured. */
export function prometheusSettings(config: MetricsConfig, env: Env, configFile: string): PrometheusSettings | null {
  const prometheus = config.prometheus;
  if (!prometheus || Object.keys(prometheus.queries).length === 0) return null;
  const url = (env.LAUNCHGATE_PROMETHEUS_URL?.trim() || prometheus.url || "").replace(/\/+$/, "");
  if (!url) {
    throw new InputError("metrics.prometheus has queries but no url", {
      file: configFile,
      fix: "set metrics.prometheus.url or LAUNCHGATE_PROMETHEUS_URL",
    });
  }
  checkUrl(url, env.LAUNCHGATE_PROMETHEUS_URL?.trim() ? `${ENV_FILE} LAUNCHGATE_PROMETHEUS_URL` : configFile);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(prometheus.headers)) {
    if (SECRET_HEADERS.has(name.toLowerCase())) {
      throw new InputError(`metrics.prometheus.headers.${name}: credentials never go in the config file`, {
        file: configFile,
        fix: "set LAUNCHGATE_PROMETHEUS_TOKEN, LAUNCHGATE_PROMETHEUS_USERNAME/PASSWORD or LAUNCHGATE_PROMETHEUS_HEADERS (from a secret)",
      });
    }
    headers[name] = value;
  }
  Object.assign(headers, secretHeaders(env.LAUNCHGATE_PROMETHEUS_HEADERS ?? ""));
  const auth = authorization(env);
  if (auth) headers.Authorization = auth;
  const ca = env.LAUNCHGATE_PROMETHEUS_CA?.trim();
  return {
    url,
    stepMs: parseDuration(prometheus.step) ?? 15_000,
    timeoutMs: parseDuration(prometheus.timeout) ?? 30_000,
    headers,
    ca: !ca ? null : ca.startsWith("-----BEGIN") ? { pem: ca } : { file: ca },
    proxyEnv: Object.fromEntries(
      PROXY_VARIABLES.flatMap((name) => (env[name] ? [[name, env[name]] as [string, string]] : [])),
    ),
    queries: prometheusQueries(prometheus),
  };
}

function checkUrl(url: string, where: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(`"${url}" is not a URL`, { file: where, fix: "e.g. https://prometheus.example.com" });
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new InputError(`"${url}" is not an http(s) URL`, { file: where, fix: "e.g. https://prometheus.example.com" });
  }
  if (parsed.username || parsed.password) {
    throw new InputError("the Prometheus URL holds credentials", {
      file: where,
      fix: "remove user:password@ and set LAUNCHGATE_PROMETHEUS_USERNAME/PASSWORD from a secret",
    });
  }
  if (/\/api\/v1\/?$/.test(parsed.pathname)) {
    throw new InputError(`"${url}" ends in /api/v1`, {
      file: where,
      fix: "give the base URL, the part before /api/v1",
    });
  }
  if (parsed.search || parsed.hash) {
    throw new InputError(`"${url}" has a query or fragment`, { file: where, fix: "give the base URL before /api/v1" });
  }
}

function authorization(env: Env): string | null {
  const token = env.LAUNCHGATE_PROMETHEUS_TOKEN?.trim();
  const user = env.LAUNCHGATE_PROMETHEUS_USERNAME ?? "";
  const password = env.LAUNCHGATE_PROMETHEUS_PASSWORD ?? "";
  if (token && (user || password)) {
    throw new InputError("both a bearer token and basic auth are set", {
      file: ENV_FILE,
      fix: "set LAUNCHGATE_PROMETHEUS_TOKEN or LAUNCHGATE_PROMETHEUS_USERNAME/PASSWORD, not both",
    });
  }
  if (token) return `Bearer ${token}`;
  if (!user && !password) return null;
  if (!user || !password || user.includes(":")) {
    throw new InputError(
      "basic auth needs LAUNCHGATE_PROMETHEUS_USERNAME (without ':') and LAUNCHGATE_PROMETHEUS_PASSWORD",
      {
        file: ENV_FILE,
        fix: "set both, or neither",
      },
    );
  }
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}

/** `Name: value` per line; blank lines are skipped. */
function secretHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const match = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+):\s*(.*)$/.exec(line);
    if (!match) {
      throw new InputError(`LAUNCHGATE_PROMETHEUS_HEADERS line ${i + 1} is not "Name: value"`, {
        file: ENV_FILE,
        fix: "one header per line, e.g. X-Scope-OrgID: tenant-1",
      });
    }
    headers[match[1] as string] = match[2] as string;
  });
  return headers;
}
