import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";

export interface Series {
  name: string;
  /** One value per label; null = unknown (drawn as a gap, listed as "unknown"). */
  values: readonly (number | null)[];
}

export interface Target {
  name: string;
  value: number;
}

export interface LineChart {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  lines: { name: string; d: string; points: { x: number; y: number }[] }[];
  targets: { name: string; y: number; value: number }[];
}

const MAX_X_LABELS = 8;

/**
 * Geometry of a line chart, computed at build time: d3 scales place every coordinate, the page
 * only draws the paths. The y axis starts at 0 (or below, for negative values) and includes the
 * targets so a line can be read against its target.
 */
export function lineChart(
  labels: readonly string[],
  series: readonly Series[],
  targets: readonly Target[] = [],
  size = { width: 720, height: 260 },
): LineChart {
  // 40 units on the right: half a week label centred on the newest point, which sits at the edge.
  const plot = { left: 56, right: size.width - 40, top: 16, bottom: size.height - 36 };
  const x = scalePoint<string>().domain(labels).range([plot.left, plot.right]).padding(0.5);
  const known = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const values = [...known, ...targets.map((t) => t.value)];
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  // An all-zero (or all-unknown) chart still gets a readable 0–1 axis.
  const y = scaleLinear()
    .domain([min, max > min ? max : min + 1])
    .nice()
    .range([plot.bottom, plot.top]);
  const format = y.tickFormat(5);
  // Counts (open issues, downloads, stars) get whole-number ticks: no "0.5 issues".
  const whole = values.every(Number.isInteger);
  const step = Math.max(1, Math.ceil(labels.length / MAX_X_LABELS));
  const at = (index: number) => x(labels[index] ?? "") ?? plot.left;
  const path = line<number | null>()
    .defined((v) => v !== null)
    .x((_, i) => at(i))
    .y((v) => y(v ?? 0));
  return {
    width: size.width,
    height: size.height,
    plot,
    // Counted back from the newest week, so the latest week always has its label and none overlap.
    xTicks: labels.flatMap((label, i) => ((labels.length - 1 - i) % step === 0 ? [{ x: at(i), label }] : [])),
    yTicks: y
      .ticks(5)
      .filter((value) => !whole || Number.isInteger(value))
      .map((value) => ({ y: y(value), label: whole ? String(value) : format(value) })),
    lines: series.map((s) => ({
      name: s.name,
      d: path([...s.values]) ?? "",
      points: s.values.flatMap((v, i) => (v === null ? [] : [{ x: at(i), y: y(v) }])),
    })),
    targets: targets.map((t) => ({ name: t.name, y: y(t.value), value: t.value })),
  };
}
