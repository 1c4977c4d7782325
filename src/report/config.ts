import * as z from "zod";
import { type MetricTarget, metricTargetSchema } from "../metrics/target.js";
import { WEEKDAYS } from "../time/weekdays.js";

/**
 * The `report` section of .github/launchgate.yml. Status thresholds default to the post-launch
 * stabilization plan's success criteria for each week: must-haves turn the week red, targets
 * yellow. Rates are percentages (5 = 5 %).
 */

const metricName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, "metric names look like error_rate");
const targets = (defaults: Record<string, MetricTarget>) =>
  z.record(metricName, metricTargetSchema).default(() => defaults);

/** Which targets apply in each part of the stabilization period (from T+N). */
export const PERIODS = ["launch_day", "week1", "week2", "weeks3_4", "later"] as const;
export type Period = (typeof PERIODS)[number];

/**
 * The plan's targets. `downloads` (cumulative) and `community_pulls` (merged PRs by non-members in
 * the week) are computed from GitHub when the metrics file has no such series; `awu`,
 * `satisfaction` and any other name come from the metrics file.
 */
const DEFAULT_TARGETS: Record<Period, Record<string, MetricTarget>> = {
  launch_day: { downloads: { atLeast: 50 }, active_users: { atLeast: 30 } },
  week1: { downloads: { atLeast: 200 }, awu: { atLeast: 150 }, satisfaction: { atLeast: 80 } },
  week2: {
    downloads: { atLeast: 400 },
    awu: { atLeast: 180 },
    satisfaction: { atLeast: 80 },
    community_pulls: { atLeast: 1 },
  },
  weeks3_4: { downloads: { atLeast: 600 }, awu: { atLeast: 200 } },
  later: {},
};

export const reportConfigSchema = z
  .strictObject({
    report_day: z
      .enum(WEEKDAYS)
      .default("friday")
      .describe("weekday a week's report is due (monday: the Monday after the week)"),
    /** Expected days between snapshots; the site calls data stale after cadence + grace. */
    cadence_days: z
      .number()
      .int()
      .positive()
      .default(7)
      .describe("expected days between snapshots; the site calls data stale after cadence_days + stale_grace_days"),
    stale_grace_days: z.number().int().nonnegative().default(1).describe("grace days before the site calls data stale"),
    data_branch: z
      .string()
      .min(1)
      .default("launchgate-data")
      .describe("branch holding snapshots/<week>.json; never the default branch"),
    notes_dir: z
      .string()
      .min(1)
      .default("launch/notes")
      .describe("weekly notes: <notes_dir>/<week>.md with Highlights / Challenges / Next week sections"),
    labels: z
      .strictObject({
        highlight: z
          .string()
          .min(1)
          .default("highlight")
          .describe("issues and PRs of the week with this label are highlights"),
        challenge: z
          .string()
          .min(1)
          .default("challenge")
          .describe("issues and PRs of the week with this label are challenges"),
      })
      .prefault({})
      .describe("labels that put an issue or PR into the report when there is no notes file"),
    members: z
      .array(z.string().min(1))
      .default(["OWNER", "MEMBER", "COLLABORATOR"])
      .describe("author associations that count as the project's own people (not community contributions)"),
    status: z
      .strictObject({
        must_have: z
          .strictObject({
            metrics: targets({ error_rate: { below: 5 }, crash_rate: { below: 0.1 } }).describe(
              "a metric missing its bound turns the week red",
            ),
            p0_open_max: z.number().int().nonnegative().default(0).describe("open P0 issues allowed at the week's end"),
            p1_open_max: z
              .strictObject({
                launch_day: z.number().int().nonnegative().default(2).describe("on launch day (T+0)"),
                week1: z.number().int().nonnegative().default(4).describe("T+1…T+7"),
                week2: z.number().int().nonnegative().default(0).describe("T+8…T+14"),
                weeks3_4: z
                  .number()
                  .int()
                  .nonnegative()
                  .nullable()
                  .default(null)
                  .describe("T+15…T+30 (null: no must-have; see p1_open_below)"),
                later: z
                  .number()
                  .int()
                  .nonnegative()
                  .nullable()
                  .default(null)
                  .describe("after T+30, before launch or without launch.date (null: no must-have)"),
              })
              .prefault({})
              .describe("open P1 issues allowed at the week's end, per period; more turns the week red"),
          })
          .prefault({})
          .describe("red when any of these fails"),
        targets: z
          .strictObject({
            launch_day: targets(DEFAULT_TARGETS.launch_day).describe("on launch day (T+0)"),
            week1: targets(DEFAULT_TARGETS.week1).describe("T+1…T+7"),
            week2: targets(DEFAULT_TARGETS.week2).describe("T+8…T+14"),
            weeks3_4: targets(DEFAULT_TARGETS.weeks3_4).describe("T+15…T+30"),
            later: targets(DEFAULT_TARGETS.later).describe("after T+30, before launch or without launch.date"),
          })
          .prefault({})
          .describe("yellow when any of these is missed; a metric without a value in the week is unknown"),
        p1_open_below: z
          .strictObject({
            launch_day: z.number().int().positive().nullable().default(null).describe("on launch day (T+0)"),
            week1: z.number().int().positive().nullable().default(null).describe("T+1…T+7"),
            week2: z.number().int().positive().nullable().default(null).describe("T+8…T+14"),
            weeks3_4: z.number().int().positive().nullable().default(5).describe("T+15…T+30"),
            later: z
              .number()
              .int()
              .positive()
              .nullable()
              .default(5)
              .describe("after T+30, before launch or without launch.date"),
          })
          .prefault({})
          .describe(
            "target: fewer open P1 issues than this at the week's end (the weekly template's P1 bugs < 5); missing it turns the week yellow; null: no target",
          ),
      })
      .prefault({})
      .describe("the week's status colour"),
  })
  .prefault({});

export type ReportConfig = z.output<typeof reportConfigSchema>;

/** The period of the stabilization plan a T+N falls in (null day: before launch or unknown → later). */
export function periodForDay(day: number | null): Period {
  if (day === null || day < 0) return "later";
  if (day === 0) return "launch_day";
  if (day <= 7) return "week1";
  if (day <= 14) return "week2";
  if (day <= 30) return "weeks3_4";
  return "later";
}
