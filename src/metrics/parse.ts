import { type Document, LineCounter, parseDocument } from "yaml";
import * as z from "zod";
import { InputError } from "../errors.js";
import { parseYamlWithSchema } from "../yaml/parse.js";
import { ownEntry } from "./by-name.js";
import { parseCsv } from "./csv.js";
import { metricTargetSchema } from "./target.js";
import { type MetricSample, type MetricSeries, type MetricsData, PERCENT_METRICS } from "./types.js";

/**
 * Metrics files: time series of named metrics. Three spellings of the same data:
 *
 * - YAML / JSON: `{ metrics: { <name>: { unit?, target?, samples: [ { at, value } ] } } }`
 * - CSV: a header row `metric,at,value` (optional `unit` column), one sample per row.
 *
 * `at` is ISO-8601 with an explicit offset (`Z` or `+02:00`), so a file never depends on the
 * reader's time zone. `error_rate`, `crash_rate` and `uptime` are percentages (0–100), or fractions
 * with `unit: ratio` (scaled to percent when read).
 * Every error names the file and the line (and the CSV row).
 */
export type MetricsFormat = "yaml" | "json" | "csv";

const FORMAT_BY_EXTENSION: Record<string, MetricsFormat> = {
  ".yml": "yaml",
  ".yaml": "yaml",
  ".json": "json",
  ".csv": "csv",
};

export function metricsFormatOf(file: string): MetricsFormat {
  const ext = /\.[^./\\]+$/.exec(file.toLowerCase())?.[0] ?? "";
  const format = FORMAT_BY_EXTENSION[ext];
  if (!format) throw new InputError("unknown metrics file type", { file, fix: "name it .yml, .yaml, .json or .csv" });
  return format;
}

const timestamp = z.iso.datetime({
  offset: true,
  error: "expected an ISO-8601 time with an offset, e.g. 2026-11-02T14:00:00Z",
});
const value = z.number({ error: "expected a number" }).refine(Number.isFinite, "expected a finite number");
const metricName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, "metric names look like error_rate");

const entrySchema = z.strictObject({
  unit: z.string().optional(),
  target: metricTargetSchema.optional(),
  samples: z.array(z.strictObject({ at: timestamp, value })),
});
const fileSchema = z.strictObject({ metrics: z.record(metricName, entrySchema) });

/** Series by metric name; no prototype, so names like `constructor` or `__proto__` are plain keys. */
function seriesByName(): Record<string, MetricSeries> {
  return Object.create(null) as Record<string, MetricSeries>;
}

/** Parses a metrics file's text; the format comes from the file name unless given. */
export function parseMetrics(text: string, file: string, format: MetricsFormat = metricsFormatOf(file)): MetricsData {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const unitLines = new Map<string, number>();
  const metrics =
    format === "csv" ? parseCsvMetrics(source, file, unitLines) : parseStructured(source, file, format, unitLines);
  for (const series of Object.values(metrics)) {
    inPercent(series, file, unitLines.get(series.name) ?? 1);
    checkSeries(series, file);
  }
  return { file, metrics };
}

/** How a percent metric's unit converts to percent: as written, or a fraction (0.12) times 100. */
const PERCENT_UNITS: ReadonlyMap<string, number> = new Map([
  ["%", 1],
  ["percent", 1],
  ["pct", 1],
  ["ratio", 100],
  ["fraction", 100],
]);

/**
 * `error_rate`, `crash_rate` and `uptime` are percentages everywhere inside launchgate. A file may
 * give them as a fraction (`unit: ratio`, 0.12 = 12 %): such values are scaled to percent here, once,
 * so every rule, status and chart reads 12. Any other unit on a percent metric is an error naming
 * the line that declares it: guessing would turn 12 % into 0.12 % (a silent green).
 */
function inPercent(series: MetricSeries, file: string, unitLine: number): void {
  if (!(PERCENT_METRICS as readonly string[]).includes(series.name) || series.unit === null) return;
  const factor = PERCENT_UNITS.get(series.unit.trim().toLowerCase());
  if (factor === undefined) {
    throw new InputError(`${series.name} has unit "${series.unit}", but it is a percentage`, {
      file,
      line: unitLine,
      fix: 'write unit "%" (12 means 12 %) or unit "ratio" (0.12 means 12 %)',
    });
  }
  if (factor !== 1) {
    for (const s of series.samples) {
      if (s.value < 0 || s.value > 1) {
        throw new InputError(`${series.name} ${s.value} is outside 0–1 for unit "${series.unit}"`, {
          file,
          line: s.line,
          fix: `a ratio is a fraction (0.12 for 12 %); write unit "%" for percentages`,
        });
      }
      // toPrecision: 0.12 × 100 is 12.000000000000002 in floating point.
      s.value = Number((s.value * factor).toPrecision(12));
    }
  }
  series.unit = "%";
}

function parseStructured(
  text: string,
  file: string,
  format: "yaml" | "json",
  unitLines: Map<string, number>,
): Record<string, MetricSeries> {
  if (format === "json") checkJsonSyntax(text, file);
  // JSON is YAML; parsing both through YAML gives every value a line.
  const data = parseYamlWithSchema(text, fileSchema, { file, emptyValue: null });
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineOf = (path: (string | number)[]) => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  };
  const metrics = seriesByName();
  const entries: [string, z.output<typeof entrySchema>][] = Object.entries(data.metrics);
  const proto = protoEntry(doc, file, lineOf);
  if (proto) entries.push(["__proto__", proto]);
  for (const [name, entry] of entries) {
    if (entry.unit !== undefined) unitLines.set(name, lineOf(["metrics", name, "unit"]));
    metrics[name] = {
      name,
      unit: entry.unit ?? null,
      target: entry.target ?? null,
      samples: entry.samples.map((s, i) => sample(s.at, s.value, lineOf(["metrics", name, "samples", i]))),
    };
  }
  return metrics;
}

