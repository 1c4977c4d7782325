import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as core from "@actions/core";
import type { Config } from "../../config/schema.js";
import type { GitHubClient } from "../../github/client.js";
import type { Repo } from "../../github/contents.js";
import { applyLabelChange } from "../../github/issue-labels.js";
import { fetchIssueSelections } from "../../github/issue-selections.js";
import { fetchMoreComments } from "../../github/issues-sweep.js";
import { fetchSweepChanges } from "../../github/sweep-fetch.js";
import {
  dueNumbers,
  nextSweepState,
  readSweepState,
  STATE_WRITE_REQUESTS,
  sameClocks,
  writeSweepState,
} from "../../github/sweep-state.js";
import { sweepSelections } from "../../github/triage-fetch.js";
import { commentIssueNumber, restIssueSchema } from "../../model/rest.js";
import { runTriage } from "../../pipeline/triage.js";
import { actionNow } from "../../time/now.js";
import { formatSweepSummary } from "../../triage/format-markdown.js";
import { eventLabelChange, type LabelChange, requestsFor, sweepLabelChanges } from "../../triage/labels.js";
import { isResponse } from "../../triage/responders.js";
import type { TriageResult } from "../../triage/result.js";
import { clientFor } from "../client.js";
import type { ActionContext } from "../context.js";
import { loadBaseConfig } from "../gate/load-config.js";

/**
 * Triage mode. On `issues` / `issue_comment` events: keeps `needs-triage` and the form's
 * severity label right on that one issue. Otherwise (`schedule`, `workflow_dispatch`): sweeps
 * the repository's issues, sets or clears `sla:breached`, and writes a job summary.
 */
export async function run(ctx: ActionContext): Promise<void> {
  const client = clientFor(ctx);
  // The default branch's config (the event's commit): issue authors cannot change the rules.
  const { config } = await loadBaseConfig(client, ctx.repo, ctx.configPath, ctx.sha || "HEAD");
  if (ctx.eventName === "issues" || ctx.eventName === "issue_comment") await triageEvent(client, ctx, config);
  else
    await sweep(
      client,
      ctx.repo,
      config,
      process.env.LAUNCHGATE_NOW ? actionNow(process.env.LAUNCHGATE_NOW) : undefined,
    );
}

async function triageEvent(client: GitHubClient, ctx: ActionContext, config: Config): Promise<void> {
  const parsed = restIssueSchema.safeParse(ctx.payload.issue);
  if (!parsed.success) {
    core.info(`launchgate triage: the ${ctx.eventName} event carries no issue; nothing to do`);
    return;
  }
  const issue = parsed.data;
  if (issue.pull_request) {
    core.info(`launchgate triage: #${issue.number} is a pull request; skipped`);
    return;
  }
  const change = eventLabelChange(issue, config.triage);
  await applyLabelChange(client, ctx.repo, change);
  core.info(`launchgate triage: #${issue.number} ${describe(change)}`);
  core.setOutput("labels-added", change.add.join(","));
  core.setOutput("labels-removed", change.remove.join(","));
}

export interface SweepReport {
  result: TriageResult;
  issues: number;
  requests: number;
  budget: number;
  written: LabelChange[];
  deferred: LabelChange[];
  summary: string;
}

/** Requests an incremental sweep may make, whatever the number of open issues. */
const INCREMENTAL_BUDGET = 20;
/** Issues re-read by number per incremental sweep (5 requests); the rest stay due for the next one. */
const MAX_DUE_ISSUES = 500;

/**
 * Sweeps issues and sets their labels. The first sweep (or one without a usable state, see
 * github/sweep-state.ts) reads open issues, issues closed within `sweep_lookback`, and closed
 * issues still carrying `sla:breached` (whenever they closed), with at most ceil(N/100) + 15 API
 * requests for N issues: reads take ceil(N/100) + 4 at most (one rounding per query, the config,
 * the state), the state write 4, and the rest pays for long comment threads and label writes.
 * Later sweeps re-check only the issues changed since the last one began and those whose clocks
 * fell due since, in at most 20 requests. Changes that do not fit are left for the next sweep,
 * most urgent first.
 */
