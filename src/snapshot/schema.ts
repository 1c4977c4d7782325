import * as z from "zod";
import { MAX_BUCKETS } from "../metrics/summary.js";
import { isIsoWeekId } from "../time/week-id.js";

/**
 * The weekly snapshot: one JSON file per ISO week (`snapshots/<week>.json` on the data branch),
 * written by `launchgate report` / the Action's report mode and read by the site. It is the only
 * contract between them, so every change here is a schema version bump.
 *
 * Convention: a value that could not be known (no metrics file, no data before a backfill, an API
 * that did not answer) is `null` — never 0. Rates and percentages are in percent (1.5 = 1.5 %).
 * Times are ISO 8601 with an offset; week boundaries are [start, end).
 */
export const SNAPSHOT_SCHEMA_VERSION = 1;

const instant = z.iso.datetime({ offset: true });
const calendarDate = z.iso.date();
/** A count that may be unknown. */
const count = z.number().int().nonnegative().nullable();
/** A signed difference from the previous week; null when either side is unknown. */
const delta = z.number().int().nullable();
const percent = z.number().min(0).max(100).nullable();
const httpUrl = z.string().regex(/^https?:\/\//, "must be an http(s) URL");

export const weekIdSchema = z
  .string()
  .refine(isIsoWeekId, 'must be an ISO week like "2026-W47" (W53 only in a 53-week year)');

export const severitySchema = z.enum(["P0", "P1", "P2", "P3"]);
export const SEVERITIES = severitySchema.options;
export const phaseSchema = z.enum(["pre-launch", "launch-day", "high-alert", "medium-alert", "steady", "weekly"]);
export const statusColorSchema = z.enum(["green", "yellow", "red"]);
/** As the triage engine reports clocks: `stopped` = closed without it being done, before the target. */
export const slaStateSchema = z.enum(["met", "missed", "pending", "breached", "stopped"]);
export const decisionSchema = z.enum(["rollback", "consider-rollback", "hotfix", "patch", "feature", "none"]);

const repoSchema = z.object({
  owner: z.string().min(1),
  name: z.string().min(1),
  /** `owner/name` */
  fullName: z.string().min(1),
  url: httpUrl,
});

const weekSchema = z.object({
  id: weekIdSchema,
  /** Monday 00:00 in `timeZone`, inclusive. */
  start: instant,
  /** The next Monday 00:00 in `timeZone`, exclusive. */
  end: instant,
  timeZone: z.string().min(1),
});

const launchSchema = z.object({
  /** Configured launch day (YYYY-MM-DD, in the week's time zone); null when not configured. */
  date: calendarDate.nullable(),
  /** T+N at the end of the week (or at generation time for the current week). */
  day: z.number().int().nullable(),
  phase: phaseSchema.nullable(),
});

/** How often snapshots are expected, so the site can show a "data is stale" banner. */
const scheduleSchema = z.object({
  cadenceDays: z.number().int().positive(),
  /** After this instant without a newer snapshot, the data is stale. */
  staleAfter: instant,
});

const gateItemSchema = z.object({
  line: z.number().int().positive(),
  text: z.string(),
  checked: z.boolean(),
  owners: z.array(z.string()),
  optional: z.boolean(),
  waived: z.boolean(),
  /** The login whose change ticked the item, when attribution was verified; null otherwise. */
  signedOffBy: z.string().nullable(),
  /** Added later (optional, absent in older snapshots): every heading above the item, outermost first. */
  headings: z.array(z.string()).optional(),
  /** Added later: why the item holds the gate back, as `launchgate check` reports it; null when it does not. */
  blocking: z.enum(["unticked", "waiver-without-reason", "unverified"]).nullable().optional(),
  /** Added later: the reason given for a waiver. */
  waiverReason: z.string().nullable().optional(),
  /** Added later: why a ticked item's sign-off could not be verified, when that is known. */
  unverifiedReason: z.string().nullable().optional(),
});

const gateTaskSchema = z.object({
  heading: z.string(),
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  required: z.number().int().nonnegative(),
  requiredDone: z.number().int().nonnegative(),
  items: z.array(gateItemSchema),
});

const gateSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  path: z.string(),
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  required: z.number().int().nonnegative(),
  requiredDone: z.number().int().nonnegative(),
  passed: z.boolean(),
  tasks: z.array(gateTaskSchema),
  /** Added later (optional): the commit the gate file was read at, for `blob/<ref>/<path>#L<line>` links. */
  ref: z
    .string()
    .regex(/^[0-9a-f]{7,64}$/, "must be a commit SHA")
    .optional(),
});

