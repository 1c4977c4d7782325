import type { RestIssue } from "../model/rest.js";
import type { Severity, TriageConfig } from "../triage/config.js";
import { decisionSeverity } from "../triage/severity.js";

export type { Severity };

/** How criteria and the weekly counts learn an issue's severity; triage owns the classification. */
export type SeverityOf = (issue: RestIssue) => Severity | null;

/**
 * Triage's one rule (triage/severity.ts), as release decisions read it: only a confirmed severity
 * counts (a reporter's proposal triggers no hotfix or rollback); conflicting labels count at the
 * most severe, so `P0` + `P2` still forces a hotfix.
 */
export function decisionSeverityOf(triage: TriageConfig): SeverityOf {
  return (issue) => decisionSeverity(issue, triage);
}
