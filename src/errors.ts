/**
 * An error in something the user gave us (a file, a flag, a config value).
 * Always names where the problem is and, when we know it, how to fix it;
 * entry points print it as one line and exit 2 instead of a stack trace.
 */
export class InputError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly fix: string | undefined;

  constructor(message: string, where: { file?: string; line?: number; column?: number; fix?: string } = {}) {
    super(message);
    this.name = "InputError";
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
    this.fix = where.fix;
  }

  /** `file:line:column: message (fix)` — the compiler style editors can jump to. */
  format(): string {
    const place = [this.file, this.line, this.line !== undefined ? this.column : undefined]
      .filter((part) => part !== undefined)
      .join(":");
    const text = this.fix ? `${this.message} — ${this.fix}` : this.message;
    return place ? `${place}: ${text}` : text;
  }
}
