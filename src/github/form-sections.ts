import type { Heading, Root, RootContent } from "mdast";
import { toString as plainText } from "mdast-util-to-string";
import remarkParse from "remark-parse";
import { unified } from "unified";

/**
 * The report cache keeps no issue bodies: only the sections of the issue-form fields the report
 * reads (severity, affected users), as their Markdown source, from which a minimal body is
 * rebuilt. Sections are found as triage's `formField` finds them (a heading whose text is the
 * field, up to the next heading as high or higher), in one parse per body for all fields.
 */

const markdown = unified().use(remarkParse);
const normalize = (text: string) => text.trim().toLowerCase();

/** [field, Markdown source of its answer] for each of `fields` answered in `body`, in body order. */
export function formSections(body: string | null | undefined, fields: readonly string[]): [string, string][] {
  if (!body || !fields.some((f) => body.toLowerCase().includes(normalize(f)))) return [];
  const children = (markdown.parse(body) as Root).children;
  const found: { at: number; field: string; source: string }[] = [];
  for (const field of fields) {
    const wanted = normalize(field);
    const start = children.findIndex((node) => node.type === "heading" && normalize(plainText(node)) === wanted);
    if (start < 0) continue;
    const depth = (children[start] as Heading).depth;
    const answer: RootContent[] = [];
    for (const node of children.slice(start + 1)) {
      if (node.type === "heading" && node.depth <= depth) break;
      answer.push(node);
    }
    // An empty answer or GitHub's "_No response_" is no answer: nothing to keep.
    const text = answer
      .map((node) => plainText(node))
      .join("\n")
      .trim();
    const first = answer[0]?.position?.start.offset;
    const last = answer.at(-1)?.position?.end.offset;
    if (text === "" || /^no response$/i.test(text) || first === undefined || last === undefined) continue;
    found.push({ at: first, field, source: body.slice(first, last) });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => [f.field, f.source]);
}

/** Backslash-escapes Markdown punctuation, so a field name reads back as itself. */
const literal = (text: string) => text.replace(/[!-/:-@[-`{-~]/g, "\\$&");

/**
 * A body holding only `sections`, each under a level-1 heading: no heading inside an answer can
 * end it early (the original heading was level 1 or deeper), so every field reads back the same.
 */
export function bodyFromSections(sections: readonly [string, string][]): string {
  return sections.map(([field, source]) => `# ${literal(field)}\n\n${source}\n`).join("\n");
}