const severityCountsSchema = z.object({
  /** Open at the end of the week. */
  open: count,
  /** Opened during the week. */
  new: count,
  /** Closed as completed during the week. */
  fixed: count,
});

const bySeverity = <T extends z.ZodType>(value: T) =>
  z.object({ P0: value, P1: value, P2: value, P3: value, untriaged: value });

const slaClockSchema = z.object({
  state: slaStateSchema,
  /** null when the clock has no deadline (P3 resolution: "next release"). */
  dueAt: instant.nullable(),
});

const openIssueSchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  url: httpUrl,
  severity: severitySchema.nullable(),
  /** The launch phase the issue belongs to (a `phase:N` label or the milestone), as triage reads it. */
  phase: z.string().nullable(),
  labels: z.array(z.string()),
  createdAt: instant,
  /** The triage target clock while the issue has no severity; null once triaged. */
  triage: slaClockSchema.nullable(),
  /** null when no clock applies (an untriaged issue has no severity SLA). */
  response: slaClockSchema.nullable(),
  resolution: slaClockSchema.nullable(),
});

/** Clocks that ended in the week or still run at its end; `stopped` clocks count in none of these. */
const slaSeveritySchema = z.object({
  met: z.number().int().nonnegative(),
  missed: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  breached: z.number().int().nonnegative(),
  /** met / (met + missed + breached) in percent; null when nothing was due. */
  compliance: percent,
});

const breachSchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  url: httpUrl,
  /** null for a triage-target breach of an untriaged issue. */
  severity: severitySchema.nullable(),
  clock: z.enum(["triage", "response", "resolution"]),
  dueAt: instant,
  /** When the clock stopped late (in `missed`), or null while it runs past its deadline (in `breaches`). */
  stoppedAt: instant.nullable(),
});

/** One fact behind a fired rule: the issue, PR, metric sample or release it names, as the CLI prints it. */
const ruleEvidenceSchema = z.object({
  kind: z.enum(["issue", "pull", "metric", "release", "note"]),
  /** "issue #164", "PR #12", "error_rate @ metrics.yml:14", "release v1.2.0"; "" for a note. */
  label: z.string(),
  /** The issue's or PR's title; null for other kinds. */
  title: z.string().nullable(),
  url: httpUrl.nullable(),
  text: z.string(),
});

const firedRuleSchema = z.object({
  id: z.string().min(1),
  outcome: z.enum(["fire", "consider"]),
  /** The rule and its evidence in one line (what older readers show). */
  reason: z.string(),
  /** Added later (optional): the rule in words, and each piece of evidence with its link. */
  rule: z.string().optional(),
  evidence: z.array(ruleEvidenceSchema).optional(),
});

const releaseSchema = z.object({
  decision: decisionSchema.nullable(),
  /** 0–100; null when it could not be computed. */
  readiness: z.number().min(0).max(100).nullable(),
  /** Added later: why the decision overrides readiness ("roll back regardless of readiness: …"), for the line showing both. */
  readinessNote: z.string().nullable().default(null),
  fired: z.array(firedRuleSchema),
});

/** Samples downsampled into equal buckets (empty buckets left out). */
const metricBucketSchema = z.object({ at: instant, min: z.number(), max: z.number(), mean: z.number() });

/**
 * What the report read from Prometheus for a metric over the week, kept because the site never
 * queries Prometheus and Prometheus forgets (retention). Added in schema 1 (optional: older
 * snapshots have none).
 */
const prometheusReadSchema = z.object({
  /** The PromQL read. */
  query: z.string(),
  /** The week's span that was read, [from, to). */
  from: instant,
  to: instant,
  /** null when the week has no sample. */
  summary: z
    .object({
      count: z.number().int().positive(),
      min: z.number(),
      max: z.number(),
      mean: z.number(),
      last: z.object({ at: instant, value: z.number() }),
    })
    .nullable(),
  series: z.array(metricBucketSchema).max(MAX_BUCKETS),
});

