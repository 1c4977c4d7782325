import { InputError } from "../errors.js";

export interface CsvRow {
  cells: string[];
  /** 1-based line where the row starts. */
  line: number;
}

/**
 * RFC 4180 CSV: comma-separated, fields may be double-quoted (`""` is a quote, quoted fields may
 * span lines), CRLF or LF line ends. Blank lines are skipped.
 */
export function parseCsv(text: string, file: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let wasQuoted = false;
  const src = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === "" && !wasQuoted)) rows.push({ cells, line: rowLine });
    cells = [];
    cell = "";
    wasQuoted = false;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (cell !== "")
        throw new InputError("a quote inside an unquoted field", { file, line, fix: 'quote the whole field: "…"' });
      quoted = true;
      wasQuoted = true;
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
      wasQuoted = false;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      if (wasQuoted)
        throw new InputError("text after a closing quote", {
          file,
          line,
          fix: 'write "" for a quote inside a quoted field',
        });
      cell += ch;
    }
  }
  if (quoted) throw new InputError("unterminated quoted field", { file, line: rowLine });
  if (cell !== "" || cells.length > 0 || wasQuoted) endRow();
  return rows;
}
