import type { Config } from "../config/schema.js";
import type { RestIssue } from "../model/rest.js";
import type { Severity } from "../triage/config.js";
import { classifySeverity } from "../triage/severity.js";

export type { Severity };

/** How criteria learns an issue's severity; triage owns the classification. */
export type SeverityOf = (issue: RestIssue) => Severity | null;

/** Triage's classification (labels, then the issue form); conflicting labels count as unknown. */
export function triageSeverity(config: Pick<Config, "triage">): SeverityOf {
  return (issue) => classifySeverity(issue, config.triage).severity;
}
