import type { RestIssueEvent } from "../model/rest.js";
import { SEVERITIES, type Severity, type TriageConfig } from "./config.js";
import { labelSeverity } from "./severity.js";

/** Issue number → when each severity's label was first added (epoch ms), from `labeled` events. */
export type SeverityLabelTimes = ReadonlyMap<number, Partial<Record<Severity, number>>>;

/** The first `labeled` event per issue and severity, among events at or before `now`. */
export function severityLabelTimes(
  events: readonly RestIssueEvent[],
  now: Date,
  config: TriageConfig,
): SeverityLabelTimes {
  const times = new Map<number, Partial<Record<Severity, number>>>();
  for (const event of events) {
    const number = event.issue?.number;
    const at = Date.parse(event.created_at);
    if (event.event !== "labeled" || number === undefined || !event.label || at > now.getTime()) continue;
    const severity = labelSeverity(event.label.name, config);
    if (!severity) continue;
    const known = times.get(number) ?? {};
    const first = known[severity];
    if (first === undefined || at < first) known[severity] = at;
    times.set(number, known);
  }
  return times;
}

/**
 * When an issue first had `severity` or a more severe one (epoch ms), or null when no label event
 * says so. Downgrading keeps that instant (it never buys time); escalating starts the stricter
 * severity's clocks at the escalation, since nobody owed its targets before.
 */
export function atLeastSince(times: Partial<Record<Severity, number>> | undefined, severity: Severity): number | null {
  let since: number | null = null;
  for (const s of SEVERITIES.slice(0, SEVERITIES.indexOf(severity) + 1)) {
    const at = times?.[s];
    if (at !== undefined && (since === null || at < since)) since = at;
  }
  return since;
}
