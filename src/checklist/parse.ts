import type { Heading, ListItem, Nodes, Paragraph, PhrasingContent, Root } from "mdast";
import { toString as plainText } from "mdast-util-to-string";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visitParents } from "unist-util-visit-parents";
import { InputError } from "../errors.js";
import { type GateFrontMatter, parseFrontMatter } from "./frontmatter.js";
import { extractOwners } from "./owners.js";
import type { ChecklistDocument, ChecklistItem } from "./types.js";

const withFrontMatter = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);
const withoutFrontMatter = unified().use(remarkParse).use(remarkGfm);

export interface ParseOptions {
  /**
   * Repository files may start with YAML front matter (github.com shows it as a table, so task
   * items inside it are not checkboxes). PR and issue descriptions have no front matter.
   */
  frontMatter?: boolean;
}

const OPTIONAL_MARKER = /\(optional\)/i;
const WAIVER_REASON = /\bN\/A\s*:\s*(.*)$/is;

/**
 * Parses Markdown into its checklist: exactly the list items github.com renders as checkboxes
 * (GFM task list items, wherever lists can appear: nested, in block quotes, in `<details>`;
 * never in code, HTML blocks, comments or tables).
 */
export function parseChecklist(source: string, path: string, options: ParseOptions = {}): ChecklistDocument {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const useFrontMatter = options.frontMatter ?? true;
  const tree = (useFrontMatter ? withFrontMatter : withoutFrontMatter).parse(text) as Root;

  let frontMatter: GateFrontMatter | null = null;
  const first = tree.children[0];
  if (useFrontMatter && first?.type === "yaml") {
    frontMatter = parseFrontMatter(first.value, path, (first.position?.start.line ?? 1) + 1);
  }

  const items: ChecklistItem[] = [];
  const headingStack: { depth: number; text: string }[] = [];
  let firstHeading: string | null = null;
  /** Paragraphs whose lines were parsed again: their items come from that reading. */
  const reread = new WeakSet<Paragraph>();
  /** Line ranges of a scope that were parsed again as a whole (see itemEndsAfterBareMarker). */
  const replaced = new WeakMap<Scope, { from: number; to: number }[]>();
  // Re-reads nest (each may hold the next), so their total size is capped: quadratic input is
  // refused, as failing closed beats stalling a gate.
  let rereadBudget = Math.max(200_000, text.length);
  const enter = (fragment: { tree: Root; scope: Scope }, line: number) => {
    rereadBudget -= fragment.scope.source.length;
    if (rereadBudget < 0) {
      throw new InputError("too many ambiguous task markers to read like github.com does", {
        file: path,
        line,
        fix: "write each item's text on the line of its `- [ ]` marker",
      });
    }
    collect(fragment.tree, fragment.scope);
  };
  const collect = (root: Root, scope: Scope) =>
    visitParents(root, (node: Nodes, ancestors: Nodes[]) => {
      const line = node.position?.start.line ?? 0;
      if (replaced.get(scope)?.some((r) => line >= r.from && line <= r.to)) return "skip";
      if (node.type === "heading") {
        // `2. a` over a `-` line: remark's setext heading is cmark-gfm's two lists.
        const fragment = listMisreadAsParagraph(node, scope, ancestors);
        if (fragment) {
          enter(fragment, line + scope.lineOffset);
          return "skip";
        }
        trackHeading(headingStack, node);
        firstHeading ??= headingStack.at(-1)?.text ?? null;
        return "skip";
      }
      if (node.type === "paragraph") {
        if (reread.has(node)) return "skip";
        const fragment = listMisreadAsParagraph(node, scope, ancestors);
        if (fragment) enter(fragment, line + scope.lineOffset);
        return "skip";
      }
      if (node.type !== "listItem") return undefined;
      const task = taskMarker(node, scope.source);
      if (!task) return undefined;
      const closed = itemEndsAfterBareMarker(node, scope, ancestors);
      const nested = closed ? null : listAfterBareMarker(node, scope, ancestors);
      const textless = closed !== null || nested !== null;
      items.push(toItem(node, textless ? { ...task, textless } : task, ancestors, headingStack, scope));
      if (closed) {
        replaced.set(scope, [...(replaced.get(scope) ?? []), { from: line + 1, to: closed.toLine }]);
        enter(closed, line + scope.lineOffset);
        return "skip";
      }
      if (nested) {
        if (node.children[0]?.type === "paragraph") reread.add(node.children[0]);
        enter(nested, line + scope.lineOffset);
      }
      return undefined;
    });
  collect(tree, { source: text, lineOffset: 0, lineIndent: [], outerDepth: 0, outerParent: null });
  return { path, frontMatter, firstHeading, items };
}

