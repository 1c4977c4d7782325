import { isUtf8 } from "node:buffer";
import { InputError } from "../errors.js";

/**
 * Gate documents larger than this are refused before parsing. The Markdown parser's time and
 * memory grow faster than the text, most for nested block quotes and lists, a single piece with no
 * heading to cut at (chunks.ts) and inline-heavy items. At 64 KiB the worst of those shapes took up
 * to 295 MB for the whole `launchgate check` process, too close to the 300 MB goal; at 48 KiB they
 * take 0.7 s of CPU and 210 MB, and remark's slowest case (unclosed links in one paragraph) 1.8 s
 * (a 9 MB document took 16 s and 1.8 GB). Real gates and release checklists are a few to 30 KB.
 * Figures: bench/results/checklist.md, "Document size limit".
 */
export const MAX_DOCUMENT_BYTES = 48 * 1024;
/**
 * Deepest container nesting (lists, block quotes) accepted. The Markdown parser's cost grows
 * steeply with nesting (a list indented 1,000 levels takes tens of seconds), and no real
 * checklist comes close, so deeper input is refused before parsing.
 */
export const MAX_NESTING = 100;

/**
 * Turns raw bytes into Markdown text, refusing what is not a UTF-8 text document.
 * A leading BOM is dropped, as github.com does when it renders a file.
 */
export function decodeDocument(bytes: Uint8Array, file: string, maxBytes = MAX_DOCUMENT_BYTES): string {
  if (bytes.byteLength > maxBytes) {
    throw new InputError(
      `file is ${formatSize(bytes.byteLength)}; gate documents are limited to ${formatSize(maxBytes)}`,
      {
        file,
        fix: "split it into several gate documents",
      },
    );
  }
  if (bytes.byteLength === 0) {
    throw new InputError("empty file", { file, fix: "a gate document needs at least one task list item (- [ ] …)" });
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new InputError("binary file (NUL byte)", {
      file,
      line: lineAt(bytes, nul),
      fix: "gate documents are UTF-8 Markdown",
    });
  }
  if (!isUtf8(bytes)) {
    throw new InputError("not valid UTF-8", { file, line: firstInvalidLine(bytes), fix: "save the file as UTF-8" });
  }
  const text = new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
  assertNestingWithinLimit(text, file);
  return text;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** 1-based line of the byte at `index`. */
function lineAt(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < index; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/** The first line that is not valid UTF-8 on its own (the whole text is known not to be). */
function firstInvalidLine(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let end = bytes.indexOf(0x0a); ; end = bytes.indexOf(0x0a, start)) {
    const stop = end < 0 ? bytes.byteLength : end;
    if (!isUtf8(bytes.subarray(start, stop))) return line;
    if (end < 0) return line;
    line++;
    start = end + 1;
  }
}

/**
 * Upper estimate of each line's container depth: block-quote and list markers at its start plus
 * one level per two columns of indentation (the least indentation a nested list needs).
 */
export function assertNestingWithinLimit(text: string, file: string): void {
  let lineNumber = 0;
  for (const line of text.split("\n")) {
    lineNumber++;
    let depth = 0;
    let indent = 0;
    let i = 0;
    while (i < line.length && depth + Math.floor(indent / 2) <= MAX_NESTING) {
      const ch = line[i];
      if (ch === " ") indent++;
      else if (ch === "\t") indent += 4 - (indent % 4);
      else if (ch === ">") depth++;
      else if ((ch === "-" || ch === "*" || ch === "+") && /[ \t]/.test(line[i + 1] ?? "")) depth++;
      else {
        let j = i;
        while (j < line.length && j - i < 9 && /\d/.test(line[j] ?? "")) j++;
        if (j === i || !/[.)]/.test(line[j] ?? "") || !/[ \t]/.test(line[j + 1] ?? "")) break;
        depth++;
        i = j;
      }
      i++;
    }
    if (depth + Math.floor(indent / 2) > MAX_NESTING) {
      throw new InputError(`lists or quotes nested more than ${MAX_NESTING} levels deep`, {
        file,
        line: lineNumber,
        fix: "flatten the list",
      });
    }
  }
}
