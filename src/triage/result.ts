import * as z from "zod";
import { SEVERITIES } from "./config.js";

/** The JSON `launchgate triage --format json` prints (and the snapshot's triage part). */

const instant = z.iso.datetime({ offset: true });

export const clockSchema = z.strictObject({
  state: z.enum(["met", "missed", "pending", "breached", "stopped"]),
  dueAt: instant.nullable(),
  at: instant.nullable(),
});

export const clockNames = ["triage", "response", "resolution"] as const;

export const triagedIssueSchema = z.strictObject({
  number: z.number().int(),
  title: z.string(),
  url: z.string().nullable(),
  state: z.enum(["open", "closed"]),
  createdAt: instant,
  severity: z.enum(SEVERITIES).nullable(),
  /** Where the severity came from: a label or the issue-form field. */
  severitySource: z.enum(["label", "form"]).nullable(),
  /** Whether a label (or a member's form) confirmed the severity; a reporter's form answer is a proposal. */
  confirmed: z.boolean(),
  phase: z.string().nullable(),
  triaged: z.boolean(),
  /** When the SLA clocks started: the first time the issue had a severity. */
  clockStart: instant.nullable(),
  triage: clockSchema,
  response: clockSchema,
  resolution: clockSchema,
  /** Triage errors, e.g. two different severity labels. */
  errors: z.array(z.string()),
});

export const breachSchema = z.strictObject({
  number: z.number().int(),
  clock: z.enum(clockNames),
  severity: z.enum(SEVERITIES).nullable(),
  dueAt: instant,
  overdueMinutes: z.number().int().nonnegative(),
  title: z.string(),
  url: z.string().nullable(),
});

export const triageResultSchema = z.strictObject({
  now: instant,
  issues: z.array(triagedIssueSchema),
  /** Open issues not triaged: no confirmed severity, or conflicting severity labels. */
  untriaged: z.array(z.number().int()),
  /** Running clocks past their target, by severity (P0 first, untriaged last), most overdue first. */
  breaches: z.array(breachSchema),
});

export type TriageResult = z.output<typeof triageResultSchema>;
export type TriagedIssue = z.output<typeof triagedIssueSchema>;
export type Breach = z.output<typeof breachSchema>;
