import type { Snapshot } from "../../../src/snapshot/schema.js";
import { actionNow } from "../../../src/time/now.js";

/** The build's "now": LAUNCHGATE_NOW when set (reproducible builds and tests), else the real time. */
export function buildNow(): Date {
  return actionNow(process.env.LAUNCHGATE_NOW);
}

/**
 * Stale when the build runs after the newest snapshot's `schedule.staleAfter`: the weekly run did not
 * write the next week in time, so the page must not pose as current.
 */
export function staleness(newest: Snapshot, now: Date): { stale: boolean; hoursLate: number } {
  const late = now.getTime() - Date.parse(newest.schedule.staleAfter);
  return { stale: late > 0, hoursLate: Math.max(0, Math.floor(late / 3_600_000)) };
}
