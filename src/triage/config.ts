import * as z from "zod";
import { SHORT_WEEKDAYS, type ShortWeekday } from "../time/weekdays.js";
import { isValidTimeZone } from "../time/zone.js";

/**
 * The `triage` section of .github/launchgate.yml. Defaults come from the post-launch
 * stabilization plan (severity classes P0–P3, their response/resolution targets, the triage
 * target per stabilization week). Durations are written `30m`, `4h`, `7d`, `2w`.
 */

export const SEVERITIES = ["P0", "P1", "P2", "P3"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const duration = z
  .string()
  .regex(/^[1-9]\d*(m|h|d|w)$|^0m$/, 'expected a duration like "30m", "4h", "7d" or "2w"');
/** A resolution target may also be `next-release`: no time target, never breached. */
const resolutionTarget = z.union([duration, z.literal("next-release")]);

const slaFor = (response: string, resolution: string) =>
  z
    .strictObject({
      response: duration.default(response).describe("time to the first response by a responder"),
      resolution: resolutionTarget
        .default(resolution)
        .describe("time to close as completed; next-release: no time target, never breached"),
    })
    .default({ response, resolution });

const DEFAULT_LABELS: Record<Severity, string[]> = {
  P0: ["P0", "sev0", "severity:critical"],
  P1: ["P1", "sev1", "severity:high"],
  P2: ["P2", "sev2", "severity:medium"],
  P3: ["P3", "sev3", "severity:low"],
};

const labelList = (severity: Severity) =>
  z
    .array(z.string().min(1))
    .min(1)
    .default(DEFAULT_LABELS[severity])
    .describe(`labels meaning ${severity}; the first is the one the Action applies`);

export type Weekday = ShortWeekday;

const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;
const businessHoursSchema = z
  .strictObject({
    timezone: z
      .string()
      .refine(isValidTimeZone, "unknown IANA time zone (e.g. America/New_York)")
      .describe("IANA time zone of the business hours (required)"),
    days: z.array(z.enum(SHORT_WEEKDAYS)).min(1).default(["mon", "tue", "wed", "thu", "fri"]).describe("working days"),
    hours: z
      .string()
      .refine((h) => {
        const [open, close] = h.split("-");
        return !!open && !!close && clockTime.test(open) && clockTime.test(close) && open < close;
      }, 'expected opening-closing times like "09:00-17:00"')
      .default("09:00-17:00")
      .describe("opening and closing time, local wall clock"),
    /** P0/P1 run around the clock; only these severities pause outside business hours. */
    severities: z
      .array(z.enum(SEVERITIES))
      .default(["P2", "P3"])
      .describe("severities whose response and resolution clocks pause outside business hours"),
  })
  .optional()
  .describe("count SLA time in business hours only; off unless set");

const triageSection = z
  .strictObject({
    severity_labels: z
      .strictObject({ P0: labelList("P0"), P1: labelList("P1"), P2: labelList("P2"), P3: labelList("P3") })
      .default(DEFAULT_LABELS)
      .describe("labels naming each severity, matched case-insensitively"),
    form_field: z
      .string()
      .min(1)
      .default("Severity")
      .describe("issue-form field (`### Severity` in the body) read when an issue has no severity label"),
    phase_label_prefix: z
      .string()
      .min(1)
      .default("phase:")
      .describe("labels like phase:5 give the phase; otherwise the milestone does"),
    sla: z
      .strictObject({
        P0: slaFor("5m", "4h"),
        P1: slaFor("1h", "24h"),
        P2: slaFor("4h", "7d"),
        P3: slaFor("24h", "next-release"),
      })
      .default({
        P0: { response: "5m", resolution: "4h" },
        P1: { response: "1h", resolution: "24h" },
        P2: { response: "4h", resolution: "7d" },
        P3: { response: "24h", resolution: "next-release" },
      })
      .describe("response and resolution targets per severity (durations: 30m, 4h, 7d, 2w)"),
    triage_target: z
      .strictObject({
        week1: duration.default("2h").describe("issues opened T+0…T+7"),
        week2: duration.default("4h").describe("issues opened T+8…T+14"),
        later: duration.default("8h").describe("issues opened later, before launch, or without launch.date"),
      })
      .default({ week1: "2h", week2: "4h", later: "8h" })
      .describe("how long a new issue may stay without a severity, by stabilization week"),
    responders: z
      .strictObject({
        associations: z
          .array(z.string().min(1))
          .min(1)
          .default(["OWNER", "MEMBER", "COLLABORATOR"])
          .describe("author_association values whose comment is a response"),
        ignore_bots: z.boolean().default(true).describe("comments by bots never count"),
        ignore: z
          .array(z.string())
          .default([])
          .describe("logins whose comments never count (e.g. a bot posing as a user)"),
      })
      .default({ associations: ["OWNER", "MEMBER", "COLLABORATOR"], ignore_bots: true, ignore: [] })
      .describe("whose comment counts as the first response"),
    business_hours: businessHoursSchema,
    labels: z
      .strictObject({
        needs_triage: z.string().min(1).default("needs-triage").describe("on issues without a severity"),
        breached: z.string().min(1).default("sla:breached").describe("on issues with a breached clock"),
      })
      .default({ needs_triage: "needs-triage", breached: "sla:breached" })
      .describe("labels the Action manages"),
    label_from_form: z
      .boolean()
      .default(true)
      .describe("the Action applies the severity chosen in the issue form as a label"),
    sweep_lookback: duration
      .default("7d")
      .describe("the scheduled sweep re-reads issues closed within this window (keep it ≥ the schedule interval)"),
  })
  .superRefine((config, ctx) => {
    const seen = new Map<string, Severity>();
    for (const severity of SEVERITIES) {
      for (const [index, label] of config.severity_labels[severity].entries()) {
        const key = label.trim().toLowerCase();
        const other = seen.get(key);
        if (other && other !== severity)
          ctx.addIssue({
            code: "custom",
            path: ["severity_labels", severity, index],
            message: `label "${label}" already names ${other}`,
          });
        seen.set(key, severity);
      }
    }
  });

export const triageConfigSchema = triageSection.default(() => triageSection.parse({}));

export type TriageConfig = z.output<typeof triageConfigSchema>;
export type BusinessHours = NonNullable<TriageConfig["business_hours"]>;
