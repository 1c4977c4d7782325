import type { Heading, Root, RootContent } from "mdast";
import { toString as plainText } from "mdast-util-to-string";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { SEVERITIES, type Severity, type TriageConfig } from "./config.js";

/**
 * The single place that decides an issue's severity. Labels win; an issue without a severity
 * label takes the value of its issue-form field. Two labels naming different severities are a
 * triage error: the issue counts as untriaged until someone removes one.
 */

export type SeveritySource = "label" | "form";

export interface SeverityClass {
  severity: Severity | null;
  source: SeveritySource | null;
  error: string | null;
}

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
  issue: { labels: readonly string[]; body?: string | null | undefined },
  config: TriageConfig,
): SeverityClass {
  const named = new Map<Severity, string>();
  for (const label of issue.labels) {
    const severity = labelSeverity(label, config);
    if (severity && !named.has(severity)) named.set(severity, label);
  }
  if (named.size > 1) {
    const labels = [...named.values()].map((l) => `"${l}"`).join(" and ");
    return { severity: null, source: null, error: `conflicting severity labels ${labels}: keep one` };
  }
  const [labelled] = named.keys();
  if (labelled) return { severity: labelled, source: "label", error: null };
  const fromForm = formSeverity(issue.body ?? "", config);
  return fromForm ? { severity: fromForm, source: "form", error: null } : { severity: null, source: null, error: null };
}

const markdown = unified().use(remarkParse);

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

/** The plain-text answer under the heading named `field` (case-insensitive), or null when absent or empty. */
export function formField(body: string, field: string): string | null {
  const tree = markdown.parse(body) as Root;
  const wanted = normalize(field);
  const children = tree.children;
  const start = children.findIndex((node) => node.type === "heading" && normalize(plainText(node)) === wanted);
  if (start < 0) return null;
  const depth = (children[start] as Heading).depth;
  const answer: RootContent[] = [];
  for (const node of children.slice(start + 1)) {
    if (node.type === "heading" && node.depth <= depth) break;
    answer.push(node);
  }
  const text = answer
    .map((node) => plainText(node))
    .join("\n")
    .trim();
  return text === "" || /^no response$/i.test(text) ? null : text;
}
