import { type MetricSeries, PERCENT_METRICS } from "../types.js";
import { rangeChunks } from "./chunks.js";
import { type PrometheusQuery, percentScale } from "./config.js";
import { formatDuration } from "./duration.js";
import { PrometheusUnreachable, type Transport } from "./http.js";
import { type PromPoint, readAnswer } from "./response.js";
import type { PrometheusSettings } from "./settings.js";

/**
 * Reads each configured query over a window with `/api/v1/query_range`, in chunks below
 * Prometheus' points limit. A query yields a metric's samples, or the reason it is unknown: the
 * server cannot be reached or answers an error (Prometheus' own text kept), the result is empty,
 * holds NaN/±Inf, or is more than one series. Nothing here decides on missing data: the rules see
 * the reason and fail closed.
 */
export interface PrometheusRead {
  /** Metrics read, by name (no prototype: names are the user's). */
  series: Record<string, MetricSeries>;
  /** Metrics that could not be read → why. */
  unknown: Record<string, string>;
  requests: number;
}

/** At most this many range requests per query and read (10 million points): beyond, raise the step. */
export const MAX_CHUNKS = 1000;

export interface Window {
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, inclusive. */
  to: number;
}

export async function readPrometheus(
  settings: PrometheusSettings,
  window: Window,
  transport: Transport,
): Promise<PrometheusRead> {
  const read: PrometheusRead = {
    series: Object.create(null) as Record<string, MetricSeries>,
    unknown: Object.create(null) as Record<string, string>,
    requests: 0,
  };
  const answers = await Promise.all(
    settings.queries.map((q) => readQuery(settings, q, window, transport, () => read.requests++)),
  );
  settings.queries.forEach((q, i) => {
    const answer = answers[i];
    if (!answer) return;
    if ("reason" in answer) read.unknown[q.metric] = answer.reason;
    else read.series[q.metric] = answer.series;
  });
  return read;
}

async function readQuery(
  settings: PrometheusSettings,
  q: PrometheusQuery,
  window: Window,
  transport: Transport,
  count: () => void,
): Promise<{ series: MetricSeries } | { reason: string }> {
  const byLabels = new Map<string, PromPoint[]>();
  const step = String(settings.stepMs / 1000);
  const chunks = rangeChunks(window.from, window.to, settings.stepMs);
  if (chunks.length > MAX_CHUNKS) {
    return {
      reason: `${iso(window.from)} to ${iso(window.to)} at step ${formatDuration(settings.stepMs)} is ${chunks.length} requests per query (at most ${MAX_CHUNKS}): raise metrics.prometheus.step`,
    };
  }
  for (const chunk of chunks) {
    count();
    let answer: ReturnType<typeof readAnswer>;
    try {
      const http = await transport("/api/v1/query_range", {
        query: q.query,
        start: String(chunk.start / 1000),
        end: String(chunk.end / 1000),
        step,
        // Thanos: an error rather than a partial answer when a store is down (others ignore it).
        partial_response: "false",
      });
      answer = readAnswer(http.status, http.body);
    } catch (error) {
      if (error instanceof PrometheusUnreachable) return { reason: error.message };
      throw error;
    }
    if (!answer.ok) return { reason: `${answer.reason} for query ${quote(q.query)}` };
    // A warning means the answer may be incomplete (a Thanos store or Mimir ingester missing):
    // a breach could be in the part that is missing.
    if (answer.warnings.length > 0) {
      return {
        reason: `query ${quote(q.query)}: the server warned the answer may be incomplete (${answer.warnings.join("; ")})`,
      };
    }
    for (const s of answer.series) byLabels.set(s.labels, [...(byLabels.get(s.labels) ?? []), ...s.points]);
  }
  return toSeries(q, byLabels, window, settings.stepMs);
}

/** One series of finite samples, or the reason the answer cannot stand for the metric. */
export function toSeries(
  q: PrometheusQuery,
  byLabels: ReadonlyMap<string, readonly PromPoint[]>,
  window: Window,
  stepMs: number,
): { series: MetricSeries } | { reason: string } {
  const nonEmpty = [...byLabels].filter(([, points]) => points.length > 0);
  if (nonEmpty.length > 1) {
    const names = nonEmpty.slice(0, 3).map(([labels]) => labels);
    const more = nonEmpty.length > 3 ? `, … ${nonEmpty.length - 3} more` : "";
    return {
      reason: `query ${quote(q.query)} returns ${nonEmpty.length} series (${names.join(", ")}${more}): aggregate it to one, e.g. sum(…), max(…) or avg(…)`,
    };
  }
  const points = [...(nonEmpty[0]?.[1] ?? [])].sort((a, b) => a.time - b.time);
  if (points.length === 0) {
    return {
      reason: `query ${quote(q.query)} returned no data from ${iso(window.from)} to ${iso(window.to)} (step ${formatDuration(stepMs)}): check its metric names and labels`,
    };
  }
  const bad = points.filter((p) => !Number.isFinite(p.value));
  const firstBad = bad[0];
  if (firstBad) {
    return {
      reason: `query ${quote(q.query)} returned ${bad.length} sample(s) that are NaN or ±Inf (first at ${iso(firstBad.time)}, ${firstBad.value}): guard it, e.g. a ratio over zero traffic divides by zero`,
    };
  }
  const isPercent = (PERCENT_METRICS as readonly string[]).includes(q.metric);
  // The config allows only units it can scale (config.ts), so this is 1 or 100.
  const scale = percentScale(q.metric, q.unit) ?? 1;
  const outside = isPercent ? points.find((p) => p.value * scale < 0 || p.value * scale > 100) : undefined;
  if (outside) {
    return {
      reason: `query ${quote(q.query)} returned ${outside.value} at ${iso(outside.time)}, outside ${scale === 1 ? "0–100" : "0–1 (unit: ratio)"}: ${q.metric} is a percentage`,
    };
  }
  return {
    series: {
      name: q.metric,
      unit: isPercent ? "%" : q.unit,
      target: null,
      samples: points.map((p) => ({ at: iso(p.time), time: p.time, value: scaled(p.value, scale), line: 0 })),
      query: q.query,
    },
  };
}

/** A ratio read as percent: 0.07 × 100 is 7, not 7.000000000000001. */
function scaled(value: number, scale: number): number {
  return scale === 1 ? value : Number((value * scale).toPrecision(12));
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function quote(query: string): string {
  return `\`${query.length > 120 ? `${query.slice(0, 117)}…` : query}\``;
}
