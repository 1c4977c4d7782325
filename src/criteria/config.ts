import { z } from "zod";
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
  /** Count prereleases (e.g. v1.1.0-beta) as releases: the plan's betas are prereleases. */
  includePrereleases: z.boolean().default(true),
  rollback: section({
    crashRate: section({ enabled: z.boolean().default(true), threshold: percent.default(10) }),
    /** An open issue with any of these labels means roll back. */
    labels: section({ enabled: z.boolean().default(true), labels: labels.default(["pii-leak", "data-corruption"]) }),
    p0Overdue: section({
      enabled: z.boolean().default(true),
      hours: z.number().positive().default(4),
      /** A single open P0 with a linked open fix PR is a hotfix, not a rollback. */
      clearFixIsHotfix: z.boolean().default(true),
    }),
    /** "Sustained" = every sample in a window at least `minutes` long is past the threshold. */
    errorRate: section({
      enabled: z.boolean().default(true),
      threshold: percent.default(10),
      minutes: z.number().positive().default(2),
    }),
    uptime: section({
      enabled: z.boolean().default(true),
      threshold: percent.default(90),
      minutes: z.number().positive().default(5),
    }),
  }),
  considerRollback: section({
    p1Burst: section({
      enabled: z.boolean().default(true),
      count: count.default(2),
      /** Minutes after the latest release in which P1s count. */
      minutes: z.number().positive().default(60),
    }),
  }),
  hotfix: section({
    openP0: section({ enabled: z.boolean().default(true) }),
    p1AffectedUsers: section({
      enabled: z.boolean().default(true),
      /** Fires when the affected share is strictly greater than this. */
      percent: percent.default(20),
      /** The issue-form field (a `### …` heading in the body) holding the share of users affected. */
      field: z.string().min(1).default("Affected users (%)"),
    }),
    labels: section({ enabled: z.boolean().default(true), labels: labels.default(["security", "data-integrity"]) }),
  }),
  patch: section({
    p1Fixes: section({ enabled: z.boolean().default(true), count: count.default(3) }),
    frequentComplaint: section({
      enabled: z.boolean().default(true),
      labels: labels.default(["frequent"]),
      /** 👍 reactions that make an issue a frequent complaint even without the label. */
      thumbsUp: count.default(10),
    }),
    performance: section({
      enabled: z.boolean().default(true),
      labels: labels.default(["performance"]),
      percent: percent.default(20),
    }),
    endOfWeek: section({
      enabled: z.boolean().default(true),
      /** Day after launch (T+N, in launch.timezone) the week-1 patch is scheduled for. */
      day: z.number().int().min(1).default(7),
      /** Last day it stays due when no release has been published since it fell due. */
      untilDay: z.number().int().min(1).default(13),
    }),
  }),
  feature: section({
    featurePr: section({ enabled: z.boolean().default(true), labels: labels.default(["feature", "enhancement"]) }),
    ux: section({ enabled: z.boolean().default(true), labels: labels.default(["ux"]) }),
    performance: section({
      enabled: z.boolean().default(true),
      labels: labels.default(["performance"]),
      percent: percent.default(30),
    }),
    p2Fixes: section({ enabled: z.boolean().default(true), count: count.default(5) }),
  }),
  /** Weights of the readiness score's parts (any non-negative numbers; they are normalised). */
  readiness: section({
    weights: section({
      gates: z.number().min(0).default(30),
      p0: z.number().min(0).default(25),
      p1: z.number().min(0).default(15),
      sla: z.number().min(0).default(15),
      metrics: z.number().min(0).default(15),
    }),
    /** Open P1s (and SLA breaches) at which their part reaches zero. */
    p1Limit: z.number().int().min(1).default(5),
    slaBreachLimit: z.number().int().min(1).default(5),
  }),
  /**
   * Healthy bounds for metric health (readiness), in the metric's unit. Per metric, these override
   * a target in the metrics file, which overrides DEFAULT_TARGETS.
   */
  targets: z.record(metricName, metricTargetSchema).default({}),
});

export type CriteriaConfig = z.output<typeof criteriaConfigSchema>;
