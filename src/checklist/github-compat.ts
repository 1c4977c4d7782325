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
    const ok = MARKER_INSIDE.includes(source[at + 1] ?? "\n") && TRAILING_SPACE.includes(source[at + 3] ?? "\n");
    return ok ? { checked: node.checked, inText: false } : null;
  }
  const block = firstTextBlock(node);
  const start = block?.position?.start.offset;
  const first = block?.children[0];
  if (start === undefined || first?.type !== "text" || first.position?.start.offset !== start) return null;
  const marker = source.slice(start, start + 3);
  if (marker !== "[ ]" && marker !== "[x]" && marker !== "[X]") return null;
  if (!TRAILING_SPACE.includes(source[start + 3] ?? "\n")) return null;
  return { checked: marker !== "[ ]", inText: true };
}

/** The characters cmark-gfm accepts after a task marker (its `spacechar`, without line ends). */
const TRAILING_SPACE = " \t\v\f";
/** Between the brackets cmark-gfm accepts only these; remark-gfm also a tab or a line end. */
const MARKER_INSIDE = " xX";

/**
 * The paragraph an item starts with, or the setext heading remark makes of it: after a marker
 * that ends its line (`- [ ] ` + newline), an underline (`-`, `=`) on the next line turns the
 * marker into heading text for remark-gfm, while cmark-gfm has consumed the marker already (its
 * item has no paragraph there) and reads that line on its own.
 */
function firstTextBlock(node: ListItem): Paragraph | Heading | undefined {
  const block = node.children[0];
  if (block?.type === "paragraph") return block;
  if (block?.type === "heading" && block.children[0]?.position?.start.offset === block.position?.start.offset) {
    return block;
  }
  return undefined;
}

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

/** A list item's start: 1–9 digits and `.` or `)`, or a bullet; then whitespace or the line end. */
const LIST_START = /^(?:\d{1,9}[.)]|[-*+])(?:[ \t\r\n]|$)/;

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
 * Where a node with these ancestors sits among task items: its task-list depth and the line of
 * the nearest enclosing task item (in the document), counting the scope's own outer ones.
 */
export function taskNesting(scope: Scope, ancestors: Nodes[]): { outerDepth: number; outerParent: number | null } {
  const enclosing = ancestors.filter((a): a is ListItem => a.type === "listItem");
  const parentTask = enclosing.findLast((a) => taskMarker(a, scope.source) !== null);
  return {
    outerDepth: scope.outerDepth + enclosing.length,
    outerParent: parentTask?.position ? parentTask.position.start.line + scope.lineOffset : scope.outerParent,
  };
}

/**
 * micromark (remark-parse) reads an ordered list that starts at a number other than 1 as a
 * paragraph anywhere after an indented code block (it applies the rule that only a list starting
 * at 1 may interrupt a paragraph), and likewise an empty bullet item (`-` alone on its line). A
 * paragraph never opens with a list marker in CommonMark, so a paragraph (or setext heading) whose
 * source does (`2. …`, `10) …`, `-`) is such a misreading; cmark-gfm makes it a list.
 * Everything from the paragraph to the end of its container is parsed again on its own (the
 * lines after the paragraph may belong to that list's items in cmark-gfm: indented, they are no
 * code block there), each line without its container's columns, and its items are mapped back to
 * document lines.
 */
export function listMisreadAsParagraph(
  paragraph: Paragraph | Heading,
  scope: Scope,
  ancestors: Nodes[],
): { tree: Root; scope: Scope; toLine: number } | null {
  const start = paragraph.position?.start;
  const first = paragraph.children[0];
  const container = ancestors.at(-1);
  const end = container?.type === "root" ? undefined : containerEnd(scope.source, container);
  if (!start || start.offset === undefined || first?.position?.start.offset !== start.offset) return null;
  // remark-gfm starts a task item's paragraph after its marker: `- [ ] 2. x` is text there.
  if (container?.type === "listItem" && typeof container.checked === "boolean" && container.children[0] === paragraph) {
    return null;
  }
  if (!LIST_START.test(scope.source.slice(start.offset, start.offset + 12))) return null;
  const lineStart = startOfLine(scope.source, start.offset);
  const prefix = containerPrefix(scope.source, lineStart, start.offset, container);
  const fragment = rereadLines(
    scope,
    {
      lineStart,
      line: start.line,
      end: end?.offset ?? scope.source.length,
      prefix,
      outside: contentPrefix(scope.source, ancestors.slice(0, -1)),
      firstInside: true,
    },
    taskNesting(scope, ancestors),
  );
  return fragment && { ...fragment, toLine: end?.line ?? Number.POSITIVE_INFINITY };
}

