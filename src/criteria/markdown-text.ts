import type { Nodes, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const processor = unified().use(remarkParse).use(remarkGfm);

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

/**
 * The prose of a Markdown text, one line per paragraph/heading/cell, without code, inline code or
 * HTML (PR templates keep examples in comments; a claim in a code sample is not a claim).
 */
export function proseLines(markdown: string): string[] {
  const lines: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === "paragraph" || node.type === "heading" || node.type === "tableCell") {
      lines.push(phrasing(node));
      return;
    }
    if ("children" in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(parseMarkdown(markdown));
  return lines.flatMap((l) => l.split("\n"));
}

function phrasing(node: Nodes): string {
  if (node.type === "code" || node.type === "inlineCode" || node.type === "html") return " ";
  if (node.type === "text") return node.value;
  if (node.type === "break") return "\n";
  if ("children" in node) return node.children.map((c) => phrasing(c as Nodes)).join("");
  return "";
}
