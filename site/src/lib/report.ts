import type { Snapshot, SnapshotMetric } from "../../../src/snapshot/schema.js";

const NORTH_STAR = new Set(["awu", "active_weekly_users"]);
const QUALITY = new Set(["error_rate", "crash_rate"]);
/** Shown in their own sections of the template, so not repeated under core metrics. */
const ELSEWHERE = new Set(["downloads", "stars"]);

export interface ReportSections {
  northStar: SnapshotMetric | undefined;
  core: SnapshotMetric[];
  quality: SnapshotMetric[];
}

/** Splits the week's metrics into the sections of the plan's weekly report template. */
export function reportSections(snapshot: Snapshot): ReportSections {
  return {
    northStar: snapshot.metrics.find((m) => NORTH_STAR.has(m.name)),
    quality: snapshot.metrics.filter((m) => QUALITY.has(m.name)),
    core: snapshot.metrics.filter((m) => !NORTH_STAR.has(m.name) && !QUALITY.has(m.name) && !ELSEWHERE.has(m.name)),
  };
}

/** The same metric in the previous week's snapshot, for week-over-week changes. */
export function previousValue(previous: Snapshot | undefined, name: string): number | null {
  return previous?.metrics.find((m) => m.name === name)?.value ?? null;
}

/** Week-over-week change in percent; null when either week is unknown or the base is 0. */
export function percentChange(current: number | null, before: number | null): number | null {
  if (current === null || before === null || before === 0) return null;
  return ((current - before) / Math.abs(before)) * 100;
}

/** The snapshot a week's deltas are against: its `previousWeek`, when that week is in the history. */
export function previousOf(all: readonly Snapshot[], snapshot: Snapshot): Snapshot | undefined {
  return snapshot.previousWeek ? all.find((s) => s.week.id === snapshot.previousWeek) : undefined;
}
