import { postLaunchWeek } from "../launch/stabilization.js";
import type { Snapshot, SnapshotMetric } from "../snapshot/schema.js";
import { metricSections } from "../snapshot/sections.js";
import type { WeekBefore } from "../snapshot/week-before.js";
import { addWeeks } from "../time/weeks.js";
import { comparisonText, formatValue } from "./status.js";

/**
 * The weekly report in the structure of the stabilization plan's template (North Star, core,
 * quality, community, highlights, challenges, next week), plus SLA, release decision and gates.
 * Everything from GitHub or a notes file is untrusted and escaped. The result fits an issue or
 * discussion body: at most 65,536 characters, long lists cut with "…and N more".
 */

export const MAX_REPORT_CHARS = 65_536;
const MAX_ITEM_CHARS = 300;
/** List lengths tried in turn until the report fits. */
const LIST_LIMITS = [Number.POSITIVE_INFINITY, 100, 50, 20, 10, 5, 2, 0];

const STATUS_ICON = { green: "🟢", yellow: "🟡", red: "🔴" } as const;

export function renderReport(snapshot: Snapshot, previous: WeekBefore | null = null): string {
  for (const limit of LIST_LIMITS) {
    const text = render(snapshot, previous, limit);
    if (text.length <= MAX_REPORT_CHARS) return text;
  }
  // Only a pathological number of metrics or gates gets here: cut at a line boundary.
  const text = render(snapshot, previous, 0);
  const note = "\n\n…report truncated to fit 65,536 characters.\n";
  const cut = text.lastIndexOf("\n", MAX_REPORT_CHARS - note.length);
  return text.slice(0, cut) + note;
}

/**
 * Untrusted text as inert Markdown: one line, Markdown and HTML punctuation backslash-escaped,
 * `@mentions` and `#refs` defused so posting the report pings no one.
 */
