import type { RestComment, RestIssue, RestIssueEvent } from "../model/rest.js";
import type { GitHubClient } from "./client.js";
import type { Repo } from "./contents.js";
import { issueReader, readIssuePages, readIssuesByNumber, readMore } from "./issue-reader.js";
import { restFromRecords } from "./report-records.js";

/**
 * The issues an incremental sweep re-checks, read through GraphQL as the report reads them: every
 * issue updated since the last sweep began (opened, closed, commented, labelled), then those
 * numbered in `numbers` (clocks due since, label changes left for later) not already among them,
 * 100 per request either way, with the rest of any long thread. In REST shapes for the triage core.
 */

export interface SweepChanges {
  issues: RestIssue[];
  comments: RestComment[];
  events: RestIssueEvent[];
}

export async function fetchSweepChanges(
  client: GitHubClient,
  repo: Repo,
  request: { since: string; numbers: readonly number[]; fields: readonly string[] },
): Promise<SweepChanges> {
  // No reserve: a sweep's few points are what the report's reserve leaves it.
  const reader = issueReader(client, repo, { reserve: 0, fields: request.fields });
  await readIssuePages(reader, { cursor: null, done: false }, { since: request.since });
  await readIssuesByNumber(
    reader,
    request.numbers.filter((n) => !reader.issues.has(n)),
  );
  await readMore(reader);
  const records = [...reader.issues.values()].sort((a, b) => a.n - b.n);
  return restFromRecords(records, {
    api: client.octokit.request.endpoint.DEFAULTS.baseUrl,
    owner: repo.owner,
    repo: repo.repo,
    web: reader.web,
  });
}
