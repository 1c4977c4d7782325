import * as z from "zod";
import { InputError } from "../errors.js";

/**
 * Parses a JSON list of GitHub REST objects as users export them. `gh api --paginate` prints one
 * JSON array per page, back to back, so the text may hold several top-level arrays: they are
 * concatenated. Errors name the file, the line:column of a syntax error or the JSON path of a bad
 * value (`$[12].labels[0]`).
 */
export function parseJsonList<S extends z.ZodType>(text: string, schema: S, file: string): z.output<S>[] {
  const values: unknown[] = [];
  for (const chunk of splitTopLevelValues(text, file)) {
    let value: unknown;
    try {
      value = JSON.parse(chunk.text);
    } catch (error) {
      throw syntaxError(error, text, chunk.offset, file);
    }
    if (!Array.isArray(value)) {
      throw new InputError("expected a JSON array (what `gh api --paginate` prints)", {
        file,
        ...lineColumn(text, chunk.offset),
      });
    }
    // One value at a time: spreading a page of hundreds of thousands of objects overflows the stack.
    for (const item of value) values.push(item);
  }
  const result = z.array(schema).safeParse(values);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = `$${(issue?.path ?? []).map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("")}`;
  throw new InputError(`${path}: ${issue?.message ?? "invalid value"}`, {
    file,
    fix: "the file must hold GitHub REST API objects, e.g. from `gh api --paginate`",
  });
}

/** Splits text into its top-level JSON values by bracket depth, outside strings. */
function splitTopLevelValues(text: string, file: string): { text: string; offset: number }[] {
  const chunks: { text: string; offset: number }[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === "[" || ch === "{") {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === "]" || ch === "}") {
      depth--;
      if (depth === 0) chunks.push({ text: text.slice(start, i + 1), offset: start });
      if (depth < 0) throw new InputError("unbalanced JSON brackets", { file, ...lineColumn(text, i) });
    } else if (depth === 0 && !/\s/.test(ch ?? "")) {
      throw new InputError(`unexpected "${ch}" outside a JSON array`, { file, ...lineColumn(text, i) });
    }
  }
  if (depth !== 0 || inString)
    throw new InputError("truncated JSON (unterminated array)", { file, ...lineColumn(text, text.length) });
  if (chunks.length === 0) throw new InputError("no JSON array in file", { file, fix: "an empty list is written []" });
  return chunks;
}

function syntaxError(error: unknown, text: string, offset: number, file: string): InputError {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  const where = position === undefined ? {} : lineColumn(text, offset + Number(position));
  return new InputError(`invalid JSON: ${message.replace(/ in JSON at position.*$/, "")}`, { file, ...where });
}

function lineColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  return { line, column: index - before.lastIndexOf("\n") };
}
