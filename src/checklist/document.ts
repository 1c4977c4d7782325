import { InputError } from "../errors.js";
import { decodeDocument } from "./input.js";
import { type ParseOptions, parseChecklist } from "./parse.js";
import type { ChecklistDocument } from "./types.js";

/**
 * Bytes of a gate document → its checklist. A document without a single checkbox is an error,
 * not an empty gate that passes: a broken file or a wrong path must never open the gate.
 */
export function readGateDocument(
  bytes: Uint8Array,
  path: string,
  options: ParseOptions & { allowEmpty?: boolean; maxBytes?: number } = {},
): ChecklistDocument {
  const doc = parseChecklist(decodeDocument(bytes, path, options.maxBytes), path, options);
  if (doc.items.length === 0 && !options.allowEmpty) {
    throw new InputError("no task list items", { file: path, fix: "a gate document needs items like `- [ ] …`" });
  }
  return doc;
}
