import type { Heading, ListItem, Nodes, Paragraph, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

/**
 * Where remark-gfm's reading of a document differs from cmark-gfm's (github.com's renderer) in
 * what is a checkbox, and how parse.ts follows cmark-gfm instead: by looking at the source at the
 * positions remark reports, and by parsing the affected lines again on their own.
 */

const reparse = unified().use(remarkParse).use(remarkGfm);

export interface TaskMarker {
  checked: boolean;
  /** The marker is still the first text of the paragraph (an item remark-gfm did not recognise). */
  inText: boolean;
  /** The item has no paragraph of its own in cmark-gfm (see listAfterBareMarker). */
  textless?: boolean;
}

/**
 * Whether a list item is a checkbox, as cmark-gfm (github.com's renderer) decides. remark-gfm
 * agrees except for marker forms told apart by the source at the positions remark reports:
 * - `[<tab>]` is no checkbox: cmark-gfm accepts only a space, `x` or `X` between the brackets;
 * - `[ ]` must be followed by a space or tab on its own line; remark-gfm also accepts a line end;
 * - a marker followed by whitespace and nothing else on its line (`- [ ] `), or by a vertical
 *   tab or form feed, is an (empty) checkbox in cmark-gfm; remark-gfm wants text after it.
 */
export function taskMarker(node: ListItem, source: string): TaskMarker | null {
  if (typeof node.checked === "boolean") {
    const at = markerAfterBullet(source, node.position?.start.offset);
    // A marker not on the bullet's line (`-` alone, then `[ ] x`): remark's reading stands.
    if (at === undefined) return { checked: node.checked, inText: false };
    const ok = source[at + 1] !== "\t" && TRAILING_SPACE.includes(source[at + 3] ?? "\n");
    return ok ? { checked: node.checked, inText: false } : null;
  }
  const paragraph = node.children[0]?.type === "paragraph" ? node.children[0] : undefined;
  const start = paragraph?.position?.start.offset;
  const first = paragraph?.children[0];
  if (start === undefined || first?.type !== "text" || first.position?.start.offset !== start) return null;
  const marker = source.slice(start, start + 3);
  if (marker !== "[ ]" && marker !== "[x]" && marker !== "[X]") return null;
  if (!TRAILING_SPACE.includes(source[start + 3] ?? "\n")) return null;
  return { checked: marker !== "[ ]", inText: true };
}

/** The characters cmark-gfm accepts after a task marker (its `spacechar`, without line ends). */
const TRAILING_SPACE = " \t\v\f";

/** Offset of the `[` of a task marker after the list item's bullet on the same line, if any. */
function markerAfterBullet(source: string, itemStart: number | undefined): number | undefined {
  if (itemStart === undefined) return undefined;
  let i = itemStart;
  if ("-*+".includes(source[i] ?? "\n")) i++;
  else {
    while (/\d/.test(source[i] ?? "")) i++;
    i++;
  }
  while (source[i] === " " || source[i] === "\t") i++;
  return source[i] === "[" ? i : undefined;
}

/** An ordered list item's start: 1–9 digits, `.` or `)`, then whitespace or the line end. */
const ORDERED_LIST_START = /^\d{1,9}[.)](?:[ \t\r\n]|$)/;

/** Where a (re-)parsed Markdown text sits in the document. */
export interface Scope {
  source: string;
  /** Document line of the text's line 1, minus 1. */
  lineOffset: number;
  /** Per line of the text (0-based), columns removed in front of it. */
  lineIndent: number[];
  /** Task-list depth and enclosing task item of the paragraph this text was re-read from. */
  outerDepth: number;
  outerParent: number | null;
}

/**
 * micromark (remark-parse) reads an ordered list that starts at a number other than 1 as a
 * paragraph anywhere after an indented code block (it applies the rule that only a list starting
 * at 1 may interrupt a paragraph). A paragraph never opens with a list marker in CommonMark, so a
 * paragraph (or setext heading) whose source does (`2. …`, `10) …`) is such a misreading;
 * cmark-gfm makes it a list.
 * The paragraph is parsed again on its own, each line without the container prefix of its first
 * line, and its items are mapped back to document lines.
 */
