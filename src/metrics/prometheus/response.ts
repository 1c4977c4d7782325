/**
 * Pure reading of Prometheus HTTP API answers (`/api/v1/query_range`, `/api/v1/query`): either the
 * series it returned or why there is nothing usable, in words a user can act on. Prometheus' own
 * error text is kept verbatim (it names the position of a PromQL syntax error).
 */

export interface PromPoint {
  /** Epoch milliseconds. */
  time: number;
  value: number;
}

export interface PromSeries {
  /** The series' labels, `{job="api"}` style, to name it in messages. */
  labels: string;
  points: PromPoint[];
}

export type PromAnswer = { ok: true; series: PromSeries[]; warnings: string[] } | { ok: false; reason: string };

/** Bodies larger than this are refused: a query that large returns far too many series. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

interface ApiBody {
  status?: unknown;
  error?: unknown;
  errorType?: unknown;
  warnings?: unknown;
  data?: { resultType?: unknown; result?: unknown };
}

/** How a PromQL error from the server starts, whatever the HTTP status. */
export const REFUSED = "Prometheus refused the query";

/** An HTTP answer (status code and body text) to a query. */
export function readAnswer(status: number, body: string): PromAnswer {
  let json: ApiBody | null = null;
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === "object" && parsed !== null) json = parsed as ApiBody;
  } catch {
    json = null;
  }
  if (json?.status === "error") {
    const kind = typeof json.errorType === "string" ? `${json.errorType}: ` : "";
    const text = typeof json.error === "string" ? json.error : "no error text";
    return { ok: false, reason: `${REFUSED} (HTTP ${status}, ${kind}${text})` };
  }
  if (status === 401 || status === 403) {
    return {
      ok: false,
      reason: `HTTP ${status} ${status === 401 ? "Unauthorized" : "Forbidden"}${excerpt(body)}: check LAUNCHGATE_PROMETHEUS_TOKEN or LAUNCHGATE_PROMETHEUS_USERNAME/PASSWORD (and the tenant header)`,
    };
  }
  if (status >= 300 && status < 400) {
    return { ok: false, reason: `HTTP ${status} redirect (not followed, so credentials stay put): set the final URL` };
  }
  if (status < 200 || status >= 300) return { ok: false, reason: `HTTP ${status}${excerpt(body)}` };
  if (json?.status !== "success" || typeof json.data !== "object" || json.data === null) {
    return {
      ok: false,
      reason: `not a Prometheus API answer${excerpt(body)}: is the URL the API's base (before /api/v1)?`,
    };
  }
  const warnings = Array.isArray(json.warnings) ? json.warnings.filter((w): w is string => typeof w === "string") : [];
  const { resultType, result } = json.data;
  if (resultType === "scalar") {
    const point = toPoint(result);
    return point ? { ok: true, series: [{ labels: "{}", points: [point] }], warnings } : malformed();
  }
  if ((resultType !== "matrix" && resultType !== "vector") || !Array.isArray(result)) {
    return { ok: false, reason: `the query returns a ${String(resultType)}, not a number over time` };
  }
  const series: PromSeries[] = [];
  for (const item of result as unknown[]) {
    if (typeof item !== "object" || item === null) return malformed();
    const entry = item as { metric?: unknown; values?: unknown; value?: unknown };
    const raw = resultType === "matrix" ? entry.values : [entry.value];
    if (!Array.isArray(raw)) return malformed();
    const points: PromPoint[] = [];
    for (const pair of raw) {
      const point = toPoint(pair);
      if (!point) return malformed();
      points.push(point);
    }
    series.push({ labels: formatLabels(entry.metric), points });
  }
  return { ok: true, series, warnings };
}

function malformed(): PromAnswer {
  return { ok: false, reason: "malformed Prometheus answer (a sample is not [time, value])" };
}

/** `[1793613600.5, "12.5"]` → a point; "NaN", "+Inf" and "-Inf" parse to their numbers. */
function toPoint(pair: unknown): PromPoint | null {
  if (!Array.isArray(pair) || pair.length !== 2) return null;
  const [time, text] = pair as [unknown, unknown];
  if (typeof time !== "number" || !Number.isFinite(time) || typeof text !== "string") return null;
  const value = text === "+Inf" ? Number.POSITIVE_INFINITY : text === "-Inf" ? Number.NEGATIVE_INFINITY : Number(text);
  if (Number.isNaN(value) && text !== "NaN") return null;
  return { time: Math.round(time * 1000), value };
}

/** `{__name__="up", job="api"}` → `up{job="api"}`. */
export function formatLabels(metric: unknown): string {
  if (typeof metric !== "object" || metric === null) return "{}";
  const entries = Object.entries(metric as Record<string, unknown>);
  const name = entries.find(([k]) => k === "__name__")?.[1];
  const labels = entries
    .filter(([k]) => k !== "__name__")
    .map(([k, v]) => `${k}=${JSON.stringify(String(v))}`)
    .join(", ");
  return `${typeof name === "string" ? name : ""}{${labels}}`;
}

function excerpt(body: string): string {
  const text = body.replace(/\s+/g, " ").trim().slice(0, 200);
  return text ? `: ${text}` : "";
}
