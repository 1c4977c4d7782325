import type { Config } from "../config/schema.js";
import type { RepoData } from "../model/repo-data.js";
import { durationMinutes } from "../triage/sla.js";
import type { GitHubClient } from "./client.js";
import type { Repo } from "./contents.js";
import { completeEvents, fetchIssueSelections } from "./issue-selections.js";
import { fetchMoreComments, type IssueSelection } from "./issues-sweep.js";

/**
 * The issues triage reads: open ones, those closed within `sweep_lookback`, and closed ones still
 * labelled as breached (whenever they closed), so a stale breach label gets cleared.
 */
export function sweepSelections(config: Pick<Config, "triage">, now: Date): IssueSelection[] {
  const since = new Date(now.getTime() - durationMinutes(config.triage.sweep_lookback) * 60_000).toISOString();
  return [
    { states: ["OPEN"] },
    { states: ["CLOSED"], since },
    { states: ["CLOSED"], labels: [config.triage.labels.breached] },
  ];
}

/**
 * What triage reads, whole: the sweep's issues with every comment and their full event lists
 * (the live CLI's triage; the Action's sweep reads the same issues within its request budget).
 */
export async function fetchTriageData(
  client: GitHubClient,
  repo: Repo,
  config: Pick<Config, "triage">,
  now: Date,
): Promise<RepoData> {
  const swept = await fetchIssueSelections(client, repo, sweepSelections(config, now));
  for (const number of [...swept.moreComments.keys()]) await fetchMoreComments(client, repo, swept, number);
  await completeEvents(client, repo, swept);
  return { issues: swept.issues, comments: swept.comments, events: swept.events, pulls: [], releases: [] };
}
