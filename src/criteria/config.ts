import * as z from "zod";
import { type MetricTarget, metricTargetSchema } from "../metrics/target.js";

const percent = z.number().min(0).max(100);
const count = z.number().int().min(0);
const labels = z.array(z.string().min(1));
const metricName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, "metric names look like error_rate");

/** Error rate <5 % and crash rate <0.1 % are the plan's week-1 must-haves; uptime ≥99 % is ours. */
export const DEFAULT_TARGETS: Record<string, MetricTarget> = {
  error_rate: { below: 5 },
  crash_rate: { below: 0.1 },
  uptime: { atLeast: 99 },
};

/** A config object whose keys all have defaults: absent means every default. */
function section<T extends z.ZodRawShape>(shape: T) {
  const schema = z.strictObject(shape);
  // `as never`: zod cannot relate a generic shape's output to its default type; the value is the parse result.
  return schema.default(() => schema.parse({}) as never);
}

/**
 * The `criteria` section of .github/launchgate.yml. Every default is the post-launch
 * stabilization plan's number (DESIGN.md "Defaults from the seeds"); every one can be overridden.
 * `enabled: false` turns a single rule off (it then reports `pass` with a note).
 */
export const criteriaConfigSchema = section({
  includePrereleases: z.boolean().default(true).describe("count prereleases (e.g. v1.1.0-beta) as releases"),
  rollback: section({
    crashRate: section({
      enabled: z.boolean().default(true).describe("false turns the rule off (it then reports pass with a note)"),
      threshold: percent
        .default(10)
        .describe("roll back when the latest crash_rate sample since the latest release is above this (%)"),
    }),
    labels: section({
      enabled: z.boolean().default(true).describe("false turns the rule off (it then reports pass with a note)"),
      labels: labels
        .default(["pii-leak", "dangerous-command", "data-corruption"])
        .describe("an open issue with any of these labels means roll back"),
    }),
    p0Overdue: section({
      enabled: z.boolean().default(true).describe("false turns the rule off (it then reports pass with a note)"),
      hours: z
        .number()
        .positive()
        .default(4)
        .describe(
          "roll back when an open issue has been a P0 longer than this (hours from its first P0 label when label events are known, else from creation) and has no open or merged fix PR",
        ),
      clearFixIsHotfix: z
        .boolean()
        .default(true)
        .describe("an overdue P0 with a fix PR that is open or merged (into any branch) is a hotfix, not a rollback"),
    }),
    /** "Sustained" = every sample in a window at least `minutes` long is past the threshold. */
    errorRate: section({
      enabled: z.boolean().default(true).describe("false turns the rule off (it then reports pass with a note)"),
      threshold: percent.default(10).describe("roll back when error_rate stays above this (%)…"),
      minutes: z
        .number()
        .positive()
        .default(2)
        .describe("…for at least this many minutes (every sample in the window past the threshold)"),
    }),
    uptime: section({
      enabled: z.boolean().default(true).describe("false turns the rule off (it then reports pass with a note)"),
      threshold: percent.default(90).describe("roll back when uptime stays below this (%)…"),
      minutes: z.number().positive().default(5).describe("…for at least this many minutes"),
    }),
  }),
  considerRollback: section({
    p1Burst: section({
      enabled: z.boolean().default(true).describe("false turns the rule off (it then reports pass with a note)"),
      count: count.default(2).describe("consider a rollback when at least this many P1s are opened…"),
      minutes: z.number().positive().default(60).describe("…within this many minutes after the latest release"),
    }),
  }),
  hotfix: section({
    openP0: section({
      enabled: z.boolean().default(true).describe("false turns the rule off (it then reports pass with a note)"),
    }),
    p1AffectedUsers: section({
      enabled: z.boolean().default(true).describe("false turns the rule off (it then reports pass with a note)"),
      percent: percent
        .default(20)
        .describe("hotfix when an open P1's affected share of users is strictly greater than this (%)"),
      field: z
        .string()
        .min(1)
        .default("Affected users (%)")
        .describe("issue-form field (a ### heading in the body) holding the share of users affected"),
    }),
    labels: section({
      enabled: z.boolean().default(true).describe("false turns the rule off (it then reports pass with a note)"),
      labels: labels
        .default(["security", "data-integrity"])
        .describe("an open issue with any of these labels means hotfix"),
    }),
  }),
  patch: section({
    p1Fixes: section({
      enabled: z.boolean().default(true).describe("false turns the rule off (it then reports pass with a note)"),
      count: count.default(3).describe("patch release due after this many P1 fixes since the latest release"),
    }),
    frequentComplaint: section({
      enabled: z.boolean().default(true).describe("false turns the rule off (it then reports pass with a note)"),
      labels: labels
        .default(["frequent"])
        .describe("a fix for an issue with any of these labels is a frequent-complaint fix"),
      thumbsUp: count
        .default(10)
        .describe("👍 reactions that make an issue a frequent complaint even without the label"),
    }),
    performance: section({
      enabled: z.boolean().default(true).describe("false turns the rule off (it then reports pass with a note)"),
      labels: labels.default(["performance"]).describe("labels of performance PRs"),
      percent: percent
        .default(20)
        .describe("patch release due when a merged performance PR claims at least this gain (%)"),
    }),
    endOfWeek: section({
      enabled: z.boolean().default(true).describe("false turns the rule off (it then reports pass with a note)"),
      day: z
        .number()
        .int()
        .min(1)
        .default(7)
        .describe("day after launch (T+N, in launch.timezone) the week-1 patch is scheduled for"),
      untilDay: z
        .number()
        .int()
        .min(1)
        .default(13)
        .describe("last day it stays due when no release has been published since it fell due"),
    }),
  }),
  feature: section({
    featurePr: section({
      enabled: z.boolean().default(true).describe("false turns the rule off (it then reports pass with a note)"),
      labels: labels
        .default(["feature", "enhancement"])
        .describe("feature release due when a PR with any of these labels was merged since the latest release"),
    }),
    ux: section({
      enabled: z.boolean().default(true).describe("false turns the rule off (it then reports pass with a note)"),
      labels: labels
        .default(["ux"])
        .describe("feature release due when a PR with any of these labels (a significant UX change) was merged"),
    }),
    performance: section({
      enabled: z.boolean().default(true).describe("false turns the rule off (it then reports pass with a note)"),
      labels: labels.default(["performance"]).describe("labels of performance PRs"),
      percent: percent
        .default(30)
        .describe("feature release due when a merged performance PR claims at least this gain (%)"),
    }),
    p2Fixes: section({
      enabled: z.boolean().default(true).describe("false turns the rule off (it then reports pass with a note)"),
      count: count.default(5).describe("feature release due after this many P2 fixes since the latest release"),
    }),
  }),
  /** Weights of the readiness score's parts (any non-negative numbers; they are normalised). */
  readiness: section({
    weights: section({
      gates: z.number().min(0).default(30).describe("weight of required gate items done"),
      p0: z.number().min(0).default(25).describe("weight of no open P0"),
      p1: z.number().min(0).default(15).describe("weight of open P1s below p1Limit"),
      sla: z.number().min(0).default(15).describe("weight of SLA breaches below slaBreachLimit"),
      metrics: z.number().min(0).default(15).describe("weight of metrics meeting their target"),
    }),
    p1Limit: z.number().int().min(1).default(5).describe("open P1s at which the p1 part reaches zero"),
    slaBreachLimit: z.number().int().min(1).default(5).describe("SLA breaches at which the sla part reaches zero"),
  }),
  /**
   * Healthy bounds for metric health (readiness), in the metric's unit. Per metric, these override
   * a target in the metrics file, which overrides DEFAULT_TARGETS.
   */
  targets: z
    .record(metricName, metricTargetSchema)
    .default({})
    .describe(
      "healthy bounds per metric for readiness; override the metrics file's target and the defaults (error_rate below 5, crash_rate below 0.1, uptime atLeast 99)",
    ),
});

export type CriteriaConfig = z.output<typeof criteriaConfigSchema>;
