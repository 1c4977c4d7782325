import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import * as z from "zod";
import { normalizeOwner } from "../checklist/owners.js";
import { InputError } from "../errors.js";
import { editDistance, nearestKey } from "../nearest-key.js";
import { parseYamlWithSchema } from "../yaml/parse.js";
import { globProblem } from "./glob.js";

/** A glob that compiles, so a typo is an error with its line instead of a failure later. */
export const glob = z
  .string()
  .min(1)
  .check((ctx) => {
    const problem = globProblem(ctx.value);
    if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
  });

/** A glob or a list of globs, always read as a list (checked after, so an error names the entry). */
export const globList = z
  .union([z.string().min(1), z.array(z.string().min(1))])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .pipe(z.array(glob));

/** `@user` or `@org/team` (the `@` optional), normalised to lower case without `@`. */
export const ownerName = z
  .string()
  .regex(/^@?[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}(?:\/[a-z\d][\w.-]*)?$/i, "expected @user or @org/team")
  .transform(normalizeOwner);

/** Which pull requests a gate applies to; every constraint given must match (labels: any one of them). */
export const appliesToSchema = z.strictObject({
  base: globList.optional().describe("base branch globs, e.g. main or release/*"),
  head: globList.optional().describe("head branch globs"),
  labels: globList.optional().describe("PR label globs; any one matching label is enough"),
});

/** A value GitHub issue templates give as a string or a list (`labels: bug, p1` or `[bug, p1]`). */
const stringOrList = z
  .union([z.string(), z.array(z.string())])
  .nullable()
  .optional();

/** The keys launchgate itself reads; an unknown key close to one of them is a typo. */
const LAUNCHGATE_KEYS = ["gate", "title", "phase", "applies_to", "approvers"] as const;

/**
 * Front matter of a gate document. Besides launchgate's keys it accepts those of a GitHub issue
 * template (`name`, `about`, `title`, `labels`, `assignees`, `type`, `projects`), so a
 * release-tracking issue template works as a gate as it is; launchgate reads none of them but
 * `title`, and an empty `title` (as templates often have) means the first heading.
 */
export const gateFrontMatterSchema = z.looseObject({
  gate: z
    .string()
    .regex(/^[a-z\d][\w.-]*$/i, "expected an id of letters, digits, '.', '_' or '-'")
    .optional(),
  title: z
    .string()
    .nullable()
    .optional()
    .transform((title) => (title?.trim() ? title : undefined)),
  phase: z.union([z.string().min(1), z.number()]).optional(),
  applies_to: appliesToSchema.optional(),
  approvers: z.array(ownerName).optional(),
  name: z.string().nullable().optional(),
  about: z.string().nullable().optional(),
  labels: stringOrList,
  assignees: stringOrList,
  type: z.string().nullable().optional(),
  projects: stringOrList,
});

export type GateFrontMatter = z.output<typeof gateFrontMatterSchema>;

/** What parseFrontMatter found: the values, and a warning per unknown key that launchgate ignores. */
export interface FrontMatterResult {
  frontMatter: GateFrontMatter;
  warnings: InputError[];
}

/**
 * Validates YAML front matter; `startLine` is the 1-based line of the YAML's first line. An unknown
 * key within a typo's reach of a launchgate key is an error naming it; any other is ignored with a
 * warning, as GitHub ignores keys it does not know.
 */
export function parseFrontMatter(yamlText: string, file: string, startLine: number): FrontMatterResult {
  const frontMatter = parseYamlWithSchema(yamlText, gateFrontMatterSchema, { file, lineOffset: startLine - 1 });
  const known = new Set(Object.keys(gateFrontMatterSchema.shape));
  const warnings: InputError[] = [];
  for (const { key, line, column } of topLevelKeys(yamlText)) {
    if (known.has(key)) continue;
    const where = { file, line: line + startLine - 1, column };
    const near = nearestLaunchgateKey(key);
    if (near) throw new InputError(`unknown key "${key}"`, { ...where, fix: `did you mean "${near}"?` });
    warnings.push(new InputError(`unknown front matter key "${key}" is ignored`, where));
    delete (frontMatter as Record<string, unknown>)[key];
  }
  return { frontMatter, warnings };
}

/** A launchgate key one edit away from `key` (two for keys of five letters or more: "titel"), if any. */
function nearestLaunchgateKey(key: string): string | undefined {
  const near = nearestKey(key, [...LAUNCHGATE_KEYS]);
  if (!near) return undefined;
  const reach = near.length >= 5 ? 2 : 1;
  return editDistance(key.toLowerCase(), near.toLowerCase()) <= reach ? near : undefined;
}

function topLevelKeys(yamlText: string): { key: string; line: number; column: number }[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter });
  if (!isMap(doc.contents)) return [];
  return doc.contents.items.flatMap((pair) => {
    if (!isScalar(pair.key) || !pair.key.range) return [];
    const { line, col } = lineCounter.linePos(pair.key.range[0]);
    return [{ key: String(pair.key.value), line, column: col }];
  });
}
