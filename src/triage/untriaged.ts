import { stabilizationPhase } from "../report/phase.js";
import type { TriageConfig } from "./config.js";

/**
 * The triage target (time allowed to give a new issue its severity) tightens with the
 * stabilization phase the issue was opened in: launch day and week 1 (T+0…T+7) `week1`,
 * week 2 (T+8…T+14) `week2`, otherwise `later` — also before launch and when no launch date is
 * configured.
 */
export function triageTarget(
  openedAt: Date,
  launch: { date?: string | undefined; timezone: string },
  config: TriageConfig,
): string {
  if (!launch.date) return config.triage_target.later;
  const { phase } = stabilizationPhase(launch.date, openedAt, launch.timezone);
  if (phase === "launch-day" || phase === "high-alert") return config.triage_target.week1;
  if (phase === "medium-alert") return config.triage_target.week2;
  return config.triage_target.later;
}
