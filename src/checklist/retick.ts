import type { ChecklistDocument, ChecklistItem } from "./types.js";

/**
 * Most commits to a gate document only tick boxes. Such a version has exactly the structure of
 * the one before it — only characters between task-marker brackets differ — so its items are the
 * old items with `checked` flipped, and it need not be parsed again (a 1,000-item gate costs
 * ~150 ms to parse). Returns null whenever that cannot be shown, and the caller parses in full.
 */
export function retick<D extends ChecklistDocument>(previous: { text: string; doc: D }, text: string): D | null {
  const before = previous.text;
  if (before.length !== text.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (before.charCodeAt(i) !== text.charCodeAt(i)) {
      changed.push(i);
      if (changed.length > previous.doc.items.length) return null;
    }
  }
  if (changed.length === 0) return previous.doc;

  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const itemsByLine = new Map<number, number[]>();
  previous.doc.items.forEach((item, index) => {
    itemsByLine.set(item.line, [...(itemsByLine.get(item.line) ?? []), index]);
  });

  const items = [...previous.doc.items];
  for (const offset of changed) {
    if (!MARK.includes(before[offset] ?? "") || !MARK.includes(text[offset] ?? "")) return null;
    const line = lineOf(lineStarts, offset);
    const index = (itemsByLine.get(line) ?? []).find(
      (i) => markerOffset(text, lineStarts[line - 1] ?? 0, items[i] as ChecklistItem) === offset,
    );
    if (index === undefined) return null;
    items[index] = withChecked(items[index] as ChecklistItem, text[offset] !== " ");
  }
  return { ...previous.doc, items };
}

const MARK = " xX";

/** 1-based line of a character offset. */
function lineOf(lineStarts: number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/**
 * Offset of the character between an item's brackets, when its marker follows the bullet on the
 * bullet's own line with nothing but spaces between; -1 otherwise. Lines with a tab before the
 * marker are left to the parser (columns and characters differ there).
 */
function markerOffset(text: string, lineStart: number, item: ChecklistItem): number {
  let i = lineStart + item.column - 1;
  if (text.slice(lineStart, i).includes("\t")) return -1;
  if ("-*+".includes(text[i] ?? "\n")) i++;
  else {
    const digits = i;
    while (i - digits < 9 && /\d/.test(text[i] ?? "")) i++;
    if (i === digits || !".)".includes(text[i] ?? "\n")) return -1;
    i++;
  }
  while (text[i] === " ") i++;
  return text[i] === "[" && text[i + 2] === "]" ? i + 1 : -1;
}

function withChecked(item: ChecklistItem, checked: boolean): ChecklistItem {
  const hasReason = item.waiverReason !== null && item.waiverReason.length > 0;
  return {
    ...item,
    checked,
    waived: checked && item.struck && hasReason,
    waiverMissingReason: checked && item.struck && !hasReason,
  };
}
