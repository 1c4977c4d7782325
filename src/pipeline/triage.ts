import type { Config } from "../config/schema.js";
import type { RepoData } from "../model/repo-data.js";
import { evaluateTriage } from "../triage/evaluate.js";
import type { TriageResult } from "../triage/result.js";

/**
 * Triage mode's pipeline, the same for `launchgate triage` (exported JSON) and the Action's sweep
 * (GitHub): the repository at `now` (as-of reconstruction inside), its clocks, untriaged issues and
 * SLA breaches. Entry points only read the data and write the result.
 */
export function runTriage(data: RepoData, now: Date, config: Pick<Config, "launch" | "triage">): TriageResult {
  return evaluateTriage({ issues: data.issues, comments: data.comments, events: data.events, now, config });
}
