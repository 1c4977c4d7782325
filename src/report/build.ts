import type { Config } from "../config/schema.js";
import { evaluateCriteria } from "../criteria/evaluate.js";
import { triageSeverity } from "../criteria/severity.js";
import { InputError } from "../errors.js";
import { formatJsonPath } from "../snapshot/parse.js";
import { type Snapshot, snapshotSchema } from "../snapshot/schema.js";
import { evaluateTriage } from "../triage/evaluate.js";
import { aggregateWeek, type GateInput } from "./aggregate.js";
import { dataAsOf, type RestData } from "../model/as-of.js";
import type { WeekNotes } from "./notes.js";
import { addWeeks, compareWeekIds, weekBounds } from "../time/weeks.js";

/**
 * A week's snapshot from everything fetched or exported: the data is wound back to the week's end,
 * then triage (SLA clocks) and the release criteria run on it exactly as they would have then.
 */

export interface ReportSources extends RestData {
  repo: { owner: string; name: string; url?: string };
  /** Stargazers now; only used for the current week. */
  stars: number | null;
  /** Gate results now; only used for the current week (gate history is not reconstructed). */
  gates: readonly GateInput[];
  /** Notes per week id (from `launch/notes/<week>.md`). */
  notes: ReadonlyMap<string, WeekNotes>;
}

export interface WeekRequest {
  weekId: string;
  now: Date;
  previous: Snapshot | null;
  backfilled: boolean;
}

export function buildWeekSnapshot(sources: ReportSources, request: WeekRequest, config: Config): Snapshot {
  const timeZone = config.launch.timezone;
  const bounds = weekBounds(request.weekId, timeZone);
  const asOf = Math.min(bounds.end.getTime(), request.now.getTime());
  const data = dataAsOf(sources, asOf);
  const at = new Date(asOf);
  const triage = evaluateTriage({
    issues: data.issues,
    comments: data.comments ?? [],
    events: data.events,
    now: at,
    config,
  });
  const gates = request.backfilled ? [] : sources.gates;
  const severityOf = triageSeverity(config);
  const release = evaluateCriteria(
    {
      issues: data.issues,
      pulls: data.pulls,
      releases: data.releases,
      metrics: data.metrics,
      now: at,
      launch: config.launch,
      severityOf,
      gates:
        gates.length > 0
          ? gates.map((g) => ({
              id: g.result.gate.id,
              required: g.result.required,
              requiredDone: g.result.requiredDone,
            }))
          : null,
      sla: {
        breaches: triage.breaches
          .filter((b) => sources.comments !== null || b.clock !== "response")
          .map((b) => ({ number: b.number, severity: b.severity, clock: b.clock })),
        clocks:
          sources.comments !== null
            ? "triage, response and resolution clocks"
            : "triage and resolution clocks (no comments given)",
      },
    },
    config.criteria,
  );
  const snapshot = aggregateWeek({
    repo: sources.repo,
    weekId: request.weekId,
    timeZone,
    launchDate: config.launch.date ?? null,
    now: request.now,
    issues: data.issues,
    pulls: data.pulls,
    releases: data.releases,
    severityOf,
    triage,
    responsesKnown: sources.comments !== null,
    release,
    gates,
    metrics: data.metrics,
    notes: sources.notes.get(request.weekId) ?? null,
    stars: request.backfilled ? null : sources.stars,
    previous: request.previous,
    backfilled: request.backfilled,
    config: config.report,
  });
  // Fail closed: exports may hold what a snapshot may not (issue number 0, a negative download
  // count); a snapshot the next run and the site would reject must never be stored.
  const checked = snapshotSchema.safeParse(snapshot);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new InputError(`${formatJsonPath(issue?.path ?? [])}: ${issue?.message} (from the input data)`, {
      file: `snapshots/${request.weekId}.json`,
      fix: "check the exported issues, pulls, releases and flags; no snapshot was written",
    });
  }
  return snapshot;
}

/**
 * Weeks to reconstruct: every week from the first one with data (or the launch week) up to, not
 * including, `weekId` that has no snapshot yet.
 */
export function weeksToBackfill(weekId: string, existing: ReadonlySet<string>, firstWeek: string | null): string[] {
  if (!firstWeek || compareWeekIds(firstWeek, weekId) >= 0) return [];
  const out: string[] = [];
  for (let id = firstWeek; compareWeekIds(id, weekId) < 0; id = addWeeks(id, 1)) if (!existing.has(id)) out.push(id);
  return out;
}

/** The newest snapshot before `weekId`, for deltas. */
export function previousSnapshot(snapshots: readonly Snapshot[], weekId: string): Snapshot | null {
  let best: Snapshot | null = null;
  for (const s of snapshots) {
    if (compareWeekIds(s.week.id, weekId) < 0 && (!best || compareWeekIds(s.week.id, best.week.id) > 0)) best = s;
  }
  return best;
}
