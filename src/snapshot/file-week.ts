import { InputError } from "../errors.js";
import type { Snapshot } from "./schema.js";

/**
 * A stored snapshot is `<week>.json`, and its `week.id` must be that week. A file named for one
 * week but holding another would be taken as its name's week (skipped by a backfill, overwritten by
 * a re-run), losing the week it holds, so a mismatch is an input error, never repaired.
 */
export function checkFileWeek(snapshot: Snapshot, week: string, file: string): Snapshot {
  if (snapshot.week.id !== week) {
    throw new InputError(`week.id: ${snapshot.week.id} but the file is named for ${week}`, {
      file,
      fix: `rename it to ${snapshot.week.id}.json, or regenerate ${week} with launchgate report`,
    });
  }
  return snapshot;
}
