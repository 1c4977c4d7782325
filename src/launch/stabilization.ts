import { localDate } from "../time/zone.js";

/**
 * Stabilization phases after a launch, from the post-launch stabilization plan:
 * T+0 launch day, T+1–7 high alert, T+8–14 medium alert, T+15–30 steady state, then weekly cadence.
 */
export type StabilizationPhase = "pre-launch" | "launch-day" | "high-alert" | "medium-alert" | "steady" | "weekly";

export interface PhaseInfo {
  /** Whole days since the launch day (T+N); negative before launch. */
  day: number;
  phase: StabilizationPhase;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * T+N and the phase at `now`. `launchDate` is a calendar date (YYYY-MM-DD) in `timeZone`;
 * days are counted in that time zone, so T+1 starts at the next local midnight.
 */
export function stabilizationPhase(launchDate: string, now: Date, timeZone = "UTC"): PhaseInfo {
  const today = localDate(now, timeZone);
  const day = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${launchDate}T00:00:00Z`)) / DAY_MS);
  return { day, phase: phaseForDay(day) };
}

export function phaseForDay(day: number): StabilizationPhase {
  if (day < 0) return "pre-launch";
  if (day === 0) return "launch-day";
  if (day <= 7) return "high-alert";
  if (day <= 14) return "medium-alert";
  if (day <= 30) return "steady";
  return "weekly";
}

/**
 * The post-launch week that holds T+N, as the report heading numbers it: week N covers T+7N−6 to
 * T+7N (week 1 is T+1–7, the plan's high-alert week); null on or before launch day.
 */
export function postLaunchWeek(day: number | null): number | null {
  return day !== null && day > 0 ? Math.ceil(day / 7) : null;
}
