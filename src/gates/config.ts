import * as z from "zod";
import { appliesToSchema, glob, globList, ownerName } from "./frontmatter.js";

const gateEntrySchema = z.union([
  glob.transform((path) => ({ path })),
  z.strictObject({
    path: glob.describe("a gate document path or a glob (*, **, ?, {a,b}) in the repository"),
    applies_to: appliesToSchema.optional(),
  }),
]);

export const DEFAULT_GATES = [".github/gates/*.md"];

/**
 * The gate keys of `.github/launchgate.yml`. They are read from the PR's base branch, so a pull
 * request cannot loosen the rules it is checked against.
 */
export const gateConfigShape = {
  gates: z
    .array(gateEntrySchema)
    .default(DEFAULT_GATES.map((path) => ({ path })))
    .describe("gate documents (paths or globs), each optionally with applies_to"),
  release: z
    .strictObject({
      base: globList.optional().describe("a release PR targets one of these branches"),
      head: globList.default(["release/*", "release-*", "releases/*"]).describe("release branch globs"),
      labels: globList.default(["release"]).describe("release label globs"),
      title: z
        .string()
        .refine(isRegExp, "not a valid regular expression")
        .default("^(\\[release\\]|release\\b)")
        .describe("case-insensitive regular expression matched against the PR title"),
    })
    .default({
      head: ["release/*", "release-*", "releases/*"],
      labels: ["release"],
      title: "^(\\[release\\]|release\\b)",
    })
    .describe("which pull requests are release PRs: base must match (when given) and head, a label or the title"),
  pr_body: z
    .enum(["required", "optional", "off"])
    .default("optional")
    .describe("the PR description's checklist as a gate: required, optional (a gate when it has items) or off"),
  signoff: z
    .enum(["verify", "author", "trust"])
    .default("verify")
    .describe(
      "verify: owned items count only when an owner ticked them in a commit GitHub verified (web editor or a signed commit); author: the commit's author login is trusted (weaker: git author metadata can be forged); trust: any tick counts",
    ),
  approvers: z.array(ownerName).default([]).describe("@user or @org/team who may sign any owned item of any gate"),
};

function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, "i");
    return true;
  } catch {
    return false;
  }
}

export type GateEntry = z.output<typeof gateEntrySchema>;
export type AppliesTo = z.output<typeof appliesToSchema>;