/** An ordered list item's start: 1–9 digits, `.` or `)`, then whitespace or the line end. */
const ORDERED_LIST_START = /^\d{1,9}[.)](?:[ \t\r\n]|$)/;

/** Where a (re-)parsed Markdown text sits in the document. */
interface Scope {
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
function listMisreadAsParagraph(
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
function listAfterBareMarker(node: ListItem, scope: Scope, ancestors: Nodes[]): { tree: Root; scope: Scope } | null {
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
function itemEndsAfterBareMarker(
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
  const tree = withoutFrontMatter.parse(text) as Root;
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

function trackHeading(stack: { depth: number; text: string }[], heading: Heading): void {
  while (stack.length > 0 && (stack.at(-1)?.depth ?? 0) >= heading.depth) stack.pop();
  stack.push({ depth: heading.depth, text: collapse(plainText(heading)) });
}

interface TaskMarker {
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
function taskMarker(node: ListItem, source: string): TaskMarker | null {
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

function toItem(
  node: ListItem,
  task: TaskMarker,
  ancestors: Nodes[],
  headings: { text: string }[],
  scope: Scope,
): ChecklistItem {
  const { checked } = task;
  const paragraph = node.children[0]?.type === "paragraph" && !task.textless ? node.children[0] : undefined;
  const { text, waiverReason, struck } = task.inText
    ? { text: collapse(plainText(paragraph).slice(3)), waiverReason: null, struck: false }
    : itemText(paragraph);
  const enclosing = ancestors.filter((a): a is ListItem => a.type === "listItem");
  const parentTask = enclosing.findLast((a) => taskMarker(a, scope.source) !== null);
  const hasReason = waiverReason !== null && waiverReason.length > 0;
  const line = node.position?.start.line ?? 1;
  return {
    line: line + scope.lineOffset,
    column: (node.position?.start.column ?? 0) + (scope.lineIndent[line - 1] ?? 0),
    checked,
    text,
    headings: headings.map((h) => h.text),
    depth: scope.outerDepth + enclosing.length,
    parent: parentTask?.position ? parentTask.position.start.line + scope.lineOffset : scope.outerParent,
    owners: paragraph ? extractOwners(mentionableText(paragraph.children)) : [],
    optional: OPTIONAL_MARKER.test(text),
    waived: checked && struck && hasReason,
    waiverReason: struck ? waiverReason : null,
    waiverMissingReason: checked && struck && !hasReason,
  };
}

/**
 * An item's identity text. A waiver is written `- [x] ~~text~~ N/A: reason`: its text is the
 * struck-through part, so waiving an item does not look like removing it.
 */
function itemText(paragraph: Paragraph | undefined): { text: string; waiverReason: string | null; struck: boolean } {
  if (!paragraph) return { text: "", waiverReason: null, struck: false };
  const [head, ...rest] = paragraph.children;
  if (head?.type === "delete") {
    const after = collapse(rest.map((n) => plainText(n)).join(""));
    const reason = WAIVER_REASON.exec(after)?.[1]?.trim() ?? null;
    return { text: collapse(plainText(head)), waiverReason: reason, struck: true };
  }
  return { text: collapse(plainText(paragraph)), waiverReason: null, struck: false };
}

/** Text in which @mentions count: not inside code spans, raw HTML or link targets. */
function mentionableText(nodes: PhrasingContent[]): string {
  return nodes
    .map((n) => {
      if (n.type === "text") return n.value;
      if (n.type === "inlineCode" || n.type === "html") return " ";
      if ("children" in n) return ` ${mentionableText(n.children as PhrasingContent[])} `;
      return " ";
    })
    .join("");
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
