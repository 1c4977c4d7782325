import type { CriteriaResult, Evidence } from "../result.js";
import { evidenceLabel } from "./text.js";

const escapeMd = (text: string) => text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);

function evidenceLine(e: Evidence): string {
  const label = evidenceLabel(e);
  const link = label && "url" in e && e.url ? `[${label}](${e.url})` : label;
  const title = e.kind === "issue" || e.kind === "pull" ? ` ${escapeMd(e.title)}` : "";
  return `  - ${link ? `${link}${title}: ` : ""}${escapeMd(e.text)}`;
}

/** Job summary: the decision, why (each fired rule with links), readiness parts, then the rules that passed. */
export function formatCriteriaMarkdown(result: CriteriaResult): string {
  const out: string[] = [];
  out.push(`## Release criteria: ${result.decision === "none" ? "no release action due" : `**${result.decision}**`}`);
  out.push("");
  out.push(
    `Readiness **${result.readiness}/100**${result.readinessNote ? ` (${result.readinessNote})` : ""} · latest release ${result.release ? (result.release.url ? `[${result.release.tag}](${result.release.url})` : result.release.tag) : "none"} · as of ${result.now}`,
  );
  out.push("");
  const fired = result.rules.filter((r) => r.outcome !== "pass");
  if (fired.length > 0) {
    out.push("### Why");
    out.push("");
    for (const rule of fired) {
      out.push(`- **${rule.outcome}** \`${rule.id}\` — ${escapeMd(rule.rule)}`);
      for (const e of rule.evidence) out.push(evidenceLine(e));
    }
    out.push("");
  }
  out.push("### Readiness");
  out.push("");
  out.push("| part | weight | score | points | detail |");
  out.push("| --- | ---: | ---: | ---: | --- |");
  for (const p of result.readinessParts) {
    const score = p.score === null ? "—" : p.score.toFixed(2);
    const points = p.points === null ? "left out" : p.points.toFixed(1);
    out.push(`| ${p.id} | ${p.weight} | ${score} | ${points} | ${escapeMd(p.detail)} |`);
  }
  out.push("");
  const passed = result.rules.filter((r) => r.outcome === "pass");
  if (passed.length > 0) {
    out.push("<details><summary>Rules that did not fire</summary>");
    out.push("");
    for (const rule of passed) out.push(`- \`${rule.id}\` — ${escapeMd(rule.rule)}`);
    out.push("");
    out.push("</details>");
    out.push("");
  }
  return out.join("\n");
}
