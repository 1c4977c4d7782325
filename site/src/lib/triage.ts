import type { Snapshot, SnapshotOpenIssue } from "../../../src/snapshot/schema.js";

export interface BoardColumn {
  /** URL segment: triage/<slug>/ lists the whole column. */
  slug: string;
  label: string;
  /** Open issues at the week's end in this column, including any the snapshot left out. */
  total: number | null;
  issues: SnapshotOpenIssue[];
}

const SEVERITY_COLUMNS = [
  { slug: "p0", key: "P0", label: "P0 — critical" },
  { slug: "p1", key: "P1", label: "P1 — high" },
  { slug: "p2", key: "P2", label: "P2 — medium" },
  { slug: "p3", key: "P3", label: "P3 — low" },
] as const;

const oldestFirst = (a: SnapshotOpenIssue, b: SnapshotOpenIssue) => a.createdAt.localeCompare(b.createdAt);

/** The board's columns: one per severity plus untriaged, oldest issue first in each. */
export function boardColumns(s: Snapshot): BoardColumn[] {
  return [
    ...SEVERITY_COLUMNS.map((c) => ({
      slug: c.slug,
      label: c.label,
      total: s.issues.bySeverity[c.key].open,
      issues: s.issues.open.filter((i) => i.severity === c.key).sort(oldestFirst),
    })),
    {
      slug: "untriaged",
      label: "Untriaged",
      total: s.issues.untriaged,
      issues: s.issues.open.filter((i) => i.severity === null).sort(oldestFirst),
    },
  ];
}

/** An open issue with a clock past its deadline (triage, response or resolution). */
export function isBreached(issue: SnapshotOpenIssue): boolean {
  return [issue.triage, issue.response, issue.resolution].some((c) => c?.state === "breached");
}

const RANK: Record<string, number> = { P0: 0, P1: 1, P2: 2, P3: 3 };

/** Breached open issues, most severe first (untriaged after P0: it has no severity yet), then oldest. */
export function breachedIssues(s: Snapshot): SnapshotOpenIssue[] {
  const rank = (i: SnapshotOpenIssue) => (i.severity === null ? 0.5 : (RANK[i.severity] ?? 4));
  return s.issues.open.filter(isBreached).sort((a, b) => rank(a) - rank(b) || oldestFirst(a, b));
}