export async function sweep(client: GitHubClient, repo: Repo, config: Config, replay?: Date): Promise<SweepReport> {
  const startedAt = replay ?? new Date();
  // Incremental when the last sweep left its state: only what changed or fell due since.
  const state = await readSweepState(client, repo, config, startedAt);
  const swept = state
    ? {
        ...(await fetchSweepChanges(client, repo, {
          since: state.since,
          numbers: dueNumbers(state, startedAt).slice(0, MAX_DUE_ISSUES),
          fields: [config.triage.form_field],
        })),
        // Long threads and timelines are read whole by the incremental read.
        moreComments: new Map<number, string>(),
        moreEvents: new Set<number>(),
        requests: 0,
      }
    : await fetchIssueSelections(client, repo, sweepSelections(config, startedAt));
  // Judged when the read is done: an issue closed while it was read is closed, not breaching.
  const now = replay ?? new Date();
  const budget = state ? INCREMENTAL_BUDGET : Math.ceil(swept.issues.length / 100) + 10 + 1 + STATE_WRITE_REQUESTS;
  const left = () => budget - client.requests - STATE_WRITE_REQUESTS;

  // Long threads: read more only when the first 100 comments hold no response.
  const incomplete: number[] = [];
  for (const number of [...swept.moreComments.keys()]) {
    const issue = swept.issues.find((i) => i.number === number);
    const author = issue?.user?.login ?? null;
    const answered = swept.comments.some(
      (c) => commentIssueNumber(c) === number && isResponse(c, author, config.triage),
    );
    if (answered) continue;
    if (left() > 1) await fetchMoreComments(client, repo, swept, number);
    else incomplete.push(number);
  }

  const result = runTriage({ ...swept, pulls: [], releases: [] }, now, config);
  const labelsOf = new Map(swept.issues.map((i) => [i.number, i.labels]));
  const changes = sweepLabelChanges(result, labelsOf, config.triage).filter((c) => !incomplete.includes(c.number));
  const written: LabelChange[] = [];
  const deferred: LabelChange[] = [];
  for (const change of changes) {
    if (requestsFor(change) <= left()) {
      await applyLabelChange(client, repo, change);
      written.push(change);
    } else deferred.push(change);
  }

  try {
    const retry = [...deferred.map((c) => c.number), ...incomplete];
    const next = nextSweepState(state, config, result, retry, startedAt);
    if (!sameClocks(state, next, startedAt)) await writeSweepState(client, repo, config, next, state !== null);
  } catch (error) {
    // The labels are written; without the state the next sweep reads everything again.
    core.warning(`launchgate triage: ${error instanceof Error ? error.message : String(error)}`);
  }

  const summary = formatSweepSummary(result, {
    written: written.length,
    deferred: deferred.length,
    requests: client.requests,
    budget,
    incomplete,
  });
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary, true).write();
  const resultPath = join(process.env.RUNNER_TEMP || tmpdir(), "launchgate-triage.json");
  await writeFile(resultPath, `${JSON.stringify(result, null, 2)}\n`);
  core.setOutput("result-path", resultPath);
  core.setOutput("breaches", String(result.breaches.length));
  core.setOutput("untriaged", String(result.untriaged.length));
  for (const change of written) core.info(`launchgate triage: #${change.number} ${describe(change)}`);
  if (deferred.length > 0)
    core.warning(`launchgate triage: ${deferred.length} label change(s) left for the next sweep (request budget)`);
  return { result, issues: swept.issues.length, requests: client.requests, budget, written, deferred, summary };
}

function describe(change: LabelChange): string {
  const parts = [...change.add.map((l) => `+${l}`), ...change.remove.map((l) => `-${l}`)];
  return parts.length > 0 ? parts.join(" ") : "labels unchanged";
}
