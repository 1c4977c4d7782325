import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as core from "@actions/core";
import type { Config } from "../../config/schema.js";
import { InputError } from "../../errors.js";
import { createClient, type GitHubClient } from "../../github/client.js";
import { getFile, type Repo } from "../../github/contents.js";
import { type DataFile, readBlob, readBlobBytes, readBranch, writeFiles } from "../../github/data-branch.js";
import { gatesAtRef } from "../../github/gates-at-ref.js";
import { decodeCache, encodeCache, LEGACY_CACHE_PATH, REPORT_CACHE_PATH } from "../../github/report-cache.js";
import { fetchReportData } from "../../github/report-fetch.js";
import { parseMetrics } from "../../metrics/parse.js";
import type { MetricsData } from "../../metrics/types.js";
import { buildWeekSnapshot, type ReportSources, weeksToBackfill } from "../../report/build.js";
import { renderReport } from "../../report/markdown.js";
import { parseNotes, type WeekNotes } from "../../report/notes.js";
import { compareWeekIds, formatWeekId, isoWeekOfDate, parseWeekId, reportWeekAt } from "../../time/weeks.js";
import { checkFileWeek } from "../../snapshot/file-week.js";
import { parseSnapshot } from "../../snapshot/parse.js";
import type { Snapshot } from "../../snapshot/schema.js";
import type { ActionContext } from "../context.js";
import { loadBaseConfig } from "../gate/load-config.js";

/**
 * Report mode (`schedule` / `workflow_dispatch`): fetch what changed since the last run, build the
 * week's snapshot (and, with `backfill: true`, earlier weeks that have none), store them with the
 * fetch cache in one commit on the data branch, and publish the report as the job summary. Input
 * `metrics` names a metrics file in the repository. The current week's gates are the configured gate
 * documents at the workflow's commit, by tick state (verified sign-off is the release PR check's job).
 * Outputs `week`, `status` and `snapshot-path` (a copy of the snapshot in the workspace's temp dir).
 */

const MAX_BACKFILL_WEEKS = 104;

export async function run(ctx: ActionContext): Promise<void> {
  const client = createClient({ token: ctx.token, apiUrl: ctx.apiUrl, graphqlUrl: ctx.graphqlUrl });
  const { config } = await loadBaseConfig(client, ctx.repo, ctx.configPath, ctx.sha || "HEAD");
  const now = reportTime(process.env.LAUNCHGATE_NOW);
  const weekId = weekInput(core.getInput("week"), now, config);
  const backfill = core.getInput("backfill").trim().toLowerCase() === "true";
  const branch = config.report.data_branch;
  const metrics = await readMetrics(client, ctx.repo, ctx.sha || "HEAD", core.getInput("metrics").trim());
  const gates = await gatesAtRef(client, ctx.repo, ctx.sha || "HEAD", config.gates);

  const state = await readBranch(client, ctx.repo, branch);
  const snapshotWeeks = new Map<string, string>();
  for (const [path, sha] of state.files) {
    const week = /^snapshots\/(\d{4}-W\d{2})\.json$/.exec(path)?.[1];
    if (week && parseWeekId(week)) snapshotWeeks.set(week, sha);
  }
  const cacheSha = state.files.get(REPORT_CACHE_PATH);
  const fields = formFields(config);
  const cache = decodeCache(
    cacheSha ? await readBlobBytes(client, ctx.repo, cacheSha, REPORT_CACHE_PATH) : null,
    fields,
  );
  const fetched = await fetchReportData(client, ctx.repo, cache, { now, fields });
  core.info(`launchgate report: ${fetched.changed} changed items in ${fetched.requests} requests`);
  const partial = fetched.partial;
  if (partial)
    core.warning(
      `launchgate report: partial — ${partial.issuesRead.toLocaleString("en-US")} of ${partial.issuesTotal.toLocaleString("en-US")} ${partial.since ? "changed " : ""}issues read before the GitHub rate limit ran low; the next run goes on from here`,
    );

  // A partial read backfills nothing: earlier weeks would be rebuilt from part of the issues.
  const missing =
    backfill && !partial
      ? weeksToBackfill(weekId, new Set(snapshotWeeks.keys()), firstWeek(config, fetched.cache.issues)).slice(
          -MAX_BACKFILL_WEEKS,
        )
      : [];
  const sources: ReportSources = {
    repo: { owner: ctx.repo.owner, name: ctx.repo.repo, ...(fetched.repoUrl ? { url: fetched.repoUrl } : {}) },
    issues: fetched.cache.issues.filter((i) => !i.pull_request),
    comments: fetched.cache.comments,
    events: fetched.cache.events,
    pulls: fetched.pulls,
    releases: fetched.cache.releases,
    metrics,
    stars: fetched.stars,
    // The commit the gates were read at: the site links each item to blob/<sha>/<path>#L<line>.
    gates: gates.map((result) => ({ result, ...(ctx.sha ? { ref: ctx.sha } : {}) })),
    notes: await readNotes(client, ctx.repo, ctx.sha || "HEAD", config, [...missing, weekId]),
  };

  let previous = await newestBefore(client, ctx.repo, snapshotWeeks, missing[0] ?? weekId);
  // A re-run replaces its week's file: only when that file holds that week (else it is another week's only copy).
  await readStored(client, ctx.repo, snapshotWeeks, weekId);
  let reportPrevious: Snapshot | null = null;
  const files: DataFile[] = [];
  let snapshot: Snapshot | null = null;
  for (const id of [...missing, weekId]) {
    const backfilled = id !== weekId;
    reportPrevious = previous;
    snapshot = buildWeekSnapshot(sources, { weekId: id, now, previous, backfilled }, config);
    if (partial) snapshot = { ...snapshot, partial };
    files.push({ path: `snapshots/${id}.json`, content: `${JSON.stringify(snapshot, null, 2)}\n` });
    previous = snapshot;
  }
  if (!snapshot) throw new Error("no snapshot built");
  files.push({ path: REPORT_CACHE_PATH, content: encodeCache(fetched.stored) });
  if (state.files.has(LEGACY_CACHE_PATH)) files.push({ path: LEGACY_CACHE_PATH, content: null });

  const defaultBranch = (ctx.payload.repository as { default_branch?: string } | undefined)?.default_branch;
  const written = await writeFiles(client, ctx.repo, branch, files, {
    message: `launchgate report ${weekId}${missing.length ? ` (+${missing.length} backfilled)` : ""}`,
    protectedBranches: defaultBranch ? [defaultBranch] : [],
  });
  core.info(`launchgate report: wrote ${missing.length + 1} snapshot(s) to ${branch} (${written.attempts} attempt(s))`);
  // The progress is stored (a partial snapshot and the read's cursors): now the failure may stop the run.
  if (fetched.interrupted) throw fetched.interrupted;

  const markdown = renderReport(snapshot, reportPrevious);
  const out = join(process.env.RUNNER_TEMP || process.cwd(), "launchgate");
  await mkdir(out, { recursive: true });
  const snapshotPath = join(out, `${weekId}.json`);
  await writeFile(snapshotPath, `${JSON.stringify(snapshot, null, 2)}\n`);
  await writeFile(join(out, `${weekId}.md`), markdown);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown, true).write();
  core.setOutput("week", weekId);
  core.setOutput("status", snapshot.status.overall);
  core.setOutput("snapshot-path", snapshotPath);
}