const metricSchema = z.object({
  name: z.string().min(1),
  /** The latest value in the week; null when the metric has no sample in the week. */
  value: z.number().nullable(),
  /**
   * Added later: the week's worst sample (the peak of a metric that must stay low, the lowest of one
   * that must stay high), what trend charts show; null without samples or a known direction.
   */
  worst: z.number().nullable().default(null),
  unit: z.string(),
  target: z.number().nullable(),
  comparison: z.enum(["<", "<=", ">", ">=", "="]).nullable(),
  /** "must-have" metrics turn the week red when missed; "target" metrics turn it yellow. */
  level: z.enum(["must-have", "target"]),
  status: z.enum(["ok", "missed", "unknown"]),
  /** Why the value is unknown when a source failed (Prometheus unreachable, a query error…). */
  reason: z.string().optional(),
  prometheus: prometheusReadSchema.optional(),
});

const communityPullSchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  url: httpUrl,
  author: z.string(),
  mergedAt: instant,
});

const statusReasonSchema = z.object({
  /** Stable id of the rule, e.g. "open-p0", "error-rate", "metric-target:downloads". */
  rule: z.string().min(1),
  level: z.enum(["red", "yellow"]),
  message: z.string(),
});

export const snapshotSchema = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  generatedAt: instant,
  /** True when this week was reconstructed later from timestamps (`--backfill`). */
  backfilled: z.boolean(),
  /**
   * Present when the run could not read every issue within GitHub's rate limit: the figures come
   * from `issuesRead` of `issuesTotal` issues (with `since`: of the issues changed since then,
   * the rest as an earlier run read them). The next run goes on where this one stopped.
   */
  partial: z
    .object({
      issuesRead: z.number().int().nonnegative(),
      issuesTotal: z.number().int().nonnegative(),
      since: instant.nullable(),
    })
    .optional(),
  /** The week the deltas were computed against; null for the first snapshot. */
  previousWeek: weekIdSchema.nullable(),
  schedule: scheduleSchema,
  repo: repoSchema,
  week: weekSchema,
  launch: launchSchema,
  status: z.object({ overall: statusColorSchema, reasons: z.array(statusReasonSchema) }),
  gates: z.array(gateSchema),
  issues: z.object({
    bySeverity: bySeverity(severityCountsSchema),
    /** Open issues with no severity at the end of the week. */
    untriaged: count,
    /** Open issues at the end of the week, for the triage board. */
    open: z.array(openIssueSchema),
    /** Issues left out of `open` to keep the file small (0 when the list is complete). */
    openOmitted: z.number().int().nonnegative(),
  }),
  sla: z.object({
    bySeverity: z.object({
      P0: slaSeveritySchema,
      P1: slaSeveritySchema,
      P2: slaSeveritySchema,
      P3: slaSeveritySchema,
    }),
    /**
     * SLA breaches at the instant the week is judged at (its last instant, or the run while it is
     * current): clocks still running past their target, exactly what `launchgate triage` lists.
     */
    breaches: z.array(breachSchema),
    /** Clocks missed this week: ended in the week after their target (`stoppedAt` set). */
    missed: z.array(breachSchema).default([]),
  }),
  release: releaseSchema,
  metrics: z.array(metricSchema),
  downloads: z.object({ total: count, delta }),
  stars: z.object({ total: count, delta }),
  community: z.object({
    /** Pull requests by people outside the project merged during the week. */
    mergedPulls: count,
    pulls: z.array(communityPullSchema),
  }),
  notes: z.object({
    highlights: z.array(z.string()),
    challenges: z.array(z.string()),
    focus: z.array(z.string()),
    /** Where the notes came from: the week's notes file, labeled issues/PRs, or nowhere. */
    source: z.enum(["notes-file", "labels", "none"]),
  }),
});

export type Snapshot = z.output<typeof snapshotSchema>;
export type Severity = z.output<typeof severitySchema>;
export type StatusColor = z.output<typeof statusColorSchema>;
export type SlaState = z.output<typeof slaStateSchema>;
export type Decision = z.output<typeof decisionSchema>;
export type SnapshotGate = z.output<typeof gateSchema>;
export type SnapshotOpenIssue = z.output<typeof openIssueSchema>;
export type SnapshotMetric = z.output<typeof metricSchema>;
export type SnapshotStatusReason = z.output<typeof statusReasonSchema>;
export type SeverityCounts = z.output<typeof severityCountsSchema>;
export type SlaSeverity = z.output<typeof slaSeveritySchema>;
export type SlaBreach = z.output<typeof breachSchema>;
export type CommunityPull = z.output<typeof communityPullSchema>;
export type SnapshotFiredRule = z.output<typeof firedRuleSchema>;
export type SnapshotRuleEvidence = z.output<typeof ruleEvidenceSchema>;
