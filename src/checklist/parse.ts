import type { Heading, ListItem, Nodes, Paragraph, Root } from "mdast";
import { toString as plainText } from "mdast-util-to-string";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { InputError } from "../errors.js";
import { parseInPieces } from "./chunks.js";
import {
  emptyItemOpenAcrossBlankLines,
  itemEndsAfterBareMarker,
  listAfterBareMarker,
  listMisreadAsParagraph,
  type Scope,
  type TaskMarker,
  taskMarker,
  taskNesting,
} from "./github-compat.js";
import { extractOwners } from "./owners.js";
import { expandStructuralTabs } from "./tabs.js";
import type { ChecklistDocument, ChecklistItem, FrontMatterBlock } from "./types.js";
import { walk } from "./walk.js";

const withFrontMatter = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ["yaml"]);
const withoutFrontMatter = unified().use(remarkParse).use(remarkGfm);

export interface ParseOptions {
  /**
   * Repository files may start with YAML front matter (github.com shows it as a table, so task
   * items inside it are not checkboxes). PR and issue descriptions have no front matter.
   */
  frontMatter?: boolean;
  /**
   * Called with the front matter block before any item is read, so that a caller validating it
   * (gates/document.ts) reports its errors before any item's, top down like the file.
   */
  onFrontMatter?: (block: FrontMatterBlock) => void;
}

/** Nested re-reads allowed (see parseChecklist); far more than documents written by hand need. */
const MAX_REREAD_DEPTH = 200;
const OPTIONAL_MARKER = /\(optional\)/i;
const WAIVER_REASON = /\bN\/A\s*:\s*(.*)$/is;

/**
 * Parses Markdown into its checklist: exactly the list items github.com renders as checkboxes
 * (GFM task list items, wherever lists can appear: nested, in block quotes, in `<details>`;
 * never in code, HTML blocks, comments or tables). Front matter comes back unread: what its keys
 * mean is the caller's (gates/document.ts reads a gate's).
 */
export function parseChecklist(source: string, path: string, options: ParseOptions = {}): ChecklistDocument {
  const bomless = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const useFrontMatter = options.frontMatter ?? true;
  const text = expandStructuralTabs(bomless, useFrontMatter ? frontMatterLines(bomless) : 0);
  const parseRest = (piece: string) => withoutFrontMatter.parse(piece) as Root;
  const parseFirst = useFrontMatter ? (piece: string) => withFrontMatter.parse(piece) as Root : parseRest;
  const tree = parseInPieces(text, parseFirst, parseRest);

  const first = tree.children[0];
  const frontMatterBlock =
    useFrontMatter && first?.type === "yaml"
      ? { yaml: first.value, line: (first.position?.start.line ?? 1) + 1 }
      : null;
  if (frontMatterBlock) options.onFrontMatter?.(frontMatterBlock);

  const items: ChecklistItem[] = [];
  const headingStack: { depth: number; text: string }[] = [];
  let firstHeading: string | null = null;
  /** Paragraphs whose lines were parsed again: their items come from that reading. */
  const reread = new WeakSet<Paragraph | Heading>();
  /** Line ranges of a scope that were parsed again as a whole (see itemEndsAfterBareMarker). */
  const replaced = new WeakMap<Scope, { from: number; to: number }[]>();
  // Re-reads nest (each may hold the next), so their total size and their depth are capped:
  // quadratic input is refused, as failing closed beats stalling a gate (or overflowing the stack).
  let rereadBudget = Math.max(200_000, text.length);
  let rereadDepth = 0;
  const enter = (fragment: { tree: Root; scope: Scope }, line: number) => {
    rereadBudget -= fragment.scope.source.length;
    if (rereadBudget < 0 || rereadDepth >= MAX_REREAD_DEPTH) {
      throw new InputError("too many ambiguous task markers to read like GitHub does", {
        file: path,
        line,
        fix: "write each item's text on the line of its `- [ ]` marker",
      });
    }
    rereadDepth++;
    collect(fragment.tree, fragment.scope);
    rereadDepth--;
  };
  /** Reads the lines from `from` on again, in place of what remark made of them. */
  const replace = (scope: Scope, from: number, fragment: { tree: Root; scope: Scope; toLine: number }) => {
    replaced.set(scope, [...(replaced.get(scope) ?? []), { from, to: fragment.toLine }]);
    enter(fragment, from + scope.lineOffset);
  };
  const collect = (root: Root, scope: Scope) =>
    walk(root, (node, ancestors) => {
      const line = node.position?.start.line ?? 0;
      if (replaced.get(scope)?.some((r) => line >= r.from && line <= r.to)) return "skip";
      if (node.type === "heading") {
        if (reread.has(node)) return "skip";
        // `2. a` over a `-` line: remark's setext heading is cmark-gfm's two lists.
        const fragment = listMisreadAsParagraph(node, scope, ancestors);
        if (fragment) {
          replace(scope, line, fragment);
          return "skip";
        }
        trackHeading(headingStack, node);
        firstHeading ??= headingStack.at(-1)?.text ?? null;
        return "skip";
      }
      if (node.type === "paragraph") {
        if (reread.has(node)) return "skip";
        const fragment = listMisreadAsParagraph(node, scope, ancestors);
        if (fragment) replace(scope, line, fragment);
        return "skip";
      }
      if (node.type !== "listItem") return undefined;
      const opened = emptyItemOpenAcrossBlankLines(node, scope, ancestors);
      if (opened) {
        replace(scope, line, opened);
        return "skip";
      }
      const task = taskMarker(node, scope.source);
      if (!task) return undefined;
      const closed = itemEndsAfterBareMarker(node, scope, ancestors);
      const nested = closed ? null : listAfterBareMarker(node, scope, ancestors);
      const textless = closed !== null || nested !== null;
      items.push(toItem(node, textless ? { ...task, textless } : task, ancestors, headingStack, scope, path));
      if (closed) {
        replace(scope, line + 1, closed);
        return "skip";
      }
      if (nested) {
        enter(nested, line + scope.lineOffset);
        return "skip";
      }
      return undefined;
    });
  collect(tree, { source: text, lineOffset: 0, lineIndent: [], outerDepth: 0, outerParent: null });
  return { path, frontMatterBlock, firstHeading, items };
}

