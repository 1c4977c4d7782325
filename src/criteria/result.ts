import * as z from "zod";

/**
 * The JSON `launchgate criteria --format json` prints and the Action's `reasons` output carries:
 * a public contract (docs/criteria.md). `decision`, `readiness` and `rules[].{id,outcome,evidence}`
 * are fixed by issue 5; the other fields are additions.
 */
export const DECISIONS = ["rollback", "consider-rollback", "hotfix", "patch", "feature", "none"] as const;
export const LEVELS = ["rollback", "consider-rollback", "hotfix", "patch", "feature"] as const;

const url = z.string().nullable();

export const evidenceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("issue"), number: z.number().int(), title: z.string(), url, text: z.string() }),
  z.object({ kind: z.literal("pull"), number: z.number().int(), title: z.string(), url, text: z.string() }),
  z.object({
    kind: z.literal("metric"),
    metric: z.string(),
    at: z.string(),
    value: z.number(),
    file: z.string(),
    line: z.number().int(),
    url,
    text: z.string(),
  }),
  z.object({ kind: z.literal("release"), tag: z.string(), publishedAt: z.string(), url, text: z.string() }),
  z.object({ kind: z.literal("note"), text: z.string() }),
]);

export const ruleResultSchema = z.object({
  id: z.string(),
  level: z.enum(LEVELS),
  outcome: z.enum(["fire", "consider", "pass"]),
  /** The rule in words, with its thresholds. */
  rule: z.string(),
  evidence: z.array(evidenceSchema),
});

export const readinessPartSchema = z.object({
  id: z.enum(["gates", "p0", "p1", "sla", "metrics"]),
  weight: z.number(),
  /** 0–1, or null when the input for this part was not given (the part is then left out). */
  score: z.number().min(0).max(1).nullable(),
  /** This part's share of the final score (0–100 in total), or null when left out. */
  points: z.number().nullable(),
  detail: z.string(),
});

export const criteriaResultSchema = z.object({
  decision: z.enum(DECISIONS),
  readiness: z.number().int().min(0).max(100),
  readinessParts: z.array(readinessPartSchema),
  /** Why the decision overrides readiness, for the line that shows both (null when it does not). */
  readinessNote: z.string().nullable(),
  now: z.string(),
  release: z.object({ tag: z.string(), publishedAt: z.string(), url }).nullable(),
  rules: z.array(ruleResultSchema),
});

export type Decision = (typeof DECISIONS)[number];
export type Level = (typeof LEVELS)[number];
export type Evidence = z.infer<typeof evidenceSchema>;
export type RuleResult = z.infer<typeof ruleResultSchema>;
export type ReadinessPart = z.infer<typeof readinessPartSchema>;
export type CriteriaResult = z.infer<typeof criteriaResultSchema>;
