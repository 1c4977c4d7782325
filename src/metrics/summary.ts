import type { MetricSample } from "./types.js";

/**
 * What the weekly snapshot keeps of a series read from Prometheus: the site never queries it, and
 * Prometheus forgets (retention), so the snapshot holds a summary of the week's samples and the
 * series downsampled to at most MAX_BUCKETS buckets (min, max, mean each) for the trends.
 */
export const MAX_BUCKETS = 168;

export interface SeriesSummary {
  count: number;
  min: number;
  max: number;
  mean: number;
  /** The latest sample. */
  last: { at: string; value: number };
}

export interface Bucket {
  /** Start of the bucket (ISO-8601). */
  at: string;
  min: number;
  max: number;
  mean: number;
}

export function summarize(samples: readonly MetricSample[]): SeriesSummary | null {
  const last = samples.at(-1);
  if (!last) return null;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (const s of samples) {
    min = Math.min(min, s.value);
    max = Math.max(max, s.value);
    sum += s.value;
  }
  return {
    count: samples.length,
    min,
    max,
    mean: round(sum / samples.length),
    last: { at: last.at, value: last.value },
  };
}

const MINUTE_MS = 60_000;

/**
 * Samples (oldest first) in [from, to) into equal buckets of whole minutes, at most MAX_BUCKETS of
 * them (a week: hours); empty buckets are left out (a gap stays a gap).
 */
export function downsample(samples: readonly MetricSample[], from: number, to: number): Bucket[] {
  const size = Math.max(MINUTE_MS, Math.ceil((to - from) / MAX_BUCKETS / MINUTE_MS) * MINUTE_MS);
  const buckets = new Map<number, { min: number; max: number; sum: number; n: number }>();
  for (const s of samples) {
    if (s.time < from || s.time >= to) continue;
    const key = from + Math.floor((s.time - from) / size) * size;
    const b = buckets.get(key) ?? { min: s.value, max: s.value, sum: 0, n: 0 };
    b.min = Math.min(b.min, s.value);
    b.max = Math.max(b.max, s.value);
    b.sum += s.value;
    b.n += 1;
    buckets.set(key, b);
  }
  return [...buckets].map(([at, b]) => ({
    at: new Date(at).toISOString(),
    min: b.min,
    max: b.max,
    mean: round(b.sum / b.n),
  }));
}

/** Six significant digits: a mean of 1/3 % need not carry 17. */
function round(value: number): number {
  return Number(value.toPrecision(6));
}
