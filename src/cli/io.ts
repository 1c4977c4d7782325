import { readFile, stat } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import { InputError } from "../errors.js";

/** What a CLI command may touch; tests pass their own. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a colour-capable terminal (respects NO_COLOR / FORCE_COLOR). */
  color: boolean;
  /** Whether stderr is a terminal (a live read redraws one progress line there; else plain lines). */
  stderrTTY?: boolean;
  cwd: string;
}

/** Reads a user-named file, turning every file-system failure into a one-line InputError. */
export async function readUserFile(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError("is a directory", { file: path, fix: "name a file, not a directory" });
    return await readFile(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError("no such file", { file: path });
    if (code === "EACCES") throw new InputError("permission denied", { file: path });
    throw new InputError(`cannot read file (${code ?? String(error)})`, { file: path });
  }
}

/** A user-named text file, decoded as UTF-8 (a BOM dropped); failures as in readUserFile. */
export async function readUserText(path: string): Promise<string> {
  return new TextDecoder().decode(await readUserFile(path));
}

/** Usage errors: exit 2 with the command's usage line. */
export class UsageError extends InputError {}

/**
 * How output names a user-given path: relative to the working directory when it lies below it,
 * else exactly as given — never an absolute path the user did not type.
 */
export function shownPath(cwd: string, given: string): string {
  const rel = relative(cwd, resolve(cwd, given));
  if (rel === "") return ".";
  return rel.startsWith("..") || isAbsolute(rel) ? given : rel;
}
