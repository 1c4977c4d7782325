import type { Config } from "../config/schema.js";
import { evaluateCriteria } from "../criteria/evaluate.js";
import type { CriteriaResult } from "../criteria/result.js";
import { decisionSeverityOf } from "../criteria/severity.js";
import { slaSummary } from "../criteria/sla.js";
import type { MetricsData } from "../metrics/types.js";
import type { RepoData } from "../model/repo-data.js";
import type { TriageResult } from "../triage/result.js";
import { runTriage } from "./triage.js";

/** Gate completion for readiness: counted by tick state (verified sign-off is the release PR check's job). */
export interface GateCount {
  id: string;
  required: number;
  requiredDone: number;
}

export interface CriteriaRun {
  data: RepoData;
  metrics: MetricsData | null;
  /** null: no gate evaluated (readiness leaves the part out). */
  gates: readonly GateCount[] | null;
  now: Date;
  config: Pick<Config, "launch" | "triage" | "criteria">;
  /** The repository, for `Fixes owner/name#N` references; null when unknown. */
  repo: { owner: string; name: string } | null;
  /** Link to a line of the metrics file (the Action links into the repository). */
  metricUrl?: (file: string, line: number) => string | null;
}

/**
 * Criteria mode's pipeline, the same for `launchgate criteria`, the Action's criteria mode and each
 * week of the report: triage's clocks at `now` (their breaches feed readiness, so readiness counts
 * the breaches `launchgate triage` shows), then the release rules on the world as of `now`.
 */
export function runCriteria(run: CriteriaRun): CriteriaResult {
  return criteriaWithTriage(run, runTriage(run.data, run.now, run.config));
}

/** The release decision when triage at the same instant is already known (the weekly report has it). */
export function criteriaWithTriage(run: CriteriaRun, triage: TriageResult): CriteriaResult {
  const { data, config } = run;
  return evaluateCriteria(
    {
      issues: data.issues,
      pulls: data.pulls,
      releases: data.releases,
      events: data.events,
      closingRefs: data.closingRefs,
      metrics: run.metrics,
      now: run.now,
      launch: config.launch,
      triage: config.triage,
      severityOf: decisionSeverityOf(config.triage),
      gates: run.gates,
      sla: slaSummary(triage, data.comments !== null),
      repo: run.repo,
      ...(run.metricUrl ? { metricUrl: run.metricUrl } : {}),
    },
    config.criteria,
  );
}