export function listMisreadAsParagraph(
  paragraph: Paragraph | Heading,
  scope: Scope,
  ancestors: Nodes[],
): { tree: Root; scope: Scope } | null {
  const start = paragraph.position?.start;
  const end = paragraph.position?.end;
  const first = paragraph.children[0];
  if (!start || !end || start.offset === undefined || first?.position?.start.offset !== start.offset) return null;
  if (!ORDERED_LIST_START.test(scope.source.slice(start.offset, start.offset + 12))) return null;
  const lineStart = startOfLine(scope.source, start.offset);
  const prefix = containerPrefix(scope.source, lineStart, start.offset, ancestors.at(-1));
  const enclosing = ancestors.filter((a): a is ListItem => a.type === "listItem");
  const parentTask = enclosing.findLast((a) => taskMarker(a, scope.source) !== null);
  return rereadLines(
    scope,
    { lineStart, line: start.line, end: end.offset ?? lineStart, prefix },
    {
      outerDepth: scope.outerDepth + enclosing.length,
      outerParent: parentTask?.position ? parentTask.position.start.line + scope.lineOffset : scope.outerParent,
    },
  );
}

/**
 * After a task marker that ends its line (`- [x] ` + newline), cmark-gfm starts the item's content
 * afresh on the next line, where an ordered list may start at any number; remark-gfm continues a
 * paragraph there (and micromark misplaces its start). Such a list is read again from the lines
 * of that paragraph: its items are nested in this one, which has no text of its own.
 */
export function listAfterBareMarker(
  node: ListItem,
  scope: Scope,
  ancestors: Nodes[],
): { tree: Root; scope: Scope } | null {
  const paragraph = node.children[0]?.type === "paragraph" ? node.children[0] : undefined;
  const end = paragraph?.position?.end.offset;
  const line = node.position?.start.line;
  const marker = markerAfterBullet(scope.source, node.position?.start.offset);
  if (end === undefined || line === undefined || marker === undefined) return null;
  const lineStart = nextLineAfterBlank(scope.source, marker + 3);
  if (lineStart === undefined || end <= lineStart) return null;
  const lineEnd = scope.source.slice(lineStart).search(/[\r\n]|$/) + lineStart;
  const prefix = containerPrefix(scope.source, lineStart, lineEnd, node);
  if (!ORDERED_LIST_START.test(withColumnsKept(scope.source.slice(lineStart, lineEnd), prefix.length).trimStart())) {
    return null;
  }
  const depth = ancestors.filter((a) => a.type === "listItem").length;
  return rereadLines(
    scope,
    { lineStart, line: line + 1, end, prefix },
    {
      outerDepth: scope.outerDepth + depth + 1,
      outerParent: line + scope.lineOffset,
    },
  );
}

/**
 * cmark-gfm ends a list item at a blank line when the item has no content yet, or at a line
 * indented less than its content (there is no paragraph a lazy line could continue), and a task
 * marker that ends its line (`- [x] ` + newline) is no content there; remark-gfm keeps the item.
 * Everything after the marker line up to the end of the list's container is then read again, as
 * cmark-gfm sees it: no longer inside this item.
 */
export function itemEndsAfterBareMarker(
  node: ListItem,
  scope: Scope,
  ancestors: Nodes[],
): { tree: Root; scope: Scope; toLine: number } | null {
  const { source } = scope;
  const line = node.position?.start.line;
  const bullet = node.position?.start.offset;
  const marker = markerAfterBullet(source, bullet);
  if (line === undefined || bullet === undefined || marker === undefined) return null;
  if ((node.position?.end.line ?? line) <= line) return null;
  const next = nextLineAfterBlank(source, marker + 3);
  if (next === undefined) return null;
  const nextLine = source.slice(next, source.slice(next).search(/[\r\n]|$/) + next);
  const container = ancestors.at(-2);
  const end = container?.position?.end;
  if (!end || end.offset === undefined) return null;
  const prefix = containerPrefix(source, startOfLine(source, bullet), bullet, container);
  // The item goes on only with a line indented to its content (no lazy lines: no paragraph).
  const contentWidth = containerPrefix(source, startOfLine(source, bullet), marker, node).length - prefix.length;
  const blank = /^[ \t>]*$/.test(nextLine);
  const indent = /^ */.exec(withColumnsKept(nextLine, nextLine.startsWith(prefix) ? prefix.length : 0))?.[0].length;
  if (!blank && (indent ?? 0) >= contentWidth) return null;
  const enclosing = ancestors.filter((a): a is ListItem => a.type === "listItem");
  const parentTask = enclosing.findLast((a) => taskMarker(a, source) !== null);
  const fragment = rereadLines(
    scope,
    { lineStart: next, line: line + 1, end: end.offset, prefix },
    {
      outerDepth: scope.outerDepth + enclosing.length,
      outerParent: parentTask?.position ? parentTask.position.start.line + scope.lineOffset : scope.outerParent,
    },
    true,
  );
  return fragment && { ...fragment, toLine: end.line };
}

