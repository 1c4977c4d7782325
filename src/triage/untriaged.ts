import type { LaunchConfig } from "../launch/config.js";
import { stabilizationPhase } from "../launch/stabilization.js";
import type { BusinessHours, TriageConfig } from "./config.js";

/**
 * The triage target (time allowed to give a new issue its severity) tightens with the
 * stabilization phase the issue was opened in: launch day and week 1 (T+0…T+7) `week1`,
 * week 2 (T+8…T+14) `week2`, otherwise `later` — also before launch and when no launch date is
 * configured.
 */
export function triageTarget(openedAt: Date, launch: LaunchConfig, config: TriageConfig): string {
  if (!launch.date) return config.triage_target.later;
  const { phase } = stabilizationPhase(launch.date, openedAt, launch.timezone);
  if (phase === "launch-day" || phase === "high-alert") return config.triage_target.week1;
  if (phase === "medium-alert") return config.triage_target.week2;
  return config.triage_target.later;
}

/**
 * The business hours the triage clock follows: none in week 1 (the plan triages every issue
 * within 2 h, around the clock); from week 2 on the plan's targets hold "during business hours",
 * so the configured business hours apply when there are any.
 */
export function triageCalendar(openedAt: Date, launch: LaunchConfig, config: TriageConfig): BusinessHours | undefined {
  if (!config.business_hours) return undefined;
  if (launch.date) {
    const { phase } = stabilizationPhase(launch.date, openedAt, launch.timezone);
    if (phase === "launch-day" || phase === "high-alert") return undefined;
  }
  return config.business_hours;
}