/** The newest stored snapshot before `weekId`, or null. */
async function newestBefore(
  client: GitHubClient,
  repo: Repo,
  weeks: ReadonlyMap<string, string>,
  weekId: string,
): Promise<Snapshot | null> {
  const before = [...weeks.keys()]
    .filter((w) => compareWeekIds(w, weekId) < 0)
    .sort(compareWeekIds)
    .at(-1);
  return before ? readStored(client, repo, weeks, before) : null;
}

/** The stored snapshot of `week` (one blob read), or null; a file holding another week is an InputError. */
async function readStored(
  client: GitHubClient,
  repo: Repo,
  weeks: ReadonlyMap<string, string>,
  week: string,
): Promise<Snapshot | null> {
  const sha = weeks.get(week);
  if (!sha) return null;
  const path = `snapshots/${week}.json`;
  return checkFileWeek(parseSnapshot(await readBlob(client, repo, sha, path), path), week, path);
}

/** The metrics file named by the `metrics` input, from the workflow's commit; null without the input. */
async function readMetrics(client: GitHubClient, repo: Repo, ref: string, path: string): Promise<MetricsData | null> {
  if (!path) return null;
  const file = await getFile(client, repo, path, ref);
  if (!file)
    throw new InputError(`no metrics file at ${ref.slice(0, 7)}`, {
      file: path,
      fix: "commit it or fix the metrics input",
    });
  return parseMetrics(new TextDecoder().decode(file.bytes), path);
}

async function readNotes(
  client: GitHubClient,
  repo: Repo,
  ref: string,
  config: Config,
  weeks: readonly string[],
): Promise<Map<string, WeekNotes>> {
  const notes = new Map<string, WeekNotes>();
  for (const week of weeks) {
    const file = await getFile(client, repo, `${config.report.notes_dir}/${week}.md`, ref);
    if (file) notes.set(week, parseNotes(new TextDecoder().decode(file.bytes)));
  }
  return notes;
}

/** The issue-form fields the report reads: the severity field and the affected-users share. */
function formFields(config: Config): string[] {
  return [...new Set([config.triage.form_field, config.criteria.hotfix.p1AffectedUsers.field])];
}

function firstWeek(config: Config, issues: readonly { created_at: string }[]): string | null {
  if (config.launch.date) return formatWeekId(isoWeekOfDate(config.launch.date));
  const oldest = issues.map((i) => i.created_at).sort()[0];
  return oldest ? formatWeekId(isoWeekOfDate(oldest.slice(0, 10))) : null;
}

function weekInput(input: string, now: Date, config: Config): string {
  const week = input.trim();
  if (!week) return reportWeekAt(now, config.launch.timezone, config.report.report_day);
  if (!parseWeekId(week)) {
    throw new InputError(`week "${week}" is not an ISO week`, {
      file: "action input week",
      fix: "e.g. 2026-W47, or leave it empty",
    });
  }
  return week;
}

/** The report's "now": the clock, or `LAUNCHGATE_NOW` (ISO-8601) to replay a past instant. */
function reportTime(text: string | undefined): Date {
  if (!text) return new Date();
  const at = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(at.getTime())) {
    throw new InputError(`LAUNCHGATE_NOW "${text}" is not an ISO-8601 instant`, {
      file: "environment LAUNCHGATE_NOW",
      fix: "e.g. 2026-11-02T12:00:00Z, or unset it",
    });
  }
  return at;
}
