import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as core from "@actions/core";
import type { Config } from "../../config/schema.js";
import type { GitHubClient } from "../../github/client.js";
import { getFile, type Repo } from "../../github/contents.js";
import { type DataFile, readBlob, readBlobBytes, readBranch, writeFiles } from "../../github/data-branch.js";
import { repoWebUrl } from "../../github/endpoints.js";
import { gatesAtRef } from "../../github/gates-at-ref.js";
import { repoMetricsFile } from "../../github/metrics-file.js";
import { decodeCache, LEGACY_CACHE_PATH, REPORT_CACHE_PATH } from "../../github/report-cache.js";
import { fetchReportData } from "../../github/report-fetch.js";
import { reportFormFields, reportRepoData } from "../../github/report-source.js";
import { reportWindow, unknownMetricLines, withPrometheus } from "../../pipeline/metrics.js";
import { reportWeek, runReport, type SnapshotStore, weeksToBuild } from "../../pipeline/report.js";
import type { ReportSources } from "../../pipeline/week-snapshot.js";
import { parseNotes, type WeekNotes } from "../../report/notes.js";
import { tuneHeapForReport } from "../../report-heap.js";
import { checkFileWeek } from "../../snapshot/file-week.js";
import {
  reportFileName,
  SNAPSHOT_DIR,
  snapshotFileName,
  snapshotFileWeek,
  snapshotPath,
} from "../../snapshot/files.js";
import { parseSnapshot } from "../../snapshot/parse.js";
import type { Snapshot } from "../../snapshot/schema.js";
import { snapshotText } from "../../snapshot/text.js";
import { actionNow } from "../../time/now.js";
import { clientFor } from "../client.js";
import type { ActionContext } from "../context.js";
import { loadBaseConfig } from "../gate/load-config.js";
import { prometheusEnv } from "../prometheus-env.js";

/**
 * Report mode (`schedule` / `workflow_dispatch`): fetch what changed since the last run, build the
 * week's snapshot (and, with `backfill: true`, earlier weeks that have none) with `launchgate
 * report`'s pipeline (src/pipeline/report.ts), store them with the fetch cache in one commit on the
 * data branch, and publish the report as the job summary. Input `metrics` names a metrics file in
 * the repository. The current week's gates are the configured gate documents at the workflow's
 * commit, by tick state (verified sign-off is the release PR check's job). Outputs `week`, `status`
 * and `snapshot-path` (a copy of the snapshot in the workspace's temp dir).
 */
export async function run(ctx: ActionContext): Promise<void> {
  tuneHeapForReport();
  const client = clientFor(ctx);
  const ref = ctx.sha || "HEAD";
  const { config } = await loadBaseConfig(client, ctx.repo, ctx.configPath, ref);
  const now = actionNow(process.env.LAUNCHGATE_NOW);
  const weekId = reportWeek(core.getInput("week"), now, config, { name: "week", file: "action input week" });
  const backfill = core.getInput("backfill").trim().toLowerCase() === "true";
  const branch = config.report.data_branch;
  const metricsFile = repoMetricsFile(client, ctx.repo, ref, core.getInput("metrics").trim());
  const gates = await gatesAtRef(client, ctx.repo, ref, config.gates);
  const state = await readBranch(client, ctx.repo, branch);
  // Built in a function of its own: the fetched lists, the world, the clocks and the snapshots as
  // objects are garbage once it returns, before the files are written (at 100,000 issues they are
  // most of the run's memory); what it returns is the files' text.
  const { weeks, status, markdown, stored, interrupted } = await buildReport(ctx, client, config, state.files, {
    ref,
    now,
    weekId,
    backfill,
    metricsFile,
    gates,
  });
  const files: DataFile[] = weeks.map((w) => ({ path: snapshotPath(w.id), content: w.text }));
  files.push({ path: REPORT_CACHE_PATH, content: stored });
  if (state.files.has(LEGACY_CACHE_PATH)) files.push({ path: LEGACY_CACHE_PATH, content: null });

  const backfilled = weeks.length - 1;
  const defaultBranch = (ctx.payload.repository as { default_branch?: string } | undefined)?.default_branch;
  const written = await writeFiles(client, ctx.repo, branch, files, {
    message: `launchgate report ${weekId}${backfilled ? ` (+${backfilled} backfilled)` : ""}`,
    protectedBranches: defaultBranch ? [defaultBranch] : [],
  });
  core.info(`launchgate report: wrote ${weeks.length} snapshot(s) to ${branch} (${written.attempts} attempt(s))`);
  // The progress is stored (a partial snapshot and the read's cursors): now the failure may stop the run.
  if (interrupted) throw interrupted;

  const out = join(process.env.RUNNER_TEMP || process.cwd(), "launchgate");
  await mkdir(out, { recursive: true });
  const snapshotCopy = join(out, snapshotFileName(weekId));
  await writeFile(snapshotCopy, weeks.at(-1)?.text ?? "");
  await writeFile(join(out, reportFileName(weekId)), markdown);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown, true).write();
  core.setOutput("week", weekId);
  core.setOutput("status", status);
  core.setOutput("snapshot-path", snapshotCopy);
}