/** Offset of the next line when only spaces and tabs follow `from` on its line. */
function nextLineAfterBlank(source: string, from: number): number | undefined {
  let i = from;
  while (source[i] === " " || source[i] === "\t") i++;
  if (source[i] !== "\n" && source[i] !== "\r") return undefined;
  return i + (source.startsWith("\r\n", i) ? 2 : 1);
}

/**
 * Parses the lines from `lineStart` to `end` again on their own, each without `prefix` (lazy
 * lines, which lack it, stay as they are); `line` is the first one's line in `scope`.
 */
function rereadLines(
  scope: Scope,
  region: { lineStart: number; line: number; end: number; prefix: string },
  outer: { outerDepth: number; outerParent: number | null },
  mayStartWithParagraph = false,
): { tree: Root; scope: Scope } | null {
  const lines = scope.source.slice(region.lineStart, region.end).split(/\r?\n|\r/);
  const lineIndent = lines.map((l) => (l.startsWith(region.prefix) ? region.prefix.length : 0));
  const text = lines.map((l, i) => withColumnsKept(l, lineIndent[i] ?? 0)).join("\n");
  const tree = reparse.parse(text) as Root;
  // Read alone, the text must not be a paragraph again (that would re-read it forever).
  const first = tree.children[0]?.type;
  if (!mayStartWithParagraph && (first === "paragraph" || first === "heading")) return null;
  return {
    tree,
    scope: {
      source: text,
      lineOffset: scope.lineOffset + region.line - 1,
      lineIndent: lineIndent.map((n, i) => n + (scope.lineIndent[region.line - 1 + i] ?? 0)),
      ...outer,
    },
  };
}

function startOfLine(source: string, offset: number): number {
  return Math.max(source.lastIndexOf("\n", offset - 1), source.lastIndexOf("\r", offset - 1)) + 1;
}

/**
 * The part of a line in front of a paragraph that belongs to its container: a block quote's `>`
 * and one space, or a list item's content indentation (from its bullet: 1–4 spaces after it,
 * else 1). What is left is the paragraph's own indentation, which must stay for the re-read.
 */
function containerPrefix(source: string, lineStart: number, paragraphStart: number, parent: Nodes | undefined): string {
  const before = source.slice(lineStart, paragraphStart);
  if (parent?.type === "blockquote") {
    const marker = before.lastIndexOf(">");
    return before.slice(0, marker + (before[marker + 1] === " " ? 2 : 1));
  }
  if (parent?.type !== "listItem" || parent.position?.start.offset === undefined) return "";
  const bullet = parent.position.start.offset;
  let i = bullet;
  while (/\d/.test(source[i] ?? "")) i++;
  i++;
  let spaces = 0;
  while (source[i + spaces] === " ") spaces++;
  const eol = source[i + spaces] === undefined || source[i + spaces] === "\n" || source[i + spaces] === "\r";
  const content = i + (spaces >= 1 && spaces <= 4 && !eol ? spaces : 1);
  return before.slice(0, content - startOfLine(source, bullet));
}

/**
 * `line` without its first `cut` characters. Tabs right after the cut become the spaces they
 * stood for at their original column: CommonMark measures indentation in 4-column tab stops.
 */
function withColumnsKept(line: string, cut: number): string {
  let column = 0;
  for (const ch of line.slice(0, cut)) column = ch === "\t" ? column + 4 - (column % 4) : column + 1;
  let rest = line.slice(cut);
  let spaces = "";
  while (rest[0] === "\t" || rest[0] === " ") {
    const width = rest[0] === "\t" ? 4 - ((column + spaces.length) % 4) : 1;
    spaces += " ".repeat(width);
    rest = rest.slice(1);
  }
  return spaces + rest;
}
