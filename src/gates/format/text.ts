import { type Paint, plain } from "../../format/paint.js";
import { type CheckResult, OFFLINE_SIGNOFF_NOTE, uncheckedSignoffs } from "../result.js";
import { progressBar } from "./progress-bar.js";

/**
 * Human output of `launchgate check`: per file and task a progress bar, then each blocking item
 * as `path:line: reason: text`, the compiler style editors and CI log viewers link to.
 */
export function formatCheckText(result: CheckResult, paint: Paint = plain): string {
  const lines: string[] = [];
  for (const file of result.files) {
    const verdict = file.passed ? paint("green", "PASS") : paint("red", "FAIL");
    lines.push(
      `${paint("bold", file.gate.title)} (${file.path}) ${verdict} ${file.requiredDone}/${file.required} required done`,
    );
    const width = Math.max(0, ...file.tasks.map((t) => t.heading.length));
    for (const task of file.tasks) {
      const count =
        task.required > 0
          ? `${progressBar(task.requiredDone, task.required)} ${task.requiredDone}/${task.required}`
          : "";
      const optional = task.total - task.required;
      const extra = optional > 0 ? paint("dim", ` (+${task.done - task.requiredDone}/${optional} optional)`) : "";
      lines.push(`  ${task.heading.padEnd(width)} ${count}${extra}`.trimEnd());
    }
  }
  for (const file of result.files) {
    for (const item of file.items) {
      if (!item.blocking) continue;
      const reason = item.blocking === "unticked" ? "unticked" : item.blocking.replaceAll("-", " ");
      lines.push(`${file.path}:${item.line}: ${paint("red", reason)}: ${item.text}`);
    }
    for (const item of file.removed) {
      lines.push(
        `${file.path}: ${paint("red", "removed")}: ${item.text} (required item at ${file.basePath ?? "base"}:${item.line})`,
      );
    }
  }
  const unchecked = uncheckedSignoffs(result);
  if (unchecked > 0)
    lines.push(paint("yellow", `${unchecked} owned item${unchecked === 1 ? "" : "s"}: ${OFFLINE_SIGNOFF_NOTE}`));
  return `${lines.join("\n")}\n`;
}
