import type { Config } from "../config/schema.js";
import type { RepoData } from "../model/repo-data.js";
import type { GitHubClient } from "./client.js";
import type { Repo } from "./contents.js";
import { type FetchedData, fetchReportData } from "./report-fetch.js";

/** The issue-form fields the report reads: the severity field and the affected-users share. */
export function reportFormFields(config: Pick<Config, "triage" | "criteria">): string[] {
  return [...new Set([config.triage.form_field, config.criteria.hotfix.p1AffectedUsers.field])];
}

/** The report's input lists from a fetch (issues without the pull requests GitHub lists among them). */
export function reportRepoData(fetched: FetchedData): RepoData {
  return {
    issues: fetched.cache.issues.filter((i) => !i.pull_request),
    comments: fetched.cache.comments,
    events: fetched.cache.events,
    pulls: fetched.pulls,
    releases: fetched.cache.releases,
  };
}

/**
 * The report's read with no stored cache, as the Action's first run reads (the live CLI has no
 * data branch to keep a cache on). A failure mid-read fails it; a read the rate limit cut short
 * comes back `partial`, as in the Action.
 */
export async function fetchReportSources(client: GitHubClient, repo: Repo, config: Config, now: Date) {
  const fetched = await fetchReportData(client, repo, null, { now, fields: reportFormFields(config) });
  if (fetched.interrupted) throw fetched.interrupted;
  return { data: reportRepoData(fetched), stars: fetched.stars, repoUrl: fetched.repoUrl, partial: fetched.partial };
}
