import * as z from "zod";
import { parseYamlWithSchema } from "../config/yaml.js";
import { globProblem } from "../gates/glob.js";
import { normalizeOwner } from "./owners.js";

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

/** Front matter of a gate document: every key optional, unknown keys rejected. */
export const gateFrontMatterSchema = z.strictObject({
  gate: z
    .string()
    .regex(/^[a-z\d][\w.-]*$/i, "expected an id of letters, digits, '.', '_' or '-'")
    .optional(),
  title: z.string().min(1).optional(),
  phase: z.union([z.string().min(1), z.number()]).optional(),
  applies_to: appliesToSchema.optional(),
  approvers: z.array(ownerName).optional(),
});

export type GateFrontMatter = z.output<typeof gateFrontMatterSchema>;

/** Validates YAML front matter; `startLine` is the 1-based line of the YAML's first line. */
export function parseFrontMatter(yamlText: string, file: string, startLine: number): GateFrontMatter {
  return parseYamlWithSchema(yamlText, gateFrontMatterSchema, { file, lineOffset: startLine - 1 });
}
