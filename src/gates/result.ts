import * as z from "zod";
import type { ChecklistDocument } from "../checklist/types.js";
import type { GateVerdict } from "./evaluate.js";

/** The JSON that `launchgate check --format json` prints: a public contract, documented in the README. */
const itemSchema = z.object({
  line: z.number().int(),
  checked: z.boolean(),
  text: z.string(),
  headings: z.array(z.string()),
  owners: z.array(z.string()),
  optional: z.boolean(),
  waived: z.boolean(),
  waiverReason: z.string().nullable(),
  depth: z.number().int(),
  parent: z.number().int().nullable(),
  blocking: z.enum(["unticked", "waiver-without-reason", "unverified"]).nullable(),
});

const removedSchema = z.object({
  line: z.number().int(),
  text: z.string(),
  headings: z.array(z.string()),
});

const taskSchema = z.object({
  heading: z.string(),
  total: z.number().int(),
  done: z.number().int(),
  required: z.number().int(),
  requiredDone: z.number().int(),
});

export const checkFileResultSchema = z.object({
  path: z.string(),
  basePath: z.string().nullable(),
  gate: z.object({ id: z.string(), title: z.string() }),
  passed: z.boolean(),
  total: z.number().int(),
  done: z.number().int(),
  required: z.number().int(),
  requiredDone: z.number().int(),
  tasks: z.array(taskSchema),
  items: z.array(itemSchema),
  removed: z.array(removedSchema),
});

export const checkResultSchema = z.object({
  passed: z.boolean(),
  files: z.array(checkFileResultSchema),
});

export type CheckFileResult = z.infer<typeof checkFileResultSchema>;
export type CheckResult = z.infer<typeof checkResultSchema>;

export function toCheckFileResult(
  doc: ChecklistDocument,
  verdict: GateVerdict,
  basePath: string | null,
): CheckFileResult {
  const blockingByLine = new Map(verdict.blocking.map((b) => [b.item.line, b.reason]));
  return {
    path: doc.path,
    basePath,
    gate: { id: verdict.id, title: verdict.title },
    passed: verdict.passed,
    total: verdict.total,
    done: verdict.done,
    required: verdict.required,
    requiredDone: verdict.requiredDone,
    tasks: verdict.tasks,
    items: doc.items.map((i) => ({
      line: i.line,
      checked: i.checked,
      text: i.text,
      headings: i.headings,
      owners: i.owners,
      optional: i.optional,
      waived: i.waived,
      waiverReason: i.waiverReason,
      depth: i.depth,
      parent: i.parent,
      blocking: blockingByLine.get(i.line) ?? null,
    })),
    removed: verdict.removed.map((i) => ({ line: i.line, text: i.text, headings: i.headings })),
  };
}

export function toCheckResult(files: CheckFileResult[]): CheckResult {
  return { passed: files.length > 0 && files.every((f) => f.passed), files };
}
