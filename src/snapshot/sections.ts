import type { Snapshot, SnapshotMetric } from "./schema.js";

/**
 * What a snapshot's metrics mean in the weekly report template's sections, for both renderings
 * (the Markdown report and the site): the same metric is never "quality" in one and "core" in the
 * other.
 */
const NORTH_STAR = ["awu", "active_weekly_users", "active_users"];
const CORE = ["activation_rate", "retention_d7", "retention_rate", "satisfaction"];
const QUALITY = ["error_rate", "crash_rate", "uptime"];
const COMMUNITY = ["discord_members", "active_discussions"];
/** Reported on their own lines (cumulative downloads, stars, community PRs), not as metric rows. */
const OWN_LINES = ["downloads", "community_pulls", "stars"];

export interface MetricSections {
  /** The first North Star metric present (awu, active_weekly_users or active_users). */
  northStar: SnapshotMetric | undefined;
  core: SnapshotMetric[];
  quality: SnapshotMetric[];
  community: SnapshotMetric[];
  /** Every other metric in the snapshot (from the metrics file or config targets). */
  other: SnapshotMetric[];
}

export function metricSections(snapshot: Pick<Snapshot, "metrics">): MetricSections {
  const metrics = snapshot.metrics;
  const named = new Set([...NORTH_STAR, ...CORE, ...QUALITY, ...COMMUNITY, ...OWN_LINES]);
  return {
    northStar: NORTH_STAR.map((name) => metrics.find((m) => m.name === name)).find((m) => m !== undefined),
    core: metrics.filter((m) => CORE.includes(m.name)),
    quality: metrics.filter((m) => QUALITY.includes(m.name)),
    community: metrics.filter((m) => COMMUNITY.includes(m.name)),
    other: metrics.filter((m) => !named.has(m.name)),
  };
}
