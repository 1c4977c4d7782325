import { type CheckResult, OFFLINE_SIGNOFF_NOTE, uncheckedSignoffs } from "../result.js";
import { progressBar } from "./progress-bar.js";

/**
 * Makes untrusted text (item text, headings, paths) safe inside a Markdown table cell:
 * no markup, no HTML, no table breaks, and no @mentions that would notify anyone.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|#~!]/g, (ch) => `\\${ch}`)
    .replace(/@(?=[\w-])/g, "@\u200b")
    .replace(/\r?\n/g, " ");
}

/** `launchgate check --format markdown`: tables for a job summary or a PR comment. */
export function formatCheckMarkdown(result: CheckResult): string {
  const out: string[] = [];
  for (const file of result.files) {
    const icon = file.passed ? "✅" : "❌";
    out.push(
      `### ${icon} ${markdownText(file.gate.title)} — ${file.requiredDone}/${file.required} required items done`,
      "",
      `\`${file.path.replaceAll("`", "'")}\``,
      "",
      "| Task | Progress | Required | Optional |",
      "| --- | --- | ---: | ---: |",
    );
    for (const task of file.tasks) {
      const optional = task.total - task.required;
      out.push(
        `| ${markdownText(task.heading)} | ${progressBar(task.requiredDone, task.required)} | ${task.requiredDone}/${task.required} | ${optional > 0 ? `${task.done - task.requiredDone}/${optional}` : "–"} |`,
      );
    }
    const blocking = file.items.filter((i) => i.blocking);
    if (blocking.length > 0 || file.removed.length > 0) {
      out.push("", "| Line | Problem | Item |", "| ---: | --- | --- |");
      for (const item of blocking) {
        out.push(`| ${item.line} | ${item.blocking} | ${markdownText(item.text)} |`);
      }
      for (const item of file.removed) {
        out.push(`| base ${item.line} | removed | ${markdownText(item.text)} |`);
      }
    }
    out.push("");
  }
  const unchecked = uncheckedSignoffs(result);
  if (unchecked > 0) {
    out.push(`> [!WARNING]`, `> ${unchecked} owned item${unchecked === 1 ? "" : "s"}: ${OFFLINE_SIGNOFF_NOTE}.`, "");
  }
  return `${out.join("\n")}\n`;
}
