import type { ChecklistDocument, ChecklistItem } from "../checklist/types.js";
import { occurrenceKeys } from "./signoff.js";

/**
 * What the PR cannot loosen: an item's owners are those its base version names plus any the head
 * adds (a PR can add an owner, never remove one), and an item is `(optional)` only when its base
 * version says so too. Items are matched by identity (heading path, text, occurrence), the same
 * reading owners and `(optional)` come from, so this only tightens; items new on the PR branch
 * keep their own owners. Returns the head document with those items adjusted.
 */
export function withBaseAuthority<D extends ChecklistDocument>(head: D, base: ChecklistDocument | undefined): D {
  if (!base) return head;
  const baseKeys = occurrenceKeys(base.items);
  const baseByKey = new Map(base.items.map((item, i) => [baseKeys[i] as string, item]));
  const headKeys = occurrenceKeys(head.items);
  let changed = false;
  const items = head.items.map((item, i): ChecklistItem => {
    const before = baseByKey.get(headKeys[i] as string);
    if (!before) return item;
    const owners = [...new Set([...before.owners, ...item.owners])];
    const optional = before.optional && item.optional;
    if (owners.length === item.owners.length && optional === item.optional) return item;
    changed = true;
    return { ...item, owners, optional };
  });
  return changed ? { ...head, items } : head;
}
