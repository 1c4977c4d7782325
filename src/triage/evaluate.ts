import type { LaunchConfig } from "../launch/config.js";
import { worldAt } from "../model/as-of.js";
import { commentIssueNumber, type RestComment, type RestIssue, type RestIssueEvent } from "../model/rest.js";
import { SEVERITIES, type Severity, type TriageConfig } from "./config.js";
import { classifyPhase } from "./issue-phase.js";
import { atLeastSince, severityLabelTimes } from "./label-times.js";
import { isResponse } from "./responders.js";
import type { Breach, TriagedIssue, TriageResult } from "./result.js";
import { classifySeverity, formSeverity } from "./severity.js";
import { calendarFor, evaluateClock } from "./sla.js";
import { uniqueByNumber } from "./unique.js";
import { triageCalendar, triageTarget } from "./untriaged.js";

/**
 * Triage of a repository's issues at an instant, from plain GitHub REST data. Pull requests in
 * the issue list are skipped. The data is first wound back to `now` (model/as-of.ts: labels, open
 * or closed, close reasons, from events), so a past `now` replays history.
 *
 * Clocks: the triage clock is done at the first severity label (removing it later does not undo
 * the triage), or at creation for an issue created with one or filed by a member with the form's
 * severity. The SLA clocks start when the issue first had its current severity or a more severe
 * one (a reporter's form answer counts from creation): downgrading keeps the start (it never buys
 * time), escalating starts the stricter targets at the escalation (nobody owed them before).
 */
export interface TriageInput {
  issues: readonly RestIssue[];
  /** null when not given: first responses are unknown, so response clocks are never breaches. */
  comments: readonly RestComment[] | null;
  /** Issue events (`labeled`, `closed`, …) with their issue number; optional. */
  events?: readonly RestIssueEvent[] | null | undefined;
  now: Date;
  config: { launch: LaunchConfig; triage: TriageConfig };
}

export function evaluateTriage(input: TriageInput): TriageResult {
  const { config, now } = input;
  const world = worldAt(
    { issues: input.issues, comments: input.comments, events: input.events ?? null, pulls: [], releases: [] },
    now.getTime(),
  );
  const commentsByIssue = groupBy(world.comments ?? [], commentIssueNumber);
  const labelTimes = severityLabelTimes(world.events ?? [], now, config.triage);
  const issues = uniqueByNumber(world.issues)
    .filter((issue) => !issue.pull_request)
    .map((issue) =>
      evaluateIssue(issue, commentsByIssue.get(issue.number) ?? [], labelTimes.get(issue.number), now, config),
    )
    .sort((a, b) => a.number - b.number);
  return {
    now: now.toISOString(),
    issues,
    untriaged: issues.filter((i) => i.state === "open" && !i.triaged).map((i) => i.number),
    breaches: collectBreaches(issues, now, input.comments !== null),
  };
}

function evaluateIssue(
  issue: RestIssue,
  comments: readonly RestComment[],
  labelled: Partial<Record<Severity, number>> | undefined,
  now: Date,
  config: TriageInput["config"],
): TriagedIssue {
  const severity = classifySeverity(issue, config.triage);
  const phase = classifyPhase(issue, config.triage);
  const created = new Date(issue.created_at);
  const closed = closedAt(issue, now);
  const resolved = closed !== null && (issue.state_reason == null || issue.state_reason === "completed");
  // A reporter's form answer has held since creation; label events after creation move a start.
  const proposed = formSeverity(issue.body ?? "", config.triage);
  const times: Partial<Record<Severity, number>> = {
    ...labelled,
    ...(proposed ? { [proposed]: created.getTime() } : {}),
  };
  const since = (at: number | null) => (at !== null && at > created.getTime() ? new Date(at) : created);
  const firstLabel = atLeastSince(labelled, "P3");
  const triagedAt = firstLabel !== null ? since(firstLabel) : severity.confirmed ? created : null;
  const clockStart = severity.severity ? since(atLeastSince(times, severity.severity)) : null;

  const triage = evaluateClock({
    start: created,
    target: triageTarget(created, config.launch, config.triage),
    done: triagedAt,
    stopped: closed,
    now,
    hours: triageCalendar(created, config.launch, config.triage),
  });

  const author = issue.user?.login ?? null;
  const firstResponse = comments
    .filter((c) => isResponse(c, author, config.triage))
    .map((c) => new Date(c.created_at))
    .filter((at) => closed === null || at <= closed)
    .sort((a, b) => a.getTime() - b.getTime())[0];

  const sla = severity.severity ? config.triage.sla[severity.severity] : null;
  const hours = severity.severity ? calendarFor(severity.severity, config.triage) : undefined;
  const start = clockStart ?? created;
  const response = evaluateClock({
    start,
    target: sla?.response ?? null,
    done: firstResponse ?? null,
    stopped: closed,
    now,
    hours,
  });
  const resolution = evaluateClock({
    start,
    target: sla && sla.resolution !== "next-release" ? sla.resolution : null,
    done: resolved ? closed : null,
    stopped: closed,
    now,
    hours,
  });

  return {
    number: issue.number,
    title: issue.title,
    url: issue.html_url ?? null,
    state: closed === null ? "open" : "closed",
    createdAt: created.toISOString(),
    severity: severity.severity,
    severitySource: severity.source,
    confirmed: severity.confirmed,
    phase: phase.phase,
    triaged: severity.triaged,
    clockStart: clockStart?.toISOString() ?? null,
    triage,
    response,
    resolution,
    errors: [severity.error, phase.error].filter((e): e is string => e !== null),
  };
}

/**
 * A closed issue's closing time, or null while it is open at `now` (older exports may lack
 * `closed_at`: the last update stands in).
 */
function closedAt(issue: RestIssue, now: Date): Date | null {
  if (issue.state !== "closed") return null;
  const closed = new Date(issue.closed_at ?? issue.updated_at ?? issue.created_at);
  return closed <= now ? closed : null;
}

const MINUTE_MS = 60_000;
const CLOCKS = ["triage", "response", "resolution"] as const;

/**
 * The one definition of an SLA breach: a clock still running past its target at `now` (the
 * triage clock of an untriaged issue, the response and resolution clocks of one with a severity).
 * Without comments no first response is known, so response clocks are left out. Clocks that ended
 * late are "missed", not breaches (the weekly report counts them as clocks missed in the week).
 */
function collectBreaches(issues: readonly TriagedIssue[], now: Date, responsesKnown: boolean): Breach[] {
  const breaches: Breach[] = [];
  for (const issue of issues) {
    for (const clock of CLOCKS) {
      if (clock === "response" && !responsesKnown) continue;
      const { state, dueAt } = issue[clock];
      if (state !== "breached" || dueAt === null) continue;
      breaches.push({
        number: issue.number,
        clock,
        severity: issue.severity,
        dueAt,
        overdueMinutes: Math.floor((now.getTime() - Date.parse(dueAt)) / MINUTE_MS),
        title: issue.title,
        url: issue.url,
      });
    }
  }
  return breaches.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) || b.overdueMinutes - a.overdueMinutes || a.number - b.number,
  );
}

/** P0 first, no severity last. */
export function severityRank(severity: Severity | null): number {
  return severity === null ? SEVERITIES.length : SEVERITIES.indexOf(severity);
}

function groupBy<T>(items: readonly T[], key: (item: T) => number | null): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
