import type { Config } from "../config/schema.js";
import type { RestIssue, RestIssueEvent } from "../model/rest.js";
import { SEVERITIES, type Severity } from "../triage/config.js";
import { severityLabelTimes as labelTimes, type SeverityLabelTimes } from "../triage/label-times.js";
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

export type { SeverityLabelTimes };

/** When each issue first got each severity label (triage's `severityLabelTimes`), as of `now`. */
export function severityLabelTimes(
  events: readonly RestIssueEvent[],
  now: Date,
  config: Pick<Config, "triage">,
): SeverityLabelTimes {
  return labelTimes(events, now, config.triage);
}