/** How many lines a front matter block (`---` … `---` from line 1, as remark-frontmatter reads it) takes. */
function frontMatterLines(text: string): number {
  if (!/^---(?:\r\n?|\n)/.test(text)) return 0;
  const close = /(?:\r\n?|\n)---(?:\r\n?|\n|$)/.exec(text);
  return close ? text.slice(0, close.index + 1).split(/\r\n?|\n/).length : 0;
}

function trackHeading(stack: { depth: number; text: string }[], heading: Heading): void {
  while (stack.length > 0 && (stack.at(-1)?.depth ?? 0) >= heading.depth) stack.pop();
  stack.push({ depth: heading.depth, text: collapse(plainText(heading)) });
}
function toItem(
  node: ListItem,
  task: TaskMarker,
  ancestors: Nodes[],
  headings: { text: string }[],
  scope: Scope,
  path: string,
): ChecklistItem {
  const { checked } = task;
  const paragraph = node.children[0]?.type === "paragraph" && !task.textless ? node.children[0] : undefined;
  const { text, waiverReason, struck } = task.inText
    ? { text: collapse(plainText(paragraph).slice(3)), waiverReason: null, struck: false }
    : itemText(paragraph);
  const { outerDepth, outerParent } = taskNesting(scope, ancestors);
  const hasReason = waiverReason !== null && waiverReason.length > 0;
  const line = node.position?.start.line ?? 1;
  return {
    line: line + scope.lineOffset,
    column: (node.position?.start.column ?? 0) + (scope.lineIndent[line - 1] ?? 0),
    checked,
    text,
    headings: headings.map((h) => h.text),
    depth: outerDepth,
    parent: outerParent,
    // Owners are read from the identity text itself, so no markup (code, emphasis, image alt text)
    // can keep an item's identity while hiding its owner, and a waiver's reason adds none.
    owners: extractOwners(text, { file: path, line: line + scope.lineOffset }),
    optional: OPTIONAL_MARKER.test(/[^\p{ASCII}]/u.test(text) ? text.normalize("NFKC") : text),
    struck,
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
    const waiver = WAIVER_REASON.exec(after);
    const reason = waiver?.[1]?.trim() ?? null;
    // Text between the struck part and `N/A:` (`~~Load test~~ @alice N/A: …`) is part of the item,
    // so an owner named there is still its owner; the reason is not.
    const between = waiver ? after.slice(0, waiver.index) : "";
    return { text: collapse(`${plainText(head)} ${between}`), waiverReason: reason, struck: true };
  }
  return { text: collapse(plainText(paragraph)), waiverReason: null, struck: false };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