export function escapeText(text: string, max = MAX_ITEM_CHARS): string {
  let clean = text
    .replace(/[\r\n\t]+/g, " ")
    .replace(/\s{2,}/g, " ")
    .trim();
  // Cut before a lone high surrogate, so an emoji is dropped whole rather than halved.
  if (clean.length > max) clean = `${clean.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, "")}…`;
  // `$` too: GitHub renders $…$ as math.
  return clean.replace(/[\\`*_[\]<>#|~&$]/g, (c) => `\\${c}`).replace(/@/g, "@\u200b");
}

function render(s: Snapshot, previous: WeekBefore | null, limit: number): string {
  const out: string[] = [];
  const weekNumber = postLaunchWeek(s.launch.day);
  const title = weekNumber !== null ? `Week ${weekNumber} Post-Launch Report` : "Weekly Report";
  out.push(`# ${title} (${s.week.id})`, "");
  const when = `${s.week.start.slice(0, 10)} – ${lastDay(s.week.end)} (${escapeText(s.week.timeZone)})`;
  const launch =
    s.launch.date !== null
      ? ` · launched ${s.launch.date}, T+${s.launch.day} (${s.launch.phase})`
      : " · launch date not configured";
  out.push(`**${escapeText(s.repo.fullName)}** · ${when}${launch}`, "");
  out.push(`**Status: ${STATUS_ICON[s.status.overall]} ${s.status.overall}**`);
  for (const reason of s.status.reasons)
    out.push(`- ${reason.level === "red" ? "🔴" : "🟡"} ${escapeText(reason.message)}`);
  if (s.backfilled)
    out.push("", "_Reconstructed later from issue and pull request timestamps; some figures are unknown._");
  out.push("");

  const sections = metricSections(s);
  const prevMetric = (name: string) => previous?.metrics.find((m) => m.name === name) ?? null;
  // After a missed week the deltas span more than one week: say since when.
  const span = (week: string | null | undefined) =>
    !week || week === addWeeks(s.week.id, -1) ? "this week" : `since ${week}`;

  out.push("## North Star Metric");
  const star = sections.northStar;
  if (star) {
    out.push(
      `**Active Weekly Users**: ${formatValue(star.value, star.unit)}${weekOverWeek(star, prevMetric(star.name), span(previous?.week.id))}`,
    );
    out.push(`- Target: ${comparisonText(star)}`, `- Status: ${northStarStatus(star)}`);
  } else {
    out.push("**Active Weekly Users**: unknown (add an `awu` series to the metrics file)");
  }
  out.push("");

  out.push("## Core Metrics");
  out.push(`- Downloads (cumulative): ${count(s.downloads.total)}${change(s.downloads.delta, span(s.previousWeek))}`);
  for (const m of sections.core) out.push(metricLine(m));
  out.push("");

  out.push("## Quality Metrics");
  for (const m of sections.quality) out.push(metricLine(m));
  const bySeverity = s.issues.bySeverity;
  out.push(
    `- P0 bugs: ${count(bySeverity.P0.open)} open (${count(bySeverity.P0.new)} new, ${count(bySeverity.P0.fixed)} fixed)`,
  );
  out.push(
    `- P1 bugs: ${count(bySeverity.P1.open)} open (${count(bySeverity.P1.new)} new, ${count(bySeverity.P1.fixed)} fixed)`,
  );
  out.push(`- P2 / P3 open: ${count(bySeverity.P2.open)} / ${count(bySeverity.P3.open)}`);
  out.push(`- Untriaged: ${count(s.issues.untriaged)}`);
  out.push("");

  out.push(
    "### SLA compliance",
    "",
    "| Severity | Met | Missed | Pending | Breached | Compliance |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const [severity, c] of Object.entries(s.sla.bySeverity)) {
    const compliance = c.compliance === null ? "–" : `${c.compliance} %`;
    out.push(`| ${severity} | ${c.met} | ${c.missed} | ${c.pending} | ${c.breached} | ${compliance} |`);
  }
  out.push("");
  if (s.sla.breaches.length > 0) {
    out.push("**SLA breaches**");
    out.push(
      ...list(s.sla.breaches, limit, (b) => {
        const how = b.stoppedAt ? `met late at ${b.stoppedAt}` : "still running";
        return `${b.severity ?? "untriaged"} ${b.clock}: ${link(`#${b.number}`, b.url)} ${escapeText(b.title)} — due ${b.dueAt}, ${how}`;
      }),
    );
    out.push("");
  }

  out.push("## Community Health");
  for (const m of sections.community) out.push(metricLine(m));
  out.push(`- GitHub stars: ${count(s.stars.total)}${change(s.stars.delta, span(s.previousWeek))}`);
  out.push(`- Community contributions: ${count(s.community.mergedPulls)} merged PRs`);
  out.push(
    ...list(
      s.community.pulls,
      limit,
      (p) => `${link(`#${p.number}`, p.url)} ${escapeText(p.title)} by @\u200b${escapeText(p.author)}`,
    ).map((line) => `  ${line}`),
  );
  const other = sections.other;
  if (other.length > 0) {
    out.push("", "## Other Metrics");
    for (const m of other) out.push(metricLine(m));
  }
  out.push("");

  out.push("## Release");
  const decision = s.release.decision ?? "unknown";
  const readiness = s.release.readiness === null ? "unknown" : `${s.release.readiness}/100`;
  const note = s.release.readinessNote ? ` (${escapeText(s.release.readinessNote)})` : "";
  out.push(`- Decision: **${decision}** · readiness ${readiness}${note}`);
  out.push(
    ...list(
      s.release.fired,
      limit,
      (r) => `${r.outcome === "fire" ? "fires" : "consider"}: ${escapeText(r.id)} — ${escapeText(r.reason)}`,
    ),
  );
  out.push("");

  if (s.gates.length > 0) {
    out.push("## Gates");
    for (const g of s.gates) {
      out.push(
        `- ${g.passed ? "✅" : "⬜"} ${escapeText(g.title)}: ${g.requiredDone}/${g.required} required done (${g.done}/${g.total} in all)`,
      );
    }
    out.push("");
  }

  const notes: [string, string[]][] = [
    ["Highlights", s.notes.highlights],
    ["Challenges", s.notes.challenges],
    ["Next Week Focus", s.notes.focus],
  ];
  for (const [heading, entries] of notes) {
    out.push(`## ${heading}`);
    out.push(...(entries.length > 0 ? list(entries, limit, (e) => escapeText(e)) : ["- _none noted_"]));
    out.push("");
  }
  out.push(`<sub>Generated by launchgate at ${s.generatedAt}.</sub>`, "");
  return out.join("\n");
}

function list<T>(items: readonly T[], limit: number, line: (item: T) => string): string[] {
  const shown = items.slice(0, limit).map((item) => `- ${line(item)}`);
  if (items.length > limit) shown.push(`- …and ${items.length - limit} more`);
  return shown;
}

function link(text: string, url: string): string {
  // URLs come from the schema as http(s) only; parentheses would end the link early.
  return `[${text}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}

function count(value: number | null): string {
  return value === null ? "unknown" : String(value);
}

function change(delta: number | null, what: string): string {
  if (delta === null) return "";
  return ` (${delta >= 0 ? "+" : ""}${delta} ${what})`;
}

function metricLine(m: SnapshotMetric): string {
  const mark = m.status === "missed" ? " ⚠️ missed" : m.status === "unknown" ? "" : " ✓";
  return `- ${escapeText(m.name)}: ${formatValue(m.value, m.unit)} (target: ${comparisonText(m)})${mark}`;
}

/** "(+12.5 % WoW)", or "(+12.5 % since 2026-W44)" when `span` is longer than a week. */
function weekOverWeek(now: SnapshotMetric, before: SnapshotMetric | null, span: string): string {
  if (now.value === null || !before || before.value === null || before.value === 0) return "";
  const percent = ((now.value - before.value) / before.value) * 100;
  return ` (${percent >= 0 ? "+" : ""}${percent.toFixed(1)} % ${span === "this week" ? "WoW" : span})`;
}

function northStarStatus(m: SnapshotMetric): string {
  if (m.status === "unknown") return "Unknown";
  if (m.status === "missed") return "Below";
  if (m.target !== null && m.value !== null && m.value > m.target) return "Exceeding";
  return "On Track";
}

/** The last calendar day of a week whose end is the next Monday 00:00 (local). */
function lastDay(end: string): string {
  const date = Date.parse(`${end.slice(0, 10)}T00:00:00Z`) - 24 * 60 * 60 * 1000;
  return new Date(date).toISOString().slice(0, 10);
}
