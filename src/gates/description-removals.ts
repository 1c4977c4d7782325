import type { ChecklistItem } from "../checklist/types.js";
import { occurrenceKeys } from "./signoff.js";

/** One revision of a PR description, oldest first; `items` null when it cannot be read. */
export interface Revision {
  items: readonly ChecklistItem[] | null;
  /** Login of whoever saved this revision (the PR author for the first). */
  editor: string | null;
  where: string;
}

/** An owned required item that an earlier revision had and the description no longer has. */
export interface Removal {
  item: ChecklistItem;
  /** Who saved the revision that dropped it, or why that cannot be told. */
  by: { login: string | null; where: string } | { gap: string };
}

/**
 * The description has no base branch to compare with, but it has its edit history: an owned,
 * required item that existed in any earlier revision and is gone now was removed by whoever saved
 * the revision that first lacked it (the last such removal, if it came and went). Whether that
 * person may remove it (an owner or an approver) is for the caller. A removal next to a revision
 * that cannot be read (deleted, too large) cannot be attributed: it is returned as a gap.
 */
export function descriptionRemovals(revisions: readonly Revision[], current: readonly ChecklistItem[]): Removal[] {
  const lastRemoval = new Map<string, Removal>();
  let live = new Map<string, ChecklistItem>();
  let unreadable: string | null = null;
  for (const revision of revisions) {
    if (!revision.items) {
      unreadable ??= revision.where;
      continue;
    }
    const keys = occurrenceKeys(revision.items);
    const present = new Set(keys);
    for (const [key, item] of live) {
      if (present.has(key)) continue;
      const by = unreadable
        ? { gap: `removed in or next to ${unreadable}, which cannot be read, so who removed it is unknown` }
        : { login: revision.editor, where: revision.where };
      lastRemoval.set(key, { item, by });
    }
    live = new Map();
    revision.items.forEach((item, i) => {
      if (item.owners.length > 0 && !item.optional) live.set(keys[i] as string, item);
    });
    unreadable = null;
  }
  const now = new Set(occurrenceKeys(current));
  return [...lastRemoval].filter(([key]) => !now.has(key)).map(([, removal]) => removal);
}
