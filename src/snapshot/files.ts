import { isIsoWeekId } from "../time/week-id.js";

/**
 * Where a week's files live, for every writer and reader (the Action's data branch, the CLI's
 * `--out` and `--snapshots` directories, the site's loader): `snapshots/<week>.json` and
 * `reports/<week>.md`.
 */
export const SNAPSHOT_DIR = "snapshots";
export const REPORT_DIR = "reports";

export function snapshotFileName(week: string): string {
  return `${week}.json`;
}

export function reportFileName(week: string): string {
  return `${week}.md`;
}

/** `snapshots/<week>.json`, relative to a data branch or an output directory. */
export function snapshotPath(week: string): string {
  return `${SNAPSHOT_DIR}/${snapshotFileName(week)}`;
}

export function reportPath(week: string): string {
  return `${REPORT_DIR}/${reportFileName(week)}`;
}

/** The week a snapshot file name (`2026-W47.json`) stands for, or null for any other file. */
export function snapshotFileWeek(name: string): string | null {
  const week = /^(\d{4}-W\d{2})\.json$/.exec(name)?.[1];
  return week && isIsoWeekId(week) ? week : null;
}
