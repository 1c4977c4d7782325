import type { CriteriaConfig } from "../criteria/config.js";
import { decisionSeverityOf } from "../criteria/severity.js";
import { InputError } from "../errors.js";
import type { LaunchConfig } from "../launch/config.js";
import type { MetricsData } from "../metrics/types.js";
import { metricsAt, worldAt } from "../model/as-of.js";
import type { RepoData } from "../model/repo-data.js";
import { aggregateWeek, type GateInput } from "../report/aggregate.js";
import type { ReportConfig } from "../report/config.js";
import type { WeekNotes } from "../report/notes.js";
import { snapshotPath } from "../snapshot/files.js";
import { formatJsonPath } from "../snapshot/parse.js";
import { type Snapshot, snapshotSchema } from "../snapshot/schema.js";
import type { WeekBefore } from "../snapshot/week-before.js";
import { weekJudgedAt } from "../time/weeks.js";
import type { TriageConfig } from "../triage/config.js";
import { criteriaWithTriage } from "./criteria.js";
import { runTriage } from "./triage.js";

/**
 * A week's snapshot from everything fetched or exported: the data is wound back to the instant the
 * week is judged at (its last instant, or now while it runs), then triage (SLA clocks) and the
 * release criteria run on it exactly as they would have then, and every weekly figure is taken at
 * that same instant.
 */

export interface ReportSources extends RepoData {
  metrics: MetricsData | null;
  /** `url`: the repository's web page on its GitHub (github.com, GHE.com or an Enterprise Server). */
  repo: { owner: string; name: string; url: string };
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
  previous: WeekBefore | null;
  backfilled: boolean;
}

export function buildWeekSnapshot(
  sources: ReportSources,
  request: WeekRequest,
  config: { launch: LaunchConfig; triage: TriageConfig; criteria: CriteriaConfig; report: ReportConfig },
): Snapshot {
  const timeZone = config.launch.timezone;
  const at = weekJudgedAt(request.weekId, timeZone, request.now);
  const data = worldAt(sources, at.getTime());
  const metrics = metricsAt(sources.metrics, at.getTime());
  const triage = runTriage(data, at, config);
  const gates = request.backfilled ? [] : sources.gates;
  const release = criteriaWithTriage(
    {
      data,
      metrics,
      now: at,
      config,
      repo: sources.repo,
      gates:
        gates.length > 0
          ? gates.map((g) => ({
              id: g.result.gate.id,
              required: g.result.required,
              requiredDone: g.result.requiredDone,
            }))
          : null,
    },
    triage,
  );
  const snapshot = aggregateWeek({
    repo: sources.repo,
    weekId: request.weekId,
    timeZone,
    launchDate: config.launch.date ?? null,
    at,
    now: request.now,
    issues: data.issues,
    pulls: data.pulls,
    releases: data.releases,
    severityOf: decisionSeverityOf(config.triage),
    triage,
    responsesKnown: sources.comments !== null,
    release,
    gates,
    metrics,
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
      file: snapshotPath(request.weekId),
      fix: "check the exported issues, pulls, releases and flags; no snapshot was written",
    });
  }
  return snapshot;
}
