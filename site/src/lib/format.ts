import type { Decision, SnapshotMetric } from "../../../src/snapshot/schema.js";

/** Unknown values stay visibly unknown — never shown as 0. */
export function count(value: number | null | undefined): string {
  return value === null || value === undefined ? "unknown" : value.toLocaleString("en-US");
}

export function signed(value: number | null | undefined, suffix = ""): string {
  if (value === null || value === undefined) return "n/a";
  if (value === 0) return `±0${suffix}`;
  const rounded = Math.round(value * 100) / 100;
  return `${rounded > 0 ? "+" : "−"}${Math.abs(rounded).toLocaleString("en-US")}${suffix}`;
}

/** The difference between two possibly unknown values. */
export function diff(current: number | null | undefined, previous: number | null | undefined): number | null {
  return current === null || current === undefined || previous === null || previous === undefined
    ? null
    : current - previous;
}

/** `2026-11-27 22:00 UTC`: one unambiguous zone on every page, whatever the snapshot's zone. */
export function when(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function day(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10);
}

const PHASES: Record<string, string> = {
  "pre-launch": "Pre-launch",
  "launch-day": "Launch day (T+0) — active monitoring",
  "high-alert": "Week 1 (T+1–7) — high alert",
  "medium-alert": "Week 2 (T+8–14) — medium monitoring",
  steady: "Weeks 3–4 (T+15–30) — steady state",
  weekly: "After T+30 — weekly cadence",
};

export function phase(value: string | null): string {
  return value ? (PHASES[value] ?? value) : "unknown";
}

export function tPlus(day: number | null): string {
  if (day === null) return "T+?";
  return day < 0 ? `T${day}` : `T+${day}`;
}

const DECISIONS: Record<Decision, string> = {
  rollback: "Roll back",
  "consider-rollback": "Consider a rollback",
  hotfix: "Hotfix",
  patch: "Patch release due",
  feature: "Feature release due",
  none: "No release needed",
};

export function decision(value: Decision | null): string {
  return value ? DECISIONS[value] : "unknown";
}

// A Map, not an object: metric names are untrusted and may be "constructor" or "toString".
const METRICS = new Map([
  ["error_rate", "Error rate"],
  ["crash_rate", "Crash rate"],
  ["awu", "Active weekly users"],
  ["active_weekly_users", "Active weekly users"],
  ["downloads", "Downloads"],
  ["activation_rate", "Activation rate"],
  ["retention_d7", "Retention (day 7)"],
  ["satisfaction", "User satisfaction"],
  ["uptime", "Uptime"],
]);

export function metricName(name: string): string {
  return METRICS.get(name) ?? name.replaceAll("_", " ");
}

export function metricValue(value: number | null, unit: string): string {
  if (value === null) return "unknown";
  return `${value.toLocaleString("en-US", { maximumFractionDigits: 3 })}${unit === "%" ? " %" : unit ? ` ${unit}` : ""}`;
}

export function metricTarget(metric: SnapshotMetric): string {
  if (metric.target === null) return "no target";
  return `${metric.comparison ?? ""} ${metricValue(metric.target, metric.unit)}`.trim();
}

export function percentOf(done: number, total: number): number {
  return total === 0 ? 100 : Math.round((done / total) * 100);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
