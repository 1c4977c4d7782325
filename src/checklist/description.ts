import { InputError } from "../errors.js";
import { assertNestingWithinLimit, MAX_DOCUMENT_BYTES } from "./input.js";
import { parseChecklist } from "./parse.js";
import type { ChecklistDocument } from "./types.js";

/**
 * A PR description (or one of its past revisions) → its checklist, under the same size and nesting
 * limits as a gate file: the parser's cost grows steeply with nesting, and a description is text
 * anyone who can edit the PR controls. Too large or too deep is an InputError, never a slow parse.
 */
export function parseDescription(text: string, where: string): ChecklistDocument {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_DOCUMENT_BYTES) {
    throw new InputError(`description is ${(bytes / 1024 / 1024).toFixed(1)} MB; checklists are limited to 10 MB`, {
      file: where,
      fix: "move the checklist into a gate document",
    });
  }
  assertNestingWithinLimit(text, where);
  return parseChecklist(text, where, { frontMatter: false });
}
