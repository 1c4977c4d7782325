import { SEVERITIES, type Severity, type TriageConfig } from "./config.js";
import { formField } from "./issue-form.js";

/**
 * The single place that decides an issue's severity, for every surface (triage board, clocks,
 * labels, release decisions, weekly counts):
 *
 * - A severity label sets it and confirms it.
 * - Conflicting severity labels (`P0` and `P2`): the issue counts at the most severe one (its
 *   clocks and release decisions fail closed), but it is not triaged: it stays on the board as
 *   untriaged (`needs-triage`) with an error until someone removes one.
 * - Without a label, the issue form's answer is a proposal: it sets the clocks' targets, but the
 *   issue stays untriaged and release decisions ignore it, unless the form was filed by an
 *   `OWNER`, `MEMBER` or `COLLABORATOR` (then it is confirmed, as if labelled).
 */

export type SeveritySource = "label" | "form";

export interface SeverityClass {
  /** The severity the clocks run at: the label's (the most severe of conflicting ones), else the form's. */
  severity: Severity | null;
  source: SeveritySource | null;
  /** A label set it, or a member filed the form: release decisions and weekly counts use it. */
  confirmed: boolean;
  /** Confirmed by a single severity: off the triage board. */
  triaged: boolean;
  error: string | null;
}

/** Author associations whose issue-form answer confirms the severity they picked. */
export const CONFIRMING_ASSOCIATIONS: readonly string[] = ["OWNER", "MEMBER", "COLLABORATOR"];

type LabelMap = ReadonlyMap<string, Severity>;
const labelMaps = new WeakMap<TriageConfig["severity_labels"], LabelMap>();

/** Configured label names (lower-cased, trimmed) → severity. */
function labelMap(config: TriageConfig): LabelMap {
  let map = labelMaps.get(config.severity_labels);
  if (!map) {
    const built = new Map<string, Severity>();
    for (const severity of SEVERITIES) {
      for (const label of config.severity_labels[severity]) built.set(normalize(label), severity);
    }
    labelMaps.set(config.severity_labels, built);
    map = built;
  }
  return map;
}

const normalize = (text: string) => text.trim().toLowerCase();

/** The severity a single label names, or null. */
export function labelSeverity(label: string, config: TriageConfig): Severity | null {
  return labelMap(config).get(normalize(label)) ?? null;
}

/** The label the Action applies for a severity: the first configured one. */
export function severityLabel(severity: Severity, config: TriageConfig): string {
  return config.severity_labels[severity][0] ?? severity;
}

export function classifySeverity(
  issue: { labels: readonly string[]; body?: string | null | undefined; author_association?: string | undefined },
  config: TriageConfig,
): SeverityClass {
  const named = new Map<Severity, string>();
  for (const label of issue.labels) {
    const severity = labelSeverity(label, config);
    if (severity && !named.has(severity)) named.set(severity, label);
  }
  const mostSevere = SEVERITIES.find((s) => named.has(s));
  if (mostSevere && named.size > 1) {
    const labels = [...named.values()].map((l) => `"${l}"`).join(" and ");
    return {
      severity: mostSevere,
      source: "label",
      confirmed: true,
      triaged: false,
      error: `conflicting severity labels ${labels}: counted as ${mostSevere} until one is removed`,
    };
  }
  if (mostSevere) return { severity: mostSevere, source: "label", confirmed: true, triaged: true, error: null };
  const fromForm = formSeverity(issue.body ?? "", config);
  if (!fromForm) return { severity: null, source: null, confirmed: false, triaged: false, error: null };
  const confirmed = CONFIRMING_ASSOCIATIONS.includes((issue.author_association ?? "").toUpperCase());
  return { severity: fromForm, source: "form", confirmed, triaged: confirmed, error: null };
}

/** The severity release decisions and weekly counts use: a confirmed one, else none. */
export function decisionSeverity(
  issue: { labels: readonly string[]; body?: string | null | undefined; author_association?: string | undefined },
  config: TriageConfig,
): Severity | null {
  const cls = classifySeverity(issue, config);
  return cls.confirmed ? cls.severity : null;
}

/**
 * The severity chosen in the issue form. GitHub renders each form field as a `### Label`
 * heading followed by the answer (or `_No response_`). The answer names a severity when it
 * is, or starts with, a configured label (`P1`, `P1 — high: …`, `sev1`) or a label's suffix
 * after its last colon (`High` for `severity:high`).
 */
export function formSeverity(body: string, config: TriageConfig): Severity | null {
  const answer = formField(body, config.form_field);
  if (answer === null) return null;
  const map = labelMap(config);
  const whole = normalize(answer);
  const firstWord = whole.match(/^[^\s,.;()[\]—–]+/)?.[0]?.replace(/[-:]+$/, "") ?? "";
  for (const candidate of [whole, firstWord]) {
    const direct = map.get(candidate);
    if (direct) return direct;
    for (const [label, severity] of map) {
      const suffix = label.slice(label.lastIndexOf(":") + 1);
      if (label.includes(":") && suffix === candidate) return severity;
    }
  }
  return null;
}
