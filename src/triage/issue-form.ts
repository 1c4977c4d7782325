import type { Heading, Root, RootContent } from "mdast";
import { toString as plainText } from "mdast-util-to-string";
import remarkParse from "remark-parse";
import { unified } from "unified";

/**
 * Reading an issue form's answers from the issue body. GitHub renders each form field as a
 * heading (`### Severity`) followed by the answer, or `_No response_` when an optional field was
 * left empty. A field's section is the first top-level heading whose plain text is the field's
 * name (case and surrounding spaces aside), up to the next heading as high or higher. Triage's
 * severity, criteria's affected users and the report cache (src/github/form-sections.ts) all read
 * sections this one way.
 */

const markdown = unified().use(remarkParse);

/** The Markdown tree of an issue body. */
export function parseBody(body: string): Root {
  return markdown.parse(body) as Root;
}

/** A field's heading and the blocks that answer it. */
export interface FormSection {
  heading: Heading;
  answer: RootContent[];
}

/** The section of `field` in a parsed body, or null when no heading names it. */
export function findSection(tree: Root, field: string): FormSection | null {
  const wanted = normalizeField(field);
  const children = tree.children;
  const start = children.findIndex((node) => node.type === "heading" && normalizeField(plainText(node)) === wanted);
  if (start < 0) return null;
  const heading = children[start] as Heading;
  const answer: RootContent[] = [];
  for (const node of children.slice(start + 1)) {
    if (node.type === "heading" && node.depth <= heading.depth) break;
    answer.push(node);
  }
  return { heading, answer };
}

/** The plain text of an answer, or "" when it is empty or GitHub's "_No response_". */
export function answerText(answer: readonly RootContent[]): string {
  const text = answer
    .map((node) => plainText(node))
    .join("\n")
    .trim();
  return /^no response$/i.test(text) ? "" : text;
}

/** Field names match headings whatever their case and surrounding spaces. */
export const normalizeField = (text: string) => text.trim().toLowerCase();

/**
 * The answer under the heading named `field`: its plain text and its source as typed (a reporter's
 * `>20%` is Markdown for a quote, but means "more than 20 %"). Null when absent or empty.
 */
export function formAnswer(body: string, field: string): FormAnswer | null {
  let byBody = answers.get(field);
  if (!byBody) {
    byBody = new Map();
    answers.set(field, byBody);
  }
  if (byBody.has(body)) return byBody.get(body) ?? null;
  // Bounded: a run over exported issues, whose bodies rarely repeat, keeps no more than this.
  if (byBody.size >= MEMO_BODIES) byBody.clear();
  const answer = readAnswer(body, field);
  byBody.set(body, answer);
  return answer;
}

/** Shared by every issue with the same body: read only. */
export interface FormAnswer {
  readonly text: string;
  readonly source: string;
}

/**
 * Answers already read, by field and body. The report's cache keeps only the form sections of a
 * body (src/github/form-sections.ts), so 100,000 issues hold a few hundred distinct bodies, and
 * each week triage and the criteria read each one: parsing Markdown once per distinct body, not
 * per issue, is most of the report's time and short-lived garbage.
 */
const answers = new Map<string, Map<string, FormAnswer | null>>();
const MEMO_BODIES = 10_000;

function readAnswer(body: string, field: string): FormAnswer | null {
  const section = findSection(parseBody(body), field);
  if (!section) return null;
  const text = answerText(section.answer);
  if (text === "") return null;
  const from = section.answer[0]?.position?.start.offset ?? 0;
  const to = section.answer.at(-1)?.position?.end.offset ?? body.length;
  return { text, source: body.slice(from, to).trim() };
}

/** The plain-text answer under the heading named `field`, or null when absent or empty. */
export function formField(body: string, field: string): string | null {
  return formAnswer(body, field)?.text ?? null;
}
