import type { SlaBreach, Snapshot } from "../../../src/snapshot/schema.js";

export interface BreachViews {
  /** Clocks still running past their deadline at the snapshot's end, on issues that are open. */
  open: SlaBreach[];
  /** Clocks whose deadline passed during the week, still running or stopped late. */
  newThisWeek: SlaBreach[];
  /** Every breach the snapshot lists (open ones and those stopped late). */
  all: SlaBreach[];
}

export type BreachKind = keyof BreachViews;
export const BREACH_KINDS: readonly BreachKind[] = ["open", "newThisWeek", "all"];

/**
 * Splits a week's breach list the way a release manager asks: what is overdue right now, and what
 * went overdue this week. A breach that stopped (answered or closed late) or whose issue is not in
 * the week's open list is never an open breach. When the open list was capped (`openOmitted`), an
 * unlisted issue cannot be told apart from a closed one, so a running clock still counts.
 */
export function breachViews(s: Snapshot): BreachViews {
  const openIssues = new Set(s.issues.open.map((i) => i.number));
  const listComplete = s.issues.openOmitted === 0;
  const start = Date.parse(s.week.start);
  const end = Date.parse(s.week.end);
  const all = s.sla.breaches;
  return {
    open: all.filter((b) => b.stoppedAt === null && (!listComplete || openIssues.has(b.number))),
    newThisWeek: all.filter((b) => Date.parse(b.dueAt) >= start && Date.parse(b.dueAt) < end),
    all,
  };
}

export const BREACH_TITLES: Record<BreachKind, string> = {
  open: "Open breaches now",
  newThisWeek: "New this week",
  all: "All breaches of the week",
};

/** URL segment of each view (kept short and stable: they are linked from other pages). */
export const BREACH_SLUGS: Record<BreachKind, string> = { open: "open", newThisWeek: "new", all: "all" };
