/**
 * CommonMark measures block structure in columns, a tab advancing to the next multiple of 4, and
 * a container may take only part of a tab (`>\t` takes one of its columns). micromark loses track
 * of such partial tabs in nested block quotes and list items, where cmark-gfm does not; spaces
 * have no partial columns. So before parsing, the tabs in each line's structural lead (the
 * indentation, `>` markers and list markers in front of its first content character) become the
 * spaces they stand for. Content keeps its tabs: `[<tab>]` is no task marker.
 */

/** The line with the tabs of its lead expanded to 4-column stops. */
export function expandLeadingTabs(line: string): string {
  let out = "";
  let i = 0;
  for (; i < line.length; i++) {
    const ch = line[i] ?? "";
    if (ch === "\t") out += " ".repeat(4 - (out.length % 4));
    else if (" >-+*.)0123456789".includes(ch)) out += ch;
    else break;
  }
  return out + line.slice(i);
}

/**
 * The document with expandLeadingTabs applied to every line from `fromLine` (0-based) on; the
 * lines before it (front matter, which YAML reads with tabs as they are) and every line ending
 * stay as they were, so lines keep their numbers.
 */
export function expandStructuralTabs(text: string, fromLine = 0): string {
  if (!text.includes("\t")) return text;
  let out = "";
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = start;
    while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
    const content = text.slice(start, end);
    out += line >= fromLine && content.includes("\t") ? expandLeadingTabs(content) : content;
    if (end >= text.length) break;
    const next = text.startsWith("\r\n", end) ? end + 2 : end + 1;
    out += text.slice(end, next);
    start = next;
    line++;
  }
  return out;
}
