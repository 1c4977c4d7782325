import type { Snapshot, SnapshotMetric } from "../../../src/snapshot/schema.js";
import { metricSections } from "../../../src/snapshot/sections.js";

export interface ReportSections {
  northStar: SnapshotMetric | undefined;
  core: SnapshotMetric[];
  quality: SnapshotMetric[];
}

/**
 * Splits the week's metrics into the sections of the plan's weekly report template, as the
 * Markdown report does (src/snapshot/sections.ts); the site lists community and other metrics
 * with the core ones.
 */
export function reportSections(snapshot: Snapshot): ReportSections {
  const sections = metricSections(snapshot);
  return {
    northStar: sections.northStar,
    quality: sections.quality,
    core: [...sections.core, ...sections.community, ...sections.other],
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