/** What a report run writes: its snapshots as text (oldest first, partial ones marked so), its Markdown and the cache. */
interface BuiltReport {
  weeks: { id: string; text: string }[];
  /** The overall status of the week reported. */
  status: Snapshot["status"]["overall"];
  markdown: string;
  stored: Uint8Array;
  /** A failure that stopped the read; thrown once the progress is stored. */
  interrupted: Error | null;
}

/** Fetches what changed since the stored cache and builds the week's snapshots with the report pipeline. */
async function buildReport(
  ctx: ActionContext,
  client: GitHubClient,
  config: Config,
  branchFiles: ReadonlyMap<string, string>,
  run: {
    ref: string;
    now: Date;
    weekId: string;
    backfill: boolean;
    metricsFile: ReturnType<typeof repoMetricsFile>;
    gates: Awaited<ReturnType<typeof gatesAtRef>>;
  },
): Promise<BuiltReport> {
  const { ref, now, weekId, metricsFile, gates } = run;
  const cacheSha = branchFiles.get(REPORT_CACHE_PATH);
  const fields = reportFormFields(config);
  // Passed straight on, not kept: the fetch releases the old cache's records once it has merged them.
  const fetched = await fetchReportData(
    client,
    ctx.repo,
    decodeCache(cacheSha ? await readBlobBytes(client, ctx.repo, cacheSha, REPORT_CACHE_PATH) : null, fields),
    { now, fields },
  );
  core.info(`launchgate report: ${fetched.changed} changed items in ${fetched.requests} requests`);
  const partial = fetched.partial;
  if (partial)
    core.warning(
      `launchgate report: partial — ${partial.issuesRead.toLocaleString("en-US")} of ${partial.issuesTotal.toLocaleString("en-US")} ${partial.since ? "changed " : ""}issues read before the GitHub rate limit ran low; the next run goes on from here`,
    );

  const store = branchStore(client, ctx.repo, branchFiles);
  const data = reportRepoData(fetched);
  // A partial read backfills nothing: earlier weeks would be rebuilt from part of the issues.
  const backfill = run.backfill && !partial;
  const weeks = weeksToBuild(weekId, backfill, store.weeks, config, { issues: data.issues, pulls: data.pulls });
  const metrics = await withPrometheus(metricsFile, {
    config: config.metrics,
    configFile: ctx.configPath,
    env: prometheusEnv(),
    window: reportWindow(weeks, now, fetched.cache.releases, config),
  }).read();
  // The snapshot says which metrics are unknown and why (the week is not green then); so does the log.
  for (const line of unknownMetricLines(metrics)) core.warning(`launchgate: ${line}`);
  const sources: Omit<ReportSources, "notes"> = {
    repo: {
      owner: ctx.repo.owner,
      name: ctx.repo.repo,
      url: fetched.repoUrl ?? repoWebUrl(ctx, ctx.repo.owner, ctx.repo.repo),
    },
    ...data,
    metrics,
    stars: fetched.stars,
    // The commit the gates were read at: the site links each item to blob/<sha>/<path>#L<line>.
    gates: gates.map((result) => ({ result, ...(ctx.sha ? { ref: ctx.sha } : {}) })),
  };
  const report = await runReport({
    sources,
    notes: (week) => readNotes(client, ctx.repo, ref, config, week),
    weekId,
    now,
    backfill,
    store,
    config,
  });
  return {
    weeks: report.snapshots.map((s) => ({
      id: s.week.id,
      text: snapshotText(partial ? { ...s, partial } : s),
    })),
    status: report.snapshot.status.overall,
    markdown: report.markdown,
    stored: fetched.stored,
    interrupted: fetched.interrupted,
  };
}

/** The snapshots on the data branch: one blob read per week asked for, checked to hold that week. */
function branchStore(client: GitHubClient, repo: Repo, files: ReadonlyMap<string, string>): SnapshotStore {
  const shas = new Map<string, string>();
  for (const [path, sha] of files) {
    const week = path.startsWith(`${SNAPSHOT_DIR}/`) ? snapshotFileWeek(path.slice(SNAPSHOT_DIR.length + 1)) : null;
    if (week) shas.set(week, sha);
  }
  return {
    weeks: new Set(shas.keys()),
    async read(week) {
      const sha = shas.get(week);
      if (!sha) return null;
      const path = snapshotPath(week);
      return checkFileWeek(parseSnapshot(await readBlob(client, repo, sha, path), path), week, path);
    },
  };
}

/** A week's notes file (`<notes_dir>/<week>.md`) at the workflow's commit, if there is one. */
async function readNotes(
  client: GitHubClient,
  repo: Repo,
  ref: string,
  config: Config,
  week: string,
): Promise<WeekNotes | null> {
  const file = await getFile(client, repo, `${config.report.notes_dir}/${reportFileName(week)}`, ref);
  return file ? parseNotes(new TextDecoder().decode(file.bytes)) : null;
}