/**
 * After a task marker that ends its line (`- [x] ` + newline), cmark-gfm starts the item's content
 * afresh on the next line, where an ordered list may start at any number and an empty item may
 * start a list; remark-gfm continues a paragraph there (and micromark misplaces its start). Such
 * a list is read again from the lines of that paragraph: its items are nested in this one, which
 * has no text of its own.
 */
export function listAfterBareMarker(
  node: ListItem,
  scope: Scope,
  ancestors: Nodes[],
): { tree: Root; scope: Scope } | null {
  // The whole rest of the item: its lines after the paragraph may be that list's too (indented
  // code to remark-gfm may be a nested item in cmark-gfm).
  const end = firstTextBlock(node) && containerEnd(scope.source, node)?.offset;
  const line = node.position?.start.line;
  const marker = markerAfterBullet(scope.source, node.position?.start.offset);
  if (end === undefined || line === undefined || marker === undefined) return null;
  const lineStart = nextLineAfterBlank(scope.source, marker + 3);
  if (lineStart === undefined || end <= lineStart) return null;
  const lineEnd = scope.source.slice(lineStart).search(/[\r\n]|$/) + lineStart;
  const prefix = containerPrefix(scope.source, lineStart, lineEnd, node);
  const text = scope.source.slice(lineStart, lineEnd);
  if (!LIST_START.test((withoutPrefix(text, prefix) ?? text).trimStart())) {
    return null;
  }
  const depth = ancestors.filter((a) => a.type === "listItem").length;
  return rereadLines(
    scope,
    { lineStart, line: line + 1, end, prefix, outside: contentPrefix(scope.source, ancestors.slice(0, -1)) },
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
  const end = containerEnd(source, container);
  if (!end) return null;
  const prefix = containerPrefix(source, startOfLine(source, bullet), bullet, container);
  // The item goes on only with a line indented to its content (no lazy lines: no paragraph).
  const contentWidth = containerPrefix(source, startOfLine(source, bullet), marker, node).length - prefix.length;
  // Whitespace-only lines indented to its content keep it open (see emptyItemOpenAcrossBlankLines).
  if (blankLinesKeepingItemOpen(source, startOfLine(source, bullet), prefix, node)) return null;
  const blank = /^[ \t>]*$/.test(nextLine);
  // A line without the container's columns (lazy there) is no content of the item either.
  const inside = withoutPrefix(nextLine, prefix);
  const indent = inside === undefined ? 0 : (/^ */.exec(inside)?.[0].length ?? 0);
  if (!blank && indent >= contentWidth) return null;
  const fragment = rereadLines(
    scope,
    {
      lineStart: next,
      line: line + 1,
      end: end.offset,
      prefix,
      outside: contentPrefix(source, ancestors.slice(0, -2)),
    },
    taskNesting(scope, ancestors),
    true,
  );
  return fragment && { ...fragment, toLine: end.line };
}

/**
 * cmark-gfm 0.29 keeps an item that has no content yet open across a whitespace-only line
 * indented to its content column (it tests the indentation before blankness), so a line indented
 * that far after it is still the item's content (`-` + newline, `  ` + newline, `    - [ ] a`:
 * a nested checkbox). remark-gfm ends an empty item at any blank line, as CommonMark says, and
 * reads such a line as indented code. The list is read again from the item's line to the end of
 * its container, each of those whitespace-only lines replaced by an empty HTML comment at the
 * content column: content that renders nothing, so the item stays open in remark-gfm too.
 */
export function emptyItemOpenAcrossBlankLines(
  node: ListItem,
  scope: Scope,
  ancestors: Nodes[],
): { tree: Root; scope: Scope; toLine: number } | null {
  const line = node.position?.start.line;
  const bullet = node.position?.start.offset;
  if (node.children.length > 0 || line === undefined || bullet === undefined) return null;
  const container = ancestors.at(-2);
  const end = container?.type === "root" ? undefined : containerEnd(scope.source, container);
  const lineStart = startOfLine(scope.source, bullet);
  const prefix = containerPrefix(scope.source, lineStart, bullet, container);
  const blanks = blankLinesKeepingItemOpen(scope.source, lineStart, prefix, node);
  if (!blanks) return null;
  const fragment = rereadLines(
    scope,
    {
      lineStart,
      line,
      end: end?.offset ?? scope.source.length,
      prefix,
      outside: contentPrefix(scope.source, ancestors.slice(0, -2)),
      firstInside: true,
    },
    taskNesting(scope, ancestors),
    false,
    (cut, i) => (i >= 1 && i <= blanks.count ? `${" ".repeat(blanks.width)}<!---->` : cut),
  );
  return fragment && { ...fragment, toLine: end?.line ?? Number.POSITIVE_INFINITY };
}

/**
 * After the marker line of an item without content (starting at `lineStart`): the number of
 * whitespace-only lines indented at least to its content column that cmark-gfm keeps it open
 * across, and that column (relative to the container's `prefix`), when a line indented that far
 * follows them (it is the item's content there); else null.
 */
function blankLinesKeepingItemOpen(
  source: string,
  lineStart: number,
  prefix: string,
  item: ListItem,
): { count: number; width: number } | null {
  const width = containerPrefix(source, lineStart, lineStart, item).length - prefix.length;
  let count = 0;
  // Line by line, as this runs for every empty item: splitting the rest of the text would not scale.
  for (let at = nextLineStart(source, lineStart); at !== undefined; at = nextLineStart(source, at)) {
    const cut = withoutPrefix(source.slice(at, lineEnd(source, at)), prefix);
    if (cut === undefined) return null;
    const indent = /^ */.exec(cut)?.[0].length ?? 0;
    if (indent < width) return null;
    if (indent < cut.length) return count > 0 ? { count, width } : null;
    count++;
  }
  return null;
}

/** Offset where the line containing `from` ends (its line break, or the end of the text). */
function lineEnd(source: string, from: number): number {
  const end = source.slice(from).search(/[\r\n]/);
  return end < 0 ? source.length : from + end;
}

/** Offset of the line after the one containing `from`, if there is one. */
function nextLineStart(source: string, from: number): number | undefined {
  const end = lineEnd(source, from);
  if (end >= source.length) return undefined;
  return end + (source.startsWith("\r\n", end) ? 2 : 1);
}

/** Offset of the next line when only spaces and tabs follow `from` on its line. */
function nextLineAfterBlank(source: string, from: number): number | undefined {
  let i = from;
  while (source[i] === " " || source[i] === "\t") i++;
  if (source[i] !== "\n" && source[i] !== "\r") return undefined;
  return i + (source.startsWith("\r\n", i) ? 2 : 1);
}

/**
 * Parses the lines from `lineStart` to `end` again on their own, each without the columns of its
 * container (`prefix`, see containerPrefix); `line` is the first one's line in `scope`. A line
 * without them is a lazy continuation line: such a line continues a paragraph only, so when
 * there is one, the other lines are read inside a block quote of their own and the lazy lines
 * without its `>` (only without the columns of the container's container, `outside`), which
 * keeps them lazy there as well: where the re-read has no paragraph for them to continue (an
 * item that now has none), they end that quote, as they end the container in cmark-gfm; the
 * lines after it are then read the same way, outside the container there too. With `firstInside`
 * the first line is the container's own (its content may follow the container's marker there).
 */
function rereadLines(
  scope: Scope,
  region: { lineStart: number; line: number; end: number; prefix: string; outside: string; firstInside?: boolean },
  outer: { outerDepth: number; outerParent: number | null },
  mayStartWithParagraph = false,
  substitute: (cut: string, index: number) => string = (cut) => cut,
): { tree: Root; scope: Scope } | null {
  const lines = scope.source.slice(region.lineStart, region.end).split(/\r?\n|\r/);
  const inside = lines.map((l, i) => {
    const match = matchPrefix(l, region.prefix);
    if (match.complete) return match;
    // A first line that opens inside the container may share its line with the container's marker.
    if (i === 0 && region.firstInside) {
      return { rest: withoutOptionalSpaces(l).slice(region.prefix.length), taken: region.prefix.length };
    }
    return undefined;
  });
  let cut = inside.map((m, i) => (m === undefined ? undefined : substitute(m.rest, i)));
  const outside = lines.map((l) => matchPrefix(l, region.outside));
  const lazy = cut.some((l) => l === undefined);
  const quote = lazy ? "> " : "";
  const read = () => {
    const text = cut.map((l, i) => (l === undefined ? outside[i]?.rest : quote + l)).join("\n");
    const parsed = reparse.parse(text) as Root;
    const head = parsed.children[0];
    return { text, parsed, quoted: lazy && cut[0] !== undefined && head?.type === "blockquote" ? head : undefined };
  };
  let { text, parsed, quoted } = read();
  const quoteEnd = quoted?.position?.end.line ?? 0;
  if (lazy && cut.some((l, i) => l !== undefined && i >= quoteEnd)) {
    cut = cut.map((l, i) => (i < quoteEnd ? l : undefined));
    ({ text, parsed, quoted } = read());
  }
  const tree: Root = quoted ? { ...parsed, children: [...quoted.children, ...parsed.children.slice(1)] } : parsed;
  // Read alone, the text must not be a paragraph again (that would re-read it forever).
  const first = tree.children[0]?.type;
  if (!mayStartWithParagraph && (first === "paragraph" || first === "heading")) return null;
  return {
    tree,
    scope: {
      source: text,
      lineOffset: scope.lineOffset + region.line - 1,
      lineIndent: cut.map(
        (l, i) =>
          (l !== undefined ? (inside[i]?.taken ?? 0) - quote.length : (outside[i]?.taken ?? 0)) +
          (scope.lineIndent[region.line - 1 + i] ?? 0),
      ),
      ...outer,
    },
  };
}

/**
 * Where a container's last line ends: micromark may end a block quote after the `>` of the line
 * that follows it (in `>>2.` + newline + `>* a` the inner quote takes line 3's `>`), and that
 * line is not the container's.
 */
function containerEnd(source: string, container: Nodes | undefined): { offset: number; line: number } | undefined {
  const end = container?.position?.end;
  if (end?.offset === undefined) return undefined;
  const lineStart = startOfLine(source, end.offset);
  const midLine = end.offset < source.length && source[end.offset] !== "\n" && source[end.offset] !== "\r";
  if (midLine && lineStart > 0 && /^[ \t>]*$/.test(source.slice(lineStart, end.offset))) {
    return { offset: lineStart, line: end.line - 1 };
  }
  return { offset: end.offset, line: end.line };
}

function startOfLine(source: string, offset: number): number {
  // A scan back to the line break: lastIndexOf("\r") would search the whole document when it has none.
  let start = offset;
  while (start > 0 && source[start - 1] !== "\n" && source[start - 1] !== "\r") start--;
  return start;
}

/**
 * The columns in front of a line's content that belong to its container, as a prefix of a line
 * without its optional spaces (see withoutOptionalSpaces): `>` where a block quote marker stands,
 * a space elsewhere. For a block quote: up to its `>`; for a list item: up to its content column
 * (1–4 columns of whitespace after the bullet, else 1), measured on the bullet's line.
 */
function containerPrefix(source: string, lineStart: number, paragraphStart: number, parent: Nodes | undefined): string {
  if (parent?.type === "blockquote") {
    const before = withoutOptionalSpaces(source.slice(lineStart, paragraphStart));
    return shapeOf(before.slice(0, before.lastIndexOf(">") + 1));
  }
  if (parent?.type !== "listItem" || parent.position?.start.offset === undefined) return "";
  const bullet = parent.position.start.offset;
  const bulletLine = source.slice(startOfLine(source, bullet), source.slice(bullet).search(/[\r\n]|$/) + bullet);
  const lead = bullet - startOfLine(source, bullet);
  let i = lead;
  while (/\d/.test(bulletLine[i] ?? "")) i++;
  i++;
  const expanded = withoutOptionalSpaces(bulletLine);
  const markerEnd = withoutOptionalSpaces(bulletLine.slice(0, i)).length;
  let end = markerEnd;
  while (expanded[end] === " ") end++;
  const width = end - markerEnd;
  const content = width >= 1 && width <= 4 && end < expanded.length ? end : markerEnd + 1;
  return shapeOf(expanded.slice(0, markerEnd)).padEnd(content, " ");
}

/**
 * The columns in front of the content of the innermost container (list item or block quote) among
 * `ancestors`, as on its first line (see containerPrefix).
 */
function contentPrefix(source: string, ancestors: Nodes[]): string {
  const container = ancestors.findLast((a) => a.type === "listItem" || a.type === "blockquote");
  if (container?.type === "listItem") {
    const bullet = container.position?.start.offset ?? 0;
    return containerPrefix(source, startOfLine(source, bullet), bullet, container);
  }
  if (container?.type !== "blockquote") return "";
  const content = container.children[0]?.position?.start.offset ?? (container.position?.start.offset ?? 0) + 1;
  return containerPrefix(source, startOfLine(source, content), content, container);
}

/** A prefix with everything but block quote markers as spaces. */
function shapeOf(prefix: string): string {
  return prefix.replace(/[^>]/g, " ");
}

/**
 * `line` after the columns of `prefix` (see containerPrefix), or undefined when it lacks them (a
 * lazy line). A line that ends within them is blank there.
 */
function withoutPrefix(line: string, prefix: string): string | undefined {
  const match = matchPrefix(line, prefix);
  return match.complete ? match.rest : undefined;
}

/**
 * How much of `prefix` (see containerPrefix) `line` has, container by container as cmark-gfm
 * matches them: each block quote marker (taking the space after it on this line, whether or not
 * the container's first line had one) and each run of list indentation, whole or not at all.
 * `rest` is the line after what matched, `taken` its length; a line that ends within the
 * prefix is blank there (complete, with nothing left).
 */
function matchPrefix(line: string, prefix: string): { rest: string; taken: number; complete: boolean } {
  let at = 0;
  for (let i = 0; i < prefix.length; ) {
    if (prefix[i] === ">") {
      if (at >= line.length) return { rest: "", taken: line.length, complete: true };
      if (line[at] !== ">") return { rest: line.slice(at), taken: at, complete: false };
      at += line[at + 1] === " " ? 2 : 1;
      i++;
      continue;
    }
    let width = 0;
    while (prefix[i + width] === " ") width++;
    let spaces = 0;
    while (spaces < width && line[at + spaces] === " ") spaces++;
    if (at + spaces >= line.length) return { rest: "", taken: line.length, complete: true };
    if (spaces < width) return { rest: line.slice(at), taken: at, complete: false };
    at += width;
    i += width;
  }
  return { rest: line.slice(at), taken: at, complete: true };
}

/**
 * The line without the space after each block quote marker in front of its first content
 * character: CommonMark takes one there on every line, so the columns after it count from the
 * quote's content. (Tabs in front of the content are spaces already, see tabs.ts.)
 */
function withoutOptionalSpaces(line: string): string {
  let out = "";
  let i = 0;
  for (; i < line.length; i++) {
    const ch = line[i] ?? "";
    if (!" >-+*.)0123456789".includes(ch)) break;
    out += ch;
    if (ch === ">" && line[i + 1] === " ") i++;
  }
  return out + line.slice(i);
}
