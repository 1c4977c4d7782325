import type { List, Root } from "mdast";
import { toString as plainText } from "mdast-util-to-string";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

/**
 * Highlights, challenges and next week's focus. A team writes them in `launch/notes/<week>.md`
 * under headings of those names (any level; "Next week", "Next week focus" and "Focus" all count);
 * each list item, or each paragraph when a section has no list, becomes one entry.
 */

export interface WeekNotes {
  highlights: string[];
  challenges: string[];
  focus: string[];
}

type Section = keyof WeekNotes;

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);

function sectionOf(heading: string): Section | null {
  const text = heading.trim().toLowerCase();
  if (/^highlights?\b/.test(text) || /^wins?\b/.test(text)) return "highlights";
  if (/^challenges?\b/.test(text) || /^risks?\b/.test(text) || /^concerns?\b/.test(text)) return "challenges";
  if (/^(next\s+week|focus)\b/.test(text)) return "focus";
  return null;
}

/** The notes in a week's notes file; sections the file does not have are empty lists. */
export function parseNotes(text: string): WeekNotes {
  const tree = markdown.parse(text) as Root;
  const notes: WeekNotes = { highlights: [], challenges: [], focus: [] };
  let current: Section | null = null;
  let currentDepth = 0;
  for (const node of tree.children) {
    if (node.type === "heading") {
      const section = sectionOf(plainText(node));
      if (section) {
        current = section;
        currentDepth = node.depth;
      } else if (current && node.depth <= currentDepth) {
        current = null;
      }
      continue;
    }
    if (!current) continue;
    if (node.type === "list") notes[current].push(...listEntries(node));
    else if (node.type === "paragraph") pushEntry(notes[current], plainText(node));
  }
  return notes;
}

function listEntries(list: List): string[] {
  const out: string[] = [];
  for (const item of list.children) {
    // The item's own paragraph(s); nested lists become entries of their own.
    const own = item.children.filter((child) => child.type !== "list").map((child) => plainText(child));
    pushEntry(out, own.join(" "));
    for (const child of item.children) if (child.type === "list") out.push(...listEntries(child));
  }
  return out;
}

function pushEntry(out: string[], text: string): void {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean && !/^\[.*\]$/.test(clean)) out.push(clean);
}

export interface LabeledItem {
  number: number;
  title: string;
  labels: readonly string[];
  /** The item was active in the week: opened, closed or merged in it. */
  active: boolean;
}

/** Notes from issues and PRs of the week labeled `highlight` / `challenge` (configurable names). */
export function notesFromLabels(
  items: readonly LabeledItem[],
  labels: { highlight: string; challenge: string },
): Pick<WeekNotes, "highlights" | "challenges"> {
  const has = (item: LabeledItem, wanted: string) => item.labels.some((l) => l.toLowerCase() === wanted.toLowerCase());
  const entry = (item: LabeledItem) => `${item.title} (#${item.number})`;
  const active = [...items].filter((i) => i.active).sort((a, b) => a.number - b.number);
  return {
    highlights: active.filter((i) => has(i, labels.highlight)).map(entry),
    challenges: active.filter((i) => has(i, labels.challenge)).map(entry),
  };
}
