import type { Snapshot } from "./schema.js";

/**
 * What a week's snapshot and report read of the week before: its id, the download and star totals
 * (for the deltas) and its metrics (week over week). Only this is kept of a stored snapshot read
 * for that: at 100,000 issues the rest of it (open issues, breaches) is tens of MiB nothing reads.
 */
export type WeekBefore = Pick<Snapshot, "week" | "downloads" | "stars" | "metrics">;

export function weekBefore(snapshot: Snapshot): WeekBefore {
  const { week, downloads, stars, metrics } = snapshot;
  return { week, downloads, stars, metrics };
}
