import { decodeDocument } from "../checklist/input.js";
import { type ParseOptions, parseChecklist } from "../checklist/parse.js";
import type { ChecklistDocument } from "../checklist/types.js";
import { InputError } from "../errors.js";
import { type FrontMatterResult, type GateFrontMatter, parseFrontMatter } from "./frontmatter.js";

/** A gate document: its checklist, and its front matter read as a gate's (id, title, approvers, applies_to). */
export interface GateDocument extends ChecklistDocument {
  frontMatter: GateFrontMatter | null;
  /** Things launchgate ignored but the author may not expect it to (unknown front matter keys). */
  warnings?: InputError[];
}

/** Options of a gate document's parse; `frontMatter: false` reads a file whose front matter is not a gate's. */
type GateParseOptions = Pick<ParseOptions, "frontMatter">;

/**
 * Markdown of a gate document → its checklist and gate front matter. The document is parsed once;
 * the front matter is read as the parser reaches it, so its errors (file:line) come before any item's.
 */
export function parseGateDocument(text: string, path: string, options: GateParseOptions = {}): GateDocument {
  let read: FrontMatterResult | undefined;
  const checklist = parseChecklist(text, path, {
    ...options,
    onFrontMatter: (block) => {
      read = parseFrontMatter(block.yaml, path, block.line);
    },
  });
  const { frontMatter = null, warnings = [] } = read ?? {};
  return { ...checklist, frontMatter, ...(warnings.length > 0 ? { warnings } : {}) };
}

/**
 * Bytes of a gate document → its checklist. A document without a single checkbox is an error,
 * not an empty gate that passes: a broken file or a wrong path must never open the gate.
 */
export function readGateDocument(
  bytes: Uint8Array,
  path: string,
  options: GateParseOptions & { allowEmpty?: boolean; maxBytes?: number } = {},
): GateDocument {
  const doc = parseGateDocument(decodeDocument(bytes, path, options.maxBytes), path, options);
  if (doc.items.length === 0 && !options.allowEmpty) {
    throw new InputError("no task list items", { file: path, fix: "a gate document needs items like `- [ ] …`" });
  }
  return doc;
}
