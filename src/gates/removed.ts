import type { ChecklistItem } from "../checklist/types.js";

/**
 * An item's identity across versions: its heading path and its text, normalised so that
 * whitespace, case and Unicode compatibility forms do not matter. Ticking, reordering and
 * moving within the same section keep the identity; editing the text changes it.
 */
export function itemKey(item: Pick<ChecklistItem, "headings" | "text">): string {
  return [...item.headings.map(normalized), normalized(item.text)].join("\u0000");
}

/**
 * Normal forms already computed: a check keys every item of several versions of a document, and
 * the same headings and texts recur in each (NFKC is the costly part).
 */
const normalForms = new Map<string, string>();
const MAX_NORMAL_FORMS = 100_000;

function normalized(s: string): string {
  let form = normalForms.get(s);
  if (form === undefined) {
    form = s.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
    if (normalForms.size >= MAX_NORMAL_FORMS) normalForms.clear();
    normalForms.set(s, form);
  }
  return form;
}

/**
 * Required items of the base version that the head version no longer has. Duplicates count:
 * a section listing "Metrics reviewed" twice must keep both.
 */
export function removedItems(base: ChecklistItem[], head: ChecklistItem[]): ChecklistItem[] {
  const remaining = new Map<string, number>();
  for (const item of head) {
    const key = itemKey(item);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  const removed: ChecklistItem[] = [];
  for (const item of base) {
    const key = itemKey(item);
    const left = remaining.get(key) ?? 0;
    if (left > 0) remaining.set(key, left - 1);
    else if (!item.optional) removed.push(item);
  }
  return removed;
}
