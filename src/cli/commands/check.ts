import { parseArgs } from "node:util";
import { InputError } from "../../errors.js";
import type { Paint } from "../../format/paint.js";
import { readGateDocument } from "../../gates/document.js";
import { evaluateGate } from "../../gates/evaluate.js";
import { formatCheckMarkdown } from "../../gates/format/markdown.js";
import { formatCheckText } from "../../gates/format/text.js";
import { type CheckFileResult, toCheckFileResult, toCheckResult } from "../../gates/result.js";
import type { FlagHelp } from "../help.js";
import { type CliIO, readUserFile, UsageError } from "../io.js";

export const usage = "launchgate check [--base FILE]... [--format text|json|markdown] FILE...";
export const summary = "check gate documents: exit 0 when every gate passes, 1 when any fails";

export const flags: FlagHelp[] = [
  {
    name: "base",
    value: "FILE",
    repeat: true,
    default: "none: no comparison",
    text: "the same gate as on the base branch, one per FILE in order; items deleted since fail the gate",
  },
  { name: "format", value: "text|json|markdown", default: "text", text: "output format" },
];
export const exits = { 0: "every gate passes", 1: "a gate fails" };

const FORMATS = ["text", "json", "markdown"] as const;

export async function run(argv: string[], io: CliIO, paint: Paint): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { base: { type: "string", multiple: true }, format: { type: "string", default: "text" } },
  });
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format))
    throw new UsageError(`unknown --format "${values.format}"`, { fix: "use text, json or markdown" });
  if (positionals.length === 0) throw new UsageError("no files given", { fix: usage });
  const bases = values.base ?? [];
  if (bases.length > 0 && bases.length !== positionals.length) {
    throw new UsageError(`${bases.length} --base file(s) for ${positionals.length} file(s)`, {
      fix: "give one --base per FILE, in the same order",
    });
  }

  const files: CheckFileResult[] = [];
  const errors: InputError[] = [];
  for (const [index, path] of positionals.entries()) {
    try {
      const doc = readGateDocument(await readUserFile(path), path);
      for (const warning of doc.warnings ?? []) io.stderr(`launchgate: warning: ${warning.format()}\n`);
      const basePath = bases[index];
      const base = basePath
        ? readGateDocument(await readUserFile(basePath), basePath, { allowEmpty: true })
        : undefined;
      files.push(toCheckFileResult(doc, evaluateGate(doc, base ? { base } : {}), basePath ?? null));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors.push(error);
    }
  }
  if (errors.length > 0) {
    for (const error of errors) io.stderr(`launchgate: ${error.format()}\n`);
    return 2;
  }
  const result = toCheckResult(files);
  if (format === "json") io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else if (format === "markdown") io.stdout(formatCheckMarkdown(result));
  else io.stdout(formatCheckText(result, paint));
  return result.passed ? 0 : 1;
}
