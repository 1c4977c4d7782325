import type { Config } from "../config/schema.js";
import type { RestIssue, RestIssueEvent } from "../model/rest.js";
import { SEVERITIES, type Severity } from "../triage/config.js";
import { classifySeverity, labelSeverity } from "../triage/severity.js";

export type { Severity };

/** How criteria learns an issue's severity; triage owns the classification. */
export type SeverityOf = (issue: RestIssue) => Severity | null;

/**
 * Triage's classification (labels, then the issue form). Conflicting severity labels are a
 * triage error (the issue stays untriaged there), but release decisions fail closed: such an
 * issue counts as the most severe label it carries, so `P0` + `P2` still forces a hotfix.
 */
export function triageSeverity(config: Pick<Config, "triage">): SeverityOf {
  return (issue) => {
    const classified = classifySeverity(issue, config.triage).severity;
    if (classified) return classified;
    const named = new Set(issue.labels.map((label) => labelSeverity(label, config.triage)));
    return SEVERITIES.find((severity) => named.has(severity)) ?? null;
  };
}

/** Issue number → when each severity's label was first added (epoch ms), from `labeled` events. */
export type SeverityLabelTimes = ReadonlyMap<number, Partial<Record<Severity, number>>>;

/** The first `labeled` event per issue and severity, among events at or before `now`. */
export function severityLabelTimes(
  events: readonly RestIssueEvent[],
  now: Date,
  config: Pick<Config, "triage">,
): SeverityLabelTimes {
  const times = new Map<number, Partial<Record<Severity, number>>>();
  for (const event of events) {
    const number = event.issue?.number;
    const at = Date.parse(event.created_at);
    if (event.event !== "labeled" || number === undefined || !event.label || at > now.getTime()) continue;
    const severity = labelSeverity(event.label.name, config.triage);
    if (!severity) continue;
    const known = times.get(number) ?? {};
    const first = known[severity];
    if (first === undefined || at < first) known[severity] = at;
    times.set(number, known);
  }
  return times;
}
