import { parseArgs } from "node:util";
import type { Paint } from "../../format/paint.js";
import { checkDisjoint, mergeMetrics } from "../../metrics/merge.js";
import { parseMetrics } from "../../metrics/parse.js";
import { prometheusSettings } from "../../metrics/prometheus/settings.js";
import { readConfiguredPrometheus } from "../../metrics/prometheus/source.js";
import { summarize } from "../../metrics/summary.js";
import type { MetricsData } from "../../metrics/types.js";
import { configFlag, formatFlag, instantFlag } from "../flags.js";
import type { FlagHelp } from "../help.js";
import { type CliIO, readUserText, UsageError } from "../io.js";

export const usage =
  "launchgate metrics --config FILE [--from ISO-8601 --to ISO-8601] [--metrics FILE] [--format text|json]";
export const summary =
  "what the rules would read, per metric (Prometheus queries and the metrics file): exit 0 when every metric is known, 1 when any is unknown";

export const flags: FlagHelp[] = [
  {
    name: "config",
    value: "FILE",
    default: "required",
    text: "the config with metrics.prometheus (the .github/launchgate.yml format)",
  },
  { name: "from", value: "ISO-8601", default: "an hour before --to", text: "start of the window read" },
  { name: "to", value: "ISO-8601", default: "the current time", text: "end of the window read" },
  {
    name: "metrics",
    value: "FILE",
    default: "none",
    text: "a metrics file (YAML, JSON or CSV) merged with the queries",
  },
  { name: "format", value: "text|json", default: "text", text: "output format" },
];
export const exits = { 0: "every metric was read", 1: "a metric is unknown (the reason is printed)" };

const FORMATS = ["text", "json"] as const;
const HOUR_MS = 3_600_000;

export async function run(argv: string[], io: CliIO, paint: Paint): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      metrics: { type: "string" },
      format: { type: "string", default: "text" },
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, { fix: usage });
  const format = formatFlag(values.format, FORMATS, "text");
  if (!values.config) throw new UsageError("--config is required", { fix: usage });
  const to = values.to === undefined ? Date.now() : instantFlag("--to", values.to).getTime();
  const from = values.from === undefined ? to - HOUR_MS : instantFlag("--from", values.from).getTime();
  if (from >= to) throw new UsageError("--from must be before --to", { fix: usage });

  const config = await configFlag(values.config);
  const settings = prometheusSettings(config.metrics, process.env, values.config);
  const file = values.metrics ? parseMetrics(await readUserText(values.metrics), values.metrics) : null;
  if (!settings && !file) {
    throw new UsageError(`nothing to read: ${values.config} has no metrics.prometheus.queries and no --metrics given`, {
      fix: "add metrics.prometheus (see docs/metrics.md) or pass --metrics FILE",
    });
  }
  checkDisjoint(file, settings?.queries.map((q) => q.metric) ?? [], values.config);
  const prometheus = await readConfiguredPrometheus(config.metrics, process.env, values.config, { from, to });
  const metrics = mergeMetrics(file, prometheus) as MetricsData;
  const rows = describe(metrics, from, to);
  if (format === "json") {
    const source = settings
      ? { url: settings.url, step: settings.stepMs / 1000, requests: prometheus?.requests ?? 0 }
      : null;
    const window = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
    io.stdout(`${JSON.stringify({ window, prometheus: source, metrics: rows }, null, 2)}\n`);
  } else {
    io.stdout(`window ${new Date(from).toISOString()} → ${new Date(to).toISOString()}\n`);
    if (settings) {
      io.stdout(
        `Prometheus ${settings.url}, step ${settings.stepMs / 1000} s, ${prometheus?.requests ?? 0} request(s)\n`,
      );
    }
    for (const row of rows) io.stdout(`${formatRow(row, paint)}\n`);
  }
  return rows.some((r) => r.unknown !== null) ? 1 : 0;
}

interface Row {
  name: string;
  source: string;
  unit: string | null;
  samples: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  last: { at: string; value: number } | null;
  /** Why the metric is unknown; null when read. */
  unknown: string | null;
}

function describe(metrics: MetricsData, from: number, to: number): Row[] {
  const names = [...new Set([...Object.keys(metrics.metrics), ...Object.keys(metrics.unknown ?? {})])].sort();
  return names.map((name) => {
    const series = Object.hasOwn(metrics.metrics, name) ? metrics.metrics[name] : undefined;
    const reason = metrics.unknown && Object.hasOwn(metrics.unknown, name) ? (metrics.unknown[name] ?? null) : null;
    const source =
      series?.query !== undefined ? `prometheus \`${series.query}\`` : series ? `file ${metrics.file}` : "prometheus";
    const inWindow = series?.samples.filter((s) => s.time >= from && s.time <= to) ?? [];
    const stats = summarize(inWindow);
    const empty = series && inWindow.length === 0 ? `no samples in the window in ${metrics.file}` : null;
    return {
      name,
      source,
      unit: series?.unit ?? null,
      samples: inWindow.length,
      min: stats?.min ?? null,
      max: stats?.max ?? null,
      mean: stats?.mean ?? null,
      last: stats?.last ?? null,
      unknown: reason ?? empty,
    };
  });
}

function formatRow(row: Row, paint: Paint): string {
  if (row.unknown !== null) return `${paint("red", "✗")} ${row.name}: unknown — ${row.unknown} (${row.source})`;
  const unit = row.unit ? ` ${row.unit}` : "";
  return `${paint("green", "✓")} ${row.name}: ${row.samples} samples from ${row.source}; min ${row.min}, max ${row.max}, mean ${row.mean}${unit}; latest ${row.last?.value} at ${row.last?.at}`;
}
