import type { TriageConfig } from "./config.js";
import { severityRank } from "./evaluate.js";
import type { TriageResult } from "./result.js";
import { classifySeverity, severityLabel } from "./severity.js";

/**
 * The labels the Action manages, as changes against an issue's current labels: only what
 * differs is written, so re-runs write nothing.
 *
 * - `needs-triage` on open issues that are not triaged (no confirmed severity, or conflicting
 *   labels): a reporter's form answer is a proposal, so it stays until someone labels the issue.
 * - the severity label chosen in the issue form, when the issue has no severity label and the form
 *   was filed by an owner, member or collaborator (a confirmed answer); never for a reporter's
 *   proposal, which a label would silently confirm.
 * - `sla:breached` on open issues with a running clock past its target (sweep only; closing
 *   an issue stops its clocks, so the label comes off).
 */
export interface LabelChange {
  number: number;
  add: string[];
  remove: string[];
}

const has = (labels: readonly string[], name: string) => labels.some((l) => l.toLowerCase() === name.toLowerCase());

function change(number: number, labels: readonly string[], wanted: Record<string, boolean>): LabelChange {
  const add: string[] = [];
  const remove: string[] = [];
  for (const [name, want] of Object.entries(wanted)) {
    if (want && !has(labels, name)) add.push(name);
    if (!want && has(labels, name)) remove.push(labels.find((l) => l.toLowerCase() === name.toLowerCase()) ?? name);
  }
  return { number, add, remove };
}

/** Changes for one issue on an `issues`/`issue_comment` event. */
export function eventLabelChange(
  issue: {
    number: number;
    state: "open" | "closed";
    labels: readonly string[];
    body?: string | null | undefined;
    author_association?: string | undefined;
  },
  config: TriageConfig,
): LabelChange {
  const severity = classifySeverity(issue, config);
  const open = issue.state === "open";
  const wanted: Record<string, boolean> = { [config.labels.needs_triage]: open && !severity.triaged };
  if (severity.severity && severity.source === "form" && severity.confirmed && config.label_from_form)
    wanted[severityLabel(severity.severity, config)] = true;
  // Closing stops every clock; the sweep sets the label on open issues only.
  if (!open) wanted[config.labels.breached] = false;
  return change(issue.number, issue.labels, wanted);
}

/**
 * Changes for a sweep, most urgent first (breaches by severity, then other additions, then
 * removals), so a write budget spends itself where it matters.
 */
export function sweepLabelChanges(
  result: TriageResult,
  labelsOf: ReadonlyMap<number, readonly string[]>,
  config: TriageConfig,
): LabelChange[] {
  const breached = new Set(result.breaches.map((b) => b.number));
  const changes: (LabelChange & { rank: number })[] = [];
  for (const issue of result.issues) {
    const labels = labelsOf.get(issue.number) ?? [];
    const open = issue.state === "open";
    const c = change(issue.number, labels, {
      [config.labels.breached]: open && breached.has(issue.number),
      [config.labels.needs_triage]: open && !issue.triaged,
    });
    if (c.add.length === 0 && c.remove.length === 0) continue;
    const addsBreach = c.add.includes(config.labels.breached);
    const rank = addsBreach ? severityRank(issue.severity) : c.add.length > 0 ? 10 : 20;
    changes.push({ ...c, rank });
  }
  return changes.sort((a, b) => a.rank - b.rank || a.number - b.number).map(({ rank: _, ...c }) => c);
}

/** API requests a change costs: one to add any number of labels, one per label removed. */
export function requestsFor(change: LabelChange): number {
  return (change.add.length > 0 ? 1 : 0) + change.remove.length;
}
