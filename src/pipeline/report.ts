import type { Config } from "../config/schema.js";
import { InputError } from "../errors.js";
import { renderReport } from "../report/markdown.js";
import type { WeekNotes } from "../report/notes.js";
import type { Snapshot } from "../snapshot/schema.js";
import { type WeekBefore, weekBefore } from "../snapshot/week-before.js";
import {
  addWeeks,
  compareWeekIds,
  formatWeekId,
  isoWeekOfDate,
  parseWeekId,
  reportWeekAt,
  weekBounds,
  weekOf,
} from "../time/weeks.js";
import { buildWeekSnapshot, type ReportSources } from "./week-snapshot.js";

/**
 * Report mode's pipeline, the same for `launchgate report` and the Action's report mode: which
 * week, which earlier weeks to reconstruct (`backfill`), each week's snapshot with its deltas
 * against the week before, and the Markdown report. Entry points only read the sources and stored
 * snapshots and write what comes back.
 */

/** A backfill never reconstructs more than two years of weeks. */
export const MAX_BACKFILL_WEEKS = 104;

/** The stored snapshots: which weeks exist, and one week's snapshot (checked to hold that week). */
export interface SnapshotStore {
  weeks: ReadonlySet<string>;
  read(week: string): Promise<Snapshot | null>;
}

export interface ReportRun {
  sources: Omit<ReportSources, "notes">;
  /** A week's notes file (`<notes_dir>/<week>.md`), read only for the weeks the run builds. */
  notes: (week: string) => Promise<WeekNotes | null>;
  weekId: string;
  now: Date;
  backfill: boolean;
  store: SnapshotStore;
  config: Config;
}

export interface ReportOutput {
  /** Snapshots built, oldest first; the last one is `weekId`'s, the others are backfilled. */
  snapshots: Snapshot[];
  snapshot: Snapshot;
  /** What `snapshot`'s deltas are against (of the week before). */
  previous: WeekBefore | null;
  markdown: string;
}

export async function runReport(run: ReportRun): Promise<ReportOutput> {
  const { sources, weekId, now, config } = run;
  const store = memoized(run.store);
  // A re-run replaces its week's file: only when that file holds that week (else it is another week's only copy).
  await store.read(weekId);
  const weeks = weeksToBuild(weekId, run.backfill, store.weeks, config, sources);
  const notes = new Map<string, WeekNotes>();
  for (const id of weeks) {
    const note = await run.notes(id);
    if (note) notes.set(id, note);
  }
  const built: Snapshot[] = [];
  let previous: WeekBefore | null = null;
  for (const id of weeks) {
    previous = await previousOf(id, store, built);
    const request = { weekId: id, now, previous, backfilled: id !== weekId };
    const snapshot = buildWeekSnapshot({ ...sources, notes }, request, config);
    built.push(snapshot);
  }
  const snapshot = built.at(-1) as Snapshot;
  return { snapshots: built, snapshot, previous, markdown: renderReport(snapshot, previous) };
}

/**
 * The weeks a run builds, oldest first: with `backfill`, the earlier ones without a stored snapshot
 * (at most MAX_BACKFILL_WEEKS), then `weekId`. Entry points ask too, to read metrics for them.
 */
export function weeksToBuild(
  weekId: string,
  backfill: boolean,
  stored: ReadonlySet<string>,
  config: Config,
  data: Pick<ReportSources, "issues" | "pulls">,
): string[] {
  const missing = backfill ? weeksToBackfill(weekId, stored, firstWeek(config, data)).slice(-MAX_BACKFILL_WEEKS) : [];
  return [...missing, weekId];
}

/**
 * The week to report: the one asked for, else the latest whose report is due at `now`. A week
 * that has not started at `now` has nothing to report. `where` names the flag or input in errors.
 */
export function reportWeek(
  asked: string | undefined,
  now: Date,
  config: Config,
  where: { name: string; file?: string; error?: typeof InputError },
): string {
  const ErrorClass = where.error ?? InputError;
  const file = where.file ? { file: where.file } : {};
  const week = asked?.trim() || reportWeekAt(now, config.launch.timezone, config.report.report_day);
  if (!parseWeekId(week)) {
    throw new ErrorClass(`${where.name} "${asked}" is not an ISO week`, {
      ...file,
      fix: "e.g. 2026-W47 (W53 only in 53-week years)",
    });
  }
  if (weekBounds(week, config.launch.timezone).start.getTime() > now.getTime()) {
    throw new ErrorClass(`${where.name} ${week} has not started yet at ${now.toISOString()}`, {
      ...file,
      fix: "pick a past or the current week, or set the replay time (--now / LAUNCHGATE_NOW)",
    });
  }
  return week;
}

/**
 * The first week a backfill reconstructs: the launch week, or else the week (in the launch time
 * zone) of the oldest issue or pull request.
 */
export function firstWeek(config: Config, data: Pick<ReportSources, "issues" | "pulls">): string | null {
  if (config.launch.date) return formatWeekId(isoWeekOfDate(config.launch.date));
  // A loop, not Math.min(...times): one argument per issue overflows the stack in large repositories.
  let oldest = Number.POSITIVE_INFINITY;
  for (const list of [data.issues, data.pulls]) {
    for (const item of list) oldest = Math.min(oldest, Date.parse(item.created_at));
  }
  return Number.isFinite(oldest) ? weekOf(new Date(oldest), config.launch.timezone) : null;
}

/**
 * Weeks to reconstruct: every week from the first one with data (or the launch week) up to, not
 * including, `weekId` that has no snapshot yet.
 */
export function weeksToBackfill(weekId: string, existing: ReadonlySet<string>, first: string | null): string[] {
  if (!first || compareWeekIds(first, weekId) >= 0) return [];
  const out: string[] = [];
  for (let id = first; compareWeekIds(id, weekId) < 0; id = addWeeks(id, 1)) if (!existing.has(id)) out.push(id);
  return out;
}

/** What the deltas read of the newest snapshot before `week`, stored or built in this run. */
async function previousOf(week: string, store: WeekStore, built: readonly Snapshot[]): Promise<WeekBefore | null> {
  const before = (id: string) => compareWeekIds(id, week) < 0;
  const storedWeek = [...store.weeks].filter(before).sort(compareWeekIds).at(-1);
  const builtSnapshot = built.filter((s) => before(s.week.id)).at(-1);
  if (builtSnapshot && (!storedWeek || compareWeekIds(builtSnapshot.week.id, storedWeek) > 0)) return builtSnapshot;
  return storedWeek ? store.read(storedWeek) : null;
}

/** Stored weeks as the deltas read them. */
interface WeekStore {
  weeks: ReadonlySet<string>;
  read(week: string): Promise<WeekBefore | null>;
}

/**
 * Each stored week read once per run (the Action reads each from the data branch), and only what
 * the deltas read of it kept (snapshot/week-before.ts): a stored week's issue lists are not.
 */
function memoized(store: SnapshotStore): WeekStore {
  const reads = new Map<string, Promise<WeekBefore | null>>();
  return {
    weeks: store.weeks,
    read: (week) => {
      let read = reads.get(week);
      if (!read) {
        read = store.read(week).then((snapshot) => snapshot && weekBefore(snapshot));
        reads.set(week, read);
      }
      return read;
    },
  };
}
