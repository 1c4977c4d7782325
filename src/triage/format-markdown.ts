import { SEVERITIES } from "./config.js";
import { span } from "./format-text.js";
import type { Breach, TriageResult } from "./result.js";

export interface SweepFacts {
  /** Label changes written, and those left for the next sweep by the request budget. */
  written: number;
  deferred: number;
  requests: number;
  budget: number;
  /** Issues whose comments could not all be read within the budget (labels left as they were). */
  incomplete: number[];
}

/**
 * The job summary of a triage sweep: counts, then SLA breaches grouped by severity (P0 first),
 * oldest (most overdue) first, each linked to its issue.
 */
export function formatSweepSummary(result: TriageResult, facts: SweepFacts): string {
  const open = result.issues.filter((i) => i.state === "open").length;
  const lines = [
    "## launchgate triage",
    "",
    `${open} open issues swept (${result.issues.length} in all) at ${result.now}: ` +
      `**${result.breaches.length}** SLA breach${result.breaches.length === 1 ? "" : "es"}, ` +
      `**${result.untriaged.length}** untriaged.`,
    "",
  ];
  const groups: [string, Breach[]][] = [
    ...SEVERITIES.map((s): [string, Breach[]] => [s, result.breaches.filter((b) => b.severity === s)]),
    ["Untriaged", result.breaches.filter((b) => b.severity === null)],
  ];
  for (const [name, breaches] of groups) {
    if (breaches.length === 0) continue;
    lines.push(
      `### ${name} (${breaches.length})`,
      "",
      "| Issue | Clock | Overdue | Due |",
      "| --- | --- | --- | --- |",
    );
    for (const b of breaches) {
      const title = escapeCell(b.title);
      const issue = b.url ? `[#${b.number}](${b.url}) ${title}` : `#${b.number} ${title}`;
      lines.push(`| ${issue} | ${b.clock} | ${span(b.overdueMinutes * 60_000)} | ${b.dueAt} |`);
    }
    lines.push("");
  }
  if (result.breaches.length === 0) lines.push("No SLA breaches.", "");
  lines.push(
    `Labels: ${facts.written} change${facts.written === 1 ? "" : "s"} written` +
      (facts.deferred > 0 ? `, ${facts.deferred} left for the next sweep (request budget)` : "") +
      `. API requests: ${facts.requests} of ${facts.budget}.`,
  );
  if (facts.incomplete.length > 0)
    lines.push("", `Comments not fully read (labels unchanged): ${facts.incomplete.map((n) => `#${n}`).join(", ")}.`);
  return `${lines.join("\n")}\n`;
}

/** Table cells end at `|` and line breaks. */
function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}
