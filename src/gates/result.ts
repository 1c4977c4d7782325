import * as z from "zod";
import type { ChecklistDocument, ChecklistItem } from "../checklist/types.js";
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
  /**
   * For an owned item (null otherwise): whether its sign-off was verified. `not-checked` when no
   * one checked who ticked it — always offline (`launchgate check` reads files, not GitHub's
   * records), with `signoff: trust`, and for items not ticked or optional.
   */
  signoff: z.enum(["verified", "unverified", "not-checked"]).nullable().default(null),
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
  /**
   * Whether sign-off of this file's owned items was verified against GitHub's records (false
   * offline). New fields default when absent, so check results written by older versions still read.
   */
  signoffChecked: z.boolean().default(false),
});

export const checkResultSchema = z.object({
  passed: z.boolean(),
  files: z.array(checkFileResultSchema),
});

export type CheckFileResult = z.infer<typeof checkFileResultSchema>;
export type CheckResult = z.infer<typeof checkResultSchema>;

/**
 * `signoffChecked`: the Action verified who ticked each owned item; offline (the CLI, a scheduled
 * snapshot) nobody did, and every format says so.
 */
export function toCheckFileResult(
  doc: ChecklistDocument,
  verdict: GateVerdict,
  basePath: string | null,
  signoffChecked = false,
): CheckFileResult {
  const blockingByLine = new Map(verdict.blocking.map((b) => [b.item.line, b.reason]));
  const signoff = (i: ChecklistItem, blocking: string | null) => {
    if (i.owners.length === 0) return null;
    if (!signoffChecked || !i.checked || i.optional || i.waiverMissingReason) return "not-checked";
    return blocking === "unverified" ? "unverified" : "verified";
  };
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
      signoff: signoff(i, blockingByLine.get(i.line) ?? null),
    })),
    removed: verdict.removed.map((i) => ({ line: i.line, text: i.text, headings: i.headings })),
    signoffChecked,
  };
}

/** Owned items whose sign-off nobody verified, for the "not verified" line of the text and markdown formats. */
export function uncheckedSignoffs(result: CheckResult): number {
  return result.files.reduce(
    (n, f) => n + (f.signoffChecked ? 0 : f.items.filter((i) => i.signoff === "not-checked").length),
    0,
  );
}

/** Said in the text and markdown formats whenever owned items were not verified (offline, or `signoff: trust`). */
export const OFFLINE_SIGNOFF_NOTE =
  "sign-off not verified — nobody checked who ticked them (an offline check reads only the files); the Action's check with signoff: verify verifies it against GitHub";

export function toCheckResult(files: CheckFileResult[]): CheckResult {
  return { passed: files.length > 0 && files.every((f) => f.passed), files };
}
