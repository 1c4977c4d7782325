import type { Heading, ListItem, Nodes, Paragraph, PhrasingContent, Root } from "mdast";
import { toString as plainText } from "mdast-util-to-string";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visitParents } from "unist-util-visit-parents";
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
  visitParents(tree, (node: Nodes, ancestors: Nodes[]) => {
    if (node.type === "heading") {
      trackHeading(headingStack, node);
      firstHeading ??= headingStack.at(-1)?.text ?? null;
      return "skip";
    }
    if (node.type !== "listItem" || typeof node.checked !== "boolean") return undefined;
    items.push(toItem(node, ancestors, headingStack));
    return undefined;
  });
  return { path, frontMatter, firstHeading, items };
}

function trackHeading(stack: { depth: number; text: string }[], heading: Heading): void {
  while (stack.length > 0 && (stack.at(-1)?.depth ?? 0) >= heading.depth) stack.pop();
  stack.push({ depth: heading.depth, text: collapse(plainText(heading)) });
}

function toItem(node: ListItem, ancestors: Nodes[], headings: { text: string }[]): ChecklistItem {
  const checked = node.checked === true;
  const paragraph = node.children[0]?.type === "paragraph" ? node.children[0] : undefined;
  const { text, waiverReason, struck } = itemText(paragraph);
  const enclosing = ancestors.filter((a): a is ListItem => a.type === "listItem");
  const parentTask = enclosing.findLast((a) => typeof a.checked === "boolean");
  const hasReason = waiverReason !== null && waiverReason.length > 0;
  return {
    line: node.position?.start.line ?? 0,
    column: node.position?.start.column ?? 0,
    checked,
    text,
    headings: headings.map((h) => h.text),
    depth: enclosing.length,
    parent: parentTask?.position?.start.line ?? null,
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
