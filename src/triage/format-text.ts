import { type Paint, plain, type Style } from "../format/paint.js";
import { severityRank } from "./evaluate.js";
import type { TriageResult } from "./result.js";
import type { Clock } from "./sla.js";

/**
 * Human output of `launchgate triage`: one row per issue, sorted by severity (P0 first,
 * unclassified last) then age (oldest first), then a one-line summary.
 */
export function formatTriageText(result: TriageResult, paint: Paint = plain): string {
  const now = Date.parse(result.now);
  const rows = [...result.issues].sort(
    (a, b) => severityRank(a.severity) - severityRank(b.severity) || a.createdAt.localeCompare(b.createdAt),
  );
  const header = ["#", "SEV", "PHASE", "STATE", "AGE", "TRIAGE", "RESPONSE", "RESOLUTION", "TITLE"];
  const cells = rows.map((issue) => [
    { text: `#${issue.number}` },
    { text: issue.severity ?? (issue.errors.length > 0 ? "error" : "—"), style: issue.severity ? undefined : "red" },
    { text: issue.phase ?? "—" },
    { text: issue.state },
    { text: span(now - Date.parse(issue.createdAt)) },
    clockCell(issue.triage, now),
    clockCell(issue.response, now),
    clockCell(issue.resolution, now),
    { text: issue.title },
  ]);
  const widths = header.map((h, column) => Math.max(h.length, ...cells.map((row) => row[column]?.text.length ?? 0)));
  const lines = [
    header
      .map((h, column) => h.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd(),
  ];
  for (const row of cells) {
    lines.push(
      row
        .map((cell, column) => {
          const padded = column === row.length - 1 ? cell.text : cell.text.padEnd(widths[column] ?? 0);
          return cell.style ? paint(cell.style as Style, padded) : padded;
        })
        .join("  ")
        .trimEnd(),
    );
  }
  for (const issue of rows) for (const error of issue.errors) lines.push(`#${issue.number}: ${paint("red", error)}`);
  const breaches = result.breaches.length;
  lines.push(
    `${result.issues.length} issues, ${result.untriaged.length} untriaged, ` +
      paint(breaches > 0 ? "red" : "green", `${breaches} SLA breach${breaches === 1 ? "" : "es"}`),
  );
  return `${lines.join("\n")}\n`;
}

const STATE_STYLE: Record<Clock["state"], Style | undefined> = {
  met: "green",
  missed: "yellow",
  pending: undefined,
  breached: "red",
  stopped: "dim",
};

function clockCell(clock: Clock, now: number): { text: string; style?: Style | undefined } {
  const style = STATE_STYLE[clock.state];
  if (clock.dueAt === null) return { text: clock.state, style };
  const due = Date.parse(clock.dueAt);
  if (clock.state === "breached") return { text: `breached +${span(now - due)}`, style };
  if (clock.state === "pending") return { text: `pending ${span(due - now)} left`, style };
  return { text: clock.state, style };
}

/** A duration as `3d4h`, `2h05m`, `7m`. */
export function span(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days}d${hours}h`;
  if (hours > 0) return `${hours}h${String(mins).padStart(2, "0")}m`;
  return `${mins}m`;
}
