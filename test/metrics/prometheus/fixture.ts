/**
 * The fixture series behind the Prometheus tests, as OpenMetrics (for promtool) and as a metrics
 * CSV (for the same samples given as a file). Times are on Monday 2026-11-09 (ISO week 2026-W46),
 * UTC: release v1.1.0 at 10:00, "now" 11:00.
 */
export const PREVIOUS_RELEASE = "2026-11-02T09:00:00Z";
export const RELEASE = "2026-11-09T10:00:00Z";
export const NOW = "2026-11-09T11:00:00Z";

const at = (hms: string) => Date.parse(`2026-11-09T${hms}Z`) / 1000;

export interface FixtureSeries {
  name: string;
  labels?: string;
  /** [epoch seconds, value] */
  samples: [number, number][];
}

/** One sample every `every` seconds from `from` to `to` (inclusive). */
function series(from: string, to: string, every: number, value: (sec: number) => number): [number, number][] {
  const out: [number, number][] = [];
  for (let s = at(from); s <= at(to); s += every) out.push([s, value(s)]);
  return out;
}
const between = (s: number, from: string, to: string) => s >= at(from) && s <= at(to);

export const SERIES: FixtureSeries[] = [
  // 1 s samples: 20 % from 10:30:00 to 10:31:59 — 1 min 59 s, one second short of 2 min.
  {
    name: "lg_err_short",
    samples: series("10:00:00", "11:00:00", 1, (s) => (between(s, "10:30:00", "10:31:59") ? 20 : 1)),
  },
  // … and to 10:32:00: exactly 2 min.
  {
    name: "lg_err_exact",
    samples: series("10:00:00", "11:00:00", 1, (s) => (between(s, "10:30:00", "10:32:00") ? 20 : 1)),
  },
  // 50 % for 10 min right up to the release, 1 % after: the spike belongs to the previous release.
  { name: "lg_err_spike", samples: series("09:50:00", "11:00:00", 1, (s) => (s < at("10:00:00") ? 50 : 1)) },
  { name: "lg_crash", samples: series("10:00:00", "11:00:00", 1, (s) => (s >= at("10:45:00") ? 0.25 : 0.05)) },
  { name: "lg_uptime", samples: series("10:00:00", "11:00:00", 1, () => 99.9) },
  // 15 s samples, 20 % from 10:20:00 to 10:21:30 with the 10:20:30 and 10:20:45 scrapes missing.
  {
    name: "lg_err_gap",
    samples: series("10:00:00", "11:00:00", 15, (s) => (between(s, "10:20:00", "10:21:30") ? 20 : 1)).filter(
      ([s]) => s !== at("10:20:30") && s !== at("10:20:45"),
    ),
  },
  // A series that stopped before the release: nothing since.
  { name: "lg_err_stale", samples: series("09:00:00", "09:30:00", 15, () => 1) },
  // A series that stopped at 10:10 (Prometheus still answers its last value for its 5 min lookback).
  { name: "lg_crash_stopped", samples: series("10:00:00", "10:10:00", 15, () => 0.5) },
  { name: "lg_err_by_job", labels: 'job="api"', samples: series("10:00:00", "11:00:00", 15, () => 1) },
  { name: "lg_err_by_job", labels: 'job="web"', samples: series("10:00:00", "11:00:00", 15, () => 2) },
  { name: "lg_err_nan", samples: series("10:00:00", "11:00:00", 15, (s) => (s === at("10:30:00") ? Number.NaN : 1)) },
  { name: "lg_users", samples: series("10:00:00", "11:00:00", 1, (s) => 1000 + ((s - at("10:00:00")) % 7)) },
];

function format(value: number): string {
  return Number.isNaN(value) ? "NaN" : String(value);
}

/** The fixture as OpenMetrics text, one gauge family per name. */
export function openMetrics(series: readonly FixtureSeries[] = SERIES): string {
  const lines: string[] = [];
  const families = [...new Set(series.map((s) => s.name))];
  for (const family of families) {
    lines.push(`# TYPE ${family} gauge`);
    for (const s of series.filter((x) => x.name === family)) {
      const name = s.labels ? `${s.name}{${s.labels}}` : s.name;
      for (const [sec, value] of s.samples) lines.push(`${name} ${format(value)} ${sec}`);
    }
  }
  lines.push("# EOF");
  return `${lines.join("\n")}\n`;
}

/** The same samples as a metrics CSV: fixture series name → metric name. */
export function metricsCsv(names: Record<string, string>): string {
  const rows = ["metric,at,value"];
  for (const [fixture, metric] of Object.entries(names)) {
    const s = SERIES.find((x) => x.name === fixture && !x.labels);
    if (!s) throw new Error(`no fixture series ${fixture}`);
    for (const [sec, value] of s.samples) rows.push(`${metric},${new Date(sec * 1000).toISOString()},${value}`);
  }
  return `${rows.join("\n")}\n`;
}

/** A config with `metrics.prometheus` (url left to LAUNCHGATE_PROMETHEUS_URL when not given). */
export function prometheusConfig(options: {
  url?: string;
  step?: string;
  timeout?: string;
  headers?: Record<string, string>;
  queries: Record<string, string | { query: string; unit?: string }>;
}): string {
  return `${JSON.stringify({
    launch: { date: "2026-11-02" },
    metrics: {
      prometheus: {
        ...(options.url ? { url: options.url } : {}),
        step: options.step ?? "1s",
        ...(options.timeout ? { timeout: options.timeout } : {}),
        ...(options.headers ? { headers: options.headers } : {}),
        queries: options.queries,
      },
    },
  })}\n`;
}
