import type { SlaBreach, Snapshot } from "../../../src/snapshot/schema.js";

export interface BreachViews {
  /** `sla.breaches`: clocks still running past their deadline, on issues open at the snapshot's end. */
  open: SlaBreach[];
  /** Clocks whose deadline passed during the week: running (`sla.breaches`) or stopped late (`sla.missed`). */
  newThisWeek: SlaBreach[];
  /** Both lists: every clock past its deadline that the week saw. */
  all: SlaBreach[];
}

export type BreachKind = keyof BreachViews;
export const BREACH_KINDS: readonly BreachKind[] = ["open", "newThisWeek", "all"];

/**
 * Splits a week's breaches the way a release manager asks: what is overdue right now, and what went
 * overdue this week. The counts are the snapshot's own: `sla.breaches` is the one breach definition
 * (what `launchgate triage` lists), `sla.missed` the clocks that stopped late in the week. Older
 * snapshots listed both in `sla.breaches`, so a stopped clock, or one whose issue is not in the
 * week's open list, is never an open breach. When the open list was capped (`openOmitted`), an
 * unlisted issue cannot be told apart from a closed one, so its running clock still counts.
 */
export function breachViews(s: Snapshot): BreachViews {
  const openIssues = new Set(s.issues.open.map((i) => i.number));
  const listComplete = s.issues.openOmitted === 0;
  const start = Date.parse(s.week.start);
  const end = Date.parse(s.week.end);
  const all = [...s.sla.breaches, ...s.sla.missed];
  return {
    open: s.sla.breaches.filter((b) => b.stoppedAt === null && (!listComplete || openIssues.has(b.number))),
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
