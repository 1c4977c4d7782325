import type { Definition, Root } from "mdast";
import { answerText, findSection, normalizeField as normalize, parseBody } from "../triage/issue-form.js";

/**
 * The report cache keeps no issue bodies: only the sections of the issue-form fields the report
 * reads (severity, affected users), as their Markdown source, from which a minimal body is
 * rebuilt. Sections are found as triage finds a form answer (src/triage/issue-form.ts: a heading
 * whose text is the field, up to the next heading as high or higher). A body made only of ATX
 * headings and paragraphs — what GitHub's issue forms write — is cut by lines; any other body goes
 * through the Markdown parser, once for all fields (parsing 100,000 bodies was most of a first
 * read's time and memory).
 */

/** [field, Markdown source of its answer] for each of `fields` answered in `body`, in body order. */
export function formSections(body: string | null | undefined, fields: readonly string[]): [string, string][] {
  if (!body || !fields.some((f) => body.toLowerCase().includes(normalize(f)))) return [];
  // Two names for one heading ("Severity", "severity") are one section.
  const unique = [...new Map(fields.map((f) => [normalize(f), f])).values()];
  return simpleSections(body, unique) ?? parsedSections(body, unique);
}

/**
 * A line that may open a block other than a paragraph or an ATX heading (code fence, HTML,
 * quote, list item, link definition, setext underline, indented code) or continue one.
 */
const COMPLEX_LINE =
  /^(?: {0,3}(?:```|~~~|<|>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|\[|=+[ \t]*$|-+[ \t]*$)| {4}|\t)/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
/** Heading text whose plain text may differ from its source (inline markup, escapes, entities). */
const INLINE_MARKUP = /[\\`*_[\]<>&!~]/;

/** Sections by lines, for a body of ATX headings and paragraphs only; null for any other body. */
export function simpleSections(body: string, fields: readonly string[]): [string, string][] | null {
  const lines = body.split(/\r\n|\r|\n/);
  if (lines.some((line) => COMPLEX_LINE.test(line))) return null;
  const headings: ({ depth: number; text: string } | null)[] = [];
  for (const line of lines) {
    const match = ATX.exec(line);
    if (!match) {
      headings.push(null);
      continue;
    }
    // A closing sequence of #s is not part of the text ("### Severity ###").
    const text = (match[2] ?? "").replace(/(?:^|[ \t]+)#+$/, "");
    if (INLINE_MARKUP.test(text)) return null;
    headings.push({ depth: (match[1] as string).length, text });
  }
  const out: Section[] = [];
  for (const field of fields) {
    const wanted = normalize(field);
    const start = headings.findIndex((h) => h !== null && normalize(h.text) === wanted);
    if (start < 0) continue;
    const depth = (headings[start] as { depth: number }).depth;
    let end = start + 1;
    while (end < lines.length && !(headings[end] && (headings[end] as { depth: number }).depth <= depth)) end++;
    const answer = lines.slice(start + 1, end);
    while (answer.length > 0 && (answer[0] as string).trim() === "") answer.shift();
    while (answer.length > 0 && (answer.at(-1) as string).trim() === "") answer.pop();
    const source = answer.join("\n");
    out.push({ at: start, end, field, source: NO_RESPONSE.test(source.trim()) ? "" : source });
  }
  return outermost(out);
}

/** Sections through the Markdown parser (any body), found as triage finds a form answer. */
function parsedSections(body: string, fields: readonly string[]): [string, string][] {
  const tree = parseBody(body);
  const found: Section[] = [];
  for (const field of fields) {
    const section = findSection(tree, field);
    if (!section) continue;
    const { heading, answer } = section;
    const at = heading.position?.start.offset;
    const first = answer[0]?.position?.start.offset;
    const last = answer.at(-1)?.position?.end.offset ?? heading.position?.end.offset;
    if (at === undefined || last === undefined) continue;
    // An empty answer or GitHub's "_No response_" is kept empty: the field is there, unanswered.
    const empty = first === undefined || answerText(answer) === "";
    found.push({ at, end: last, field, source: empty ? "" : body.slice(first, last) });
  }
  const sections = outermost(found);
  // Reference links in an answer ([text][ref]) need the body's link definitions, wherever they stood.
  const definitions = sections.some(([, source]) => source.includes("[")) ? definitionsOf(tree) : "";
  return definitions ? [[DEFINITIONS, definitions], ...sections] : sections;
}

/** The pseudo-field of the link definitions a rebuilt body starts with. */
const DEFINITIONS = "";

/** Every link reference definition of a document, rewritten one per line (`[label]: <url> "title"`). */
function definitionsOf(tree: Root): string {
  const lines: string[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === "definition") {
      const d = node as unknown as Definition;
      const url = d.url.replace(/[\\<>]/g, "\\$&");
      const title = d.title === null || d.title === undefined ? "" : ` "${d.title.replace(/["\\]/g, "\\$&")}"`;
      lines.push(`[${d.label ?? d.identifier}]: <${url}>${title}`);
    }
    for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
  };
  visit(tree);
  return lines.join("\n");
}

/** GitHub's answer for an optional field left empty, as Markdown. */
const NO_RESPONSE = /^(?:|_no response_|\*no response\*|no response)$/i;

/** A field's answer and where it lies in the body (lines or offsets, from `at` to `end`). */
interface Section {
  at: number;
  end: number;
  field: string;
  source: string;
}

/**
 * The sections in body order, without those inside another: a field whose heading lies in another
 * field's answer is found there in the rebuilt body too (it is that field's first heading), and
 * kept on its own it could be read differently (an answer ending in an unclosed code fence runs on
 * to the end of the body, over whatever follows it). Unanswered fields stay (empty), so that a
 * heading of the same name further down is not taken for theirs.
 */
function outermost(sections: Section[]): [string, string][] {
  const sorted = sections.sort((a, b) => a.at - b.at);
  return sorted
    .filter((s) => !sorted.some((o) => o !== s && o.at <= s.at && s.at < o.end))
    .map((s) => [s.field, s.source]);
}

/** Backslash-escapes Markdown punctuation, so a field name reads back as itself. */
const literal = (text: string) => text.replace(/[!-/:-@[-`{-~]/g, "\\$&");

/**
 * A body holding only `sections`, each under a level-1 heading: no heading inside an answer can
 * end it early (the original heading was level 1 or deeper), so every field reads back the same.
 */
export function bodyFromSections(sections: readonly [string, string][]): string {
  return sections
    .map(([field, source]) => (field === DEFINITIONS ? `${source}\n` : `# ${literal(field)}\n\n${source}\n`))
    .join("\n");
}