/** zod's records skip a `__proto__` key (assigning it would replace the prototype), so it is checked here. */
function protoEntry(
  doc: Document,
  file: string,
  lineOf: (path: (string | number)[]) => number,
): z.output<typeof entrySchema> | null {
  const metrics: unknown = doc.toJS()?.metrics;
  if (typeof metrics !== "object" || metrics === null || !Object.hasOwn(metrics, "__proto__")) return null;
  const result = entrySchema.safeParse(Object.getOwnPropertyDescriptor(metrics, "__proto__")?.value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = ["metrics", "__proto__", ...(issue?.path ?? []).filter((p) => typeof p !== "symbol")];
  throw new InputError(`"${path.join(".")}": ${issue?.message ?? "invalid value"}`, { file, line: lineOf(path) });
}

function checkJsonSyntax(text: string, file: string): void {
  try {
    JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split("\n").length;
    throw new InputError(`invalid JSON: ${message.replace(/ in JSON at position.*$/, "")}`, {
      file,
      ...(line === undefined ? {} : { line }),
    });
  }
}

const CSV_COLUMNS = ["metric", "at", "value", "unit"] as const;
/** A decimal number (`12.5`, `.5`, `-3`, `1e-3`); `Number()` alone would also take `0x10` as 16. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function parseCsvMetrics(text: string, file: string, unitLines: Map<string, number>): Record<string, MetricSeries> {
  const [header, ...rows] = parseCsv(text, file);
  if (!header) throw new InputError("empty CSV file", { file, fix: "start with the header row metric,at,value" });
  const columns = header.cells.map((c) => c.trim().toLowerCase());
  for (const column of columns) {
    if (!(CSV_COLUMNS as readonly string[]).includes(column)) {
      throw new InputError(`unknown CSV column "${column}"`, {
        file,
        line: header.line,
        fix: "columns are metric, at, value and optionally unit",
      });
    }
  }
  for (const required of ["metric", "at", "value"]) {
    if (!columns.includes(required)) {
      throw new InputError(`missing CSV column "${required}"`, {
        file,
        line: header.line,
        fix: "the header row is metric,at,value",
      });
    }
  }
  const metrics = seriesByName();
  rows.forEach((row, index) => {
    const where = (fix?: string) => ({ file, line: row.line, ...(fix ? { fix } : {}) });
    const rowLabel = `row ${index + 1}`;
    if (row.cells.length !== columns.length) {
      throw new InputError(`${rowLabel}: ${row.cells.length} fields, the header has ${columns.length}`, where());
    }
    const cell = (name: string) => (row.cells[columns.indexOf(name)] ?? "").trim();
    const name = cell("metric");
    const nameCheck = metricName.safeParse(name);
    if (!nameCheck.success)
      throw new InputError(`${rowLabel}: metric "${name}": metric names look like error_rate`, where());
    const at = cell("at");
    if (!timestamp.safeParse(at).success) {
      throw new InputError(
        `${rowLabel}: "at" is "${at}", expected an ISO-8601 time with an offset`,
        where("e.g. 2026-11-02T14:00:00Z"),
      );
    }
    const raw = cell("value");
    const number = DECIMAL.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isFinite(number))
      throw new InputError(`${rowLabel}: "value" is "${raw}", expected a number`, where("write 12.5, not 12.5%"));
    const unit = columns.includes("unit") ? cell("unit") || null : null;
    const series = ownEntry(metrics, name) ?? { name, unit, target: null, samples: [] };
    metrics[name] = series;
    if (unit !== null && series.unit !== null && unit !== series.unit) {
      throw new InputError(
        `${rowLabel}: unit "${unit}" differs from "${series.unit}" on an earlier ${name} row`,
        where(),
      );
    }
    if (unit !== null && series.unit === null) unitLines.set(name, row.line);
    series.unit ??= unit;
    series.samples.push(sample(at, number, row.line));
  });
  return metrics;
}

function sample(at: string, value: number, line: number): MetricSample {
  return { at, time: Date.parse(at), value, line };
}

/** Percent metrics stay within 0–100; one metric has one value per instant. Sorts samples. */
function checkSeries(series: MetricSeries, file: string): void {
  const isPercent = (PERCENT_METRICS as readonly string[]).includes(series.name);
  for (const s of series.samples) {
    if (isPercent && (s.value < 0 || s.value > 100)) {
      throw new InputError(`${series.name} ${s.value} is outside 0–100`, {
        file,
        line: s.line,
        fix: `${series.name} is a percentage: write 12.5 for 12.5 %`,
      });
    }
  }
  series.samples.sort((a, b) => a.time - b.time || a.line - b.line);
  for (let i = 1; i < series.samples.length; i++) {
    const [previous, current] = [series.samples[i - 1], series.samples[i]];
    if (previous && current && previous.time === current.time) {
      throw new InputError(`${series.name} has two samples at ${current.at} (also line ${previous.line})`, {
        file,
        line: current.line,
        fix: "keep one value per metric and instant",
      });
    }
  }
}
