import type * as z from "zod";
import { InputError } from "../errors.js";
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot, snapshotSchema } from "./schema.js";

/**
 * Parse and validate one snapshot file. Every problem is an InputError naming the file and either
 * the line:column of a JSON syntax error or the JSON path of the first invalid value.
 */
export function parseSnapshot(text: string, file: string): Snapshot {
  let data: unknown;
  // A byte order mark from an editor is not an error (RFC 8259 lets parsers ignore it).
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = jsonErrorPosition(message, text);
    throw new InputError(`not valid JSON: ${message}`, { file, ...where, fix: "regenerate it with launchgate report" });
  }
  const version =
    typeof data === "object" && data !== null ? (data as Record<string, unknown>).schemaVersion : undefined;
  if (typeof version === "number" && version !== SNAPSHOT_SCHEMA_VERSION) {
    throw new InputError(
      `snapshot schemaVersion ${version} is not supported (this launchgate reads version ${SNAPSHOT_SCHEMA_VERSION})`,
      {
        file,
        fix:
          version > SNAPSHOT_SCHEMA_VERSION ? "upgrade launchgate" : "regenerate the snapshot with launchgate report",
      },
    );
  }
  const result = snapshotSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0] as z.core.$ZodIssue;
    const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problems)` : "";
    throw new InputError(`${formatJsonPath(issue.path)}: ${issue.message}${more}`, {
      file,
      fix: "snapshots must match the launchgate snapshot schema version 1 (docs/report.md)",
    });
  }
  return result.data;
}

/** `issues.open[3].url` from a zod issue path; `(root)` for the document itself. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(root)";
}

/** V8 reports "… at position N" (and sometimes "(line L column C)"); turn it into line:column. */
function jsonErrorPosition(message: string, text: string): { line?: number; column?: number } {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  if (!position) return {};
  const before = text.slice(0, Number(position[1]));
  const lines = before.split("\n");
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
