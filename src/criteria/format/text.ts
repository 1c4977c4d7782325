import type { Paint } from "../../format/paint.js";
import type { CriteriaResult, Evidence } from "../result.js";

export function evidenceLabel(e: Evidence): string {
  switch (e.kind) {
    case "issue":
      return `issue #${e.number}`;
    case "pull":
      return `PR #${e.number}`;
    case "metric":
      return e.line > 0 ? `${e.metric} @ ${e.file}:${e.line}` : `${e.metric} @ ${e.file}`;
    case "release":
      return `release ${e.tag}`;
    case "note":
      return "";
  }
}

/** Terminal output: the decision, readiness with its parts, then every rule (fired ones first). */
export function formatCriteriaText(result: CriteriaResult, paint: Paint): string {
  const lines: string[] = [];
  const decision = result.decision === "none" ? paint("green", "none") : paint("red", result.decision);
  lines.push(`decision: ${decision}`);
  lines.push(`readiness: ${result.readiness}/100${result.readinessNote ? ` (${result.readinessNote})` : ""}`);
  for (const part of result.readinessParts) {
    const points = part.points === null ? "  —  " : part.points.toFixed(1).padStart(5);
    lines.push(`  ${part.id.padEnd(8)} ${points}  ${part.detail}`);
  }
  lines.push(`latest release: ${result.release ? `${result.release.tag} (${result.release.publishedAt})` : "none"}`);
  lines.push("");
  const ordered = [...result.rules].sort((a, b) => Number(a.outcome === "pass") - Number(b.outcome === "pass"));
  for (const rule of ordered) {
    const mark = rule.outcome === "pass" ? paint("dim", "pass    ") : paint("red", rule.outcome.padEnd(8));
    lines.push(`${mark} ${rule.id} — ${rule.rule}`);
    for (const e of rule.evidence) {
      const label = evidenceLabel(e);
      lines.push(`           ${label ? `${label}: ` : ""}${e.text}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
