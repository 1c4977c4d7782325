import { mkdir, readdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Config } from "../../config/schema.js";
import { InputError } from "../../errors.js";
import type { Paint } from "../../format/paint.js";
import { checkResultSchema } from "../../gates/result.js";
import { endpointsFromEnv, repoWebUrl } from "../../github/endpoints.js";
import type { RepoData } from "../../model/repo-data.js";
import { reportWindow, unknownMetricLines } from "../../pipeline/metrics.js";
import { reportWeek, runReport, type SnapshotStore, weeksToBuild } from "../../pipeline/report.js";
import type { ReportSources } from "../../pipeline/week-snapshot.js";
import { parseNotes, type WeekNotes } from "../../report/notes.js";
import { tuneHeapForReport } from "../../report-heap.js";
import { checkFileWeek } from "../../snapshot/file-week.js";
import { reportPath, snapshotFileWeek, snapshotPath } from "../../snapshot/files.js";
import { formatJsonPath, parseSnapshot } from "../../snapshot/parse.js";
import type { Snapshot } from "../../snapshot/schema.js";
import { snapshotText } from "../../snapshot/text.js";
import { parseWeekId } from "../../time/weeks.js";
import { configFlag, formatFlag, nowFlag, requireExports } from "../flags.js";
import type { FlagHelp } from "../help.js";
import { type CliIO, readUserText, UsageError } from "../io.js";
import { apiUrlFlag, type LiveSource, liveFlagOptions, liveSource, repoFlagHelp } from "../live.js";
import { exportsServerUrl, type RepoDataFiles, readMetrics, readRepoData, repoFlag } from "../repo-data-files.js";
import { sharedFlags } from "../shared-flags.js";

export const usage =
  "launchgate report --issues ISSUES.json --pulls PULLS.json --releases RELEASES.json [--comments COMMENTS.json] [--events EVENTS.json] [--metrics FILE] [--notes DIR] [--snapshots DIR] [--week 2026-W47] [--format json|markdown] [--out DIR] [--backfill] [--config FILE] [--now ISO-8601] [--repo OWNER/NAME [--api-url URL]] [--stars N] [--gates CHECK.json]";
export const summary =
  "the weekly post-launch report: writes <out>/snapshots/<week>.json and <out>/reports/<week>.md (or prints one of them)";

export const flags: FlagHelp[] = [
  sharedFlags.issues,
  sharedFlags.pulls,
  sharedFlags.releases,
  sharedFlags.comments,
  sharedFlags.events,
  sharedFlags.metrics,
  {
    name: "notes",
    value: "DIR",
    default: "none",
    text: "directory of weekly notes, <week>.md (e.g. 2026-W47.md), quoted in the report",
  },
  {
    name: "snapshots",
    value: "DIR",
    default: "none: no week-over-week deltas",
    text: "directory of earlier <week>.json snapshots",
  },
  { name: "week", value: "2026-W47", default: "the last full week as of --now", text: "the ISO week to report" },
  { name: "format", value: "json|markdown", default: "markdown", text: "what to print when --out is not given" },
  {
    name: "out",
    value: "DIR",
    default: "none: print instead of writing",
    text: "write <out>/snapshots/<week>.json and <out>/reports/<week>.md",
  },
  { name: "backfill", default: "off", text: "also reconstruct missing earlier weeks (at most 104)" },
  sharedFlags.config,
  sharedFlags.now,
  repoFlagHelp("the repository the snapshot names"),
  apiUrlFlag,
  { name: "stars", value: "N", default: "none", text: "the repository's star count, for the trends" },
  {
    name: "gates",
    value: "CHECK.json",
    default: "none",
    text: "the output of launchgate check --format json, for the gates' progress",
  },
];
export const exits = { 0: "the report was written or printed" };

const FORMATS = ["markdown", "json"] as const;

export async function run(argv: string[], io: CliIO, _paint: Paint): Promise<number> {
  tuneHeapForReport();
  const { values } = parseArgs({
    args: argv,
    options: {
      issues: { type: "string" },
      pulls: { type: "string" },
      releases: { type: "string" },
      comments: { type: "string" },
      events: { type: "string" },
      metrics: { type: "string" },
      notes: { type: "string" },
      snapshots: { type: "string" },
      week: { type: "string" },
      format: { type: "string", default: "markdown" },
      out: { type: "string" },
      backfill: { type: "boolean", default: false },
      config: { type: "string" },
      now: { type: "string" },
      ...liveFlagOptions,
      stars: { type: "string" },
      gates: { type: "string" },
    },
  });
  const format = formatFlag(values.format, FORMATS, "markdown");
  const live = liveSource(values, io);
  if (!live) requireExports(values, ["issues", "pulls", "releases"], usage);
  const now = nowFlag(values.now);
  const config = await configFlag(values.config);
  const weekId = reportWeek(values.week, now, config, { name: "--week", error: UsageError });

  const read = live
    ? await readLive(live, config, now)
    : await readExports({ ...values, issues: values.issues as string });
  if (read.partial)
    io.stderr(
      `launchgate report: partial — ${read.partial.issuesRead} of ${read.partial.issuesTotal} issues read before the GitHub rate limit ran low; run again after it resets\n`,
    );
  const store = values.snapshots ? await directoryStore(values.snapshots) : emptyStore;
  const weeks = weeksToBuild(weekId, values.backfill && !read.partial, store.weeks, config, read.data);
  const metrics = await readMetrics(values, config.metrics, reportWindow(weeks, now, read.data.releases, config));
  // The snapshot says which metrics are unknown and why (the week is not green then).
  for (const line of unknownMetricLines(metrics)) io.stderr(`launchgate report: ${line}\n`);
  const sources: Omit<ReportSources, "notes"> = {
    ...read.data,
    repo: read.repo,
    metrics,
    stars: parseStars(values.stars) ?? read.stars,
    gates: values.gates ? await readGates(values.gates) : [],
  };
  const notes = values.notes ? await readNotes(values.notes) : new Map<string, WeekNotes>();
  const report = await runReport({
    sources,
    notes: async (week) => notes.get(week) ?? null,
    weekId,
    now,
    // A partial read backfills nothing: earlier weeks would be rebuilt from part of the issues.
    backfill: values.backfill && !read.partial,
    store,
    config,
  });
  const partial = read.partial;
  if (partial) {
    report.snapshots = report.snapshots.map((s) => ({ ...s, partial }));
    report.snapshot = report.snapshots.at(-1) as Snapshot;
  }

  if (!values.out) {
    io.stdout(format === "json" ? snapshotText(report.snapshot) : report.markdown);
    return 0;
  }
  for (const s of report.snapshots) {
    const path = join(values.out, snapshotPath(s.week.id));
    await writeAtomic(path, snapshotText(s));
    io.stdout(`${path}${s.backfilled ? " (backfilled)" : ""}\n`);
  }
  const markdownPath = join(values.out, reportPath(weekId));
  await writeAtomic(markdownPath, report.markdown);
  io.stdout(`${markdownPath}\n${weekId}: ${report.snapshot.status.overall}\n`);
  return 0;
}

const emptyStore: SnapshotStore = { weeks: new Set(), read: async () => null };

interface ReportRead {
  data: RepoData;
  repo: ReportSources["repo"];
  stars: number | null;
  partial: Snapshot["partial"] | null;
}

/** The live read: what the Action's first report run reads (there is no data-branch cache here). */
async function readLive(live: LiveSource, config: Config, now: Date): Promise<ReportRead> {
  const fetched = await live.read(async (client, repo) =>
    (await import("../../github/report-source.js")).fetchReportSources(client, repo, config, now),
  );
  const { owner, repo: name } = live.repo;
  return {
    data: fetched.data,
    repo: { owner, name, url: fetched.repoUrl ?? repoWebUrl(live.endpoints, owner, name) },
    stars: fetched.stars,
    partial: fetched.partial,
  };
}

/** The export files; the repository's web page is on the GitHub their URLs name. */
async function readExports(values: RepoDataFiles & { repo?: string | undefined }): Promise<ReportRead> {
  const data = await readRepoData(values);
  const repo = repoFlag(values.repo, data);
  if (!repo)
    throw new UsageError("cannot tell the repository from the exports (no html_url)", {
      fix: "pass --repo OWNER/NAME",
    });
  const server = { serverUrl: exportsServerUrl(data) ?? endpointsFromEnv(process.env).serverUrl };
  return { data, repo: { ...repo, url: repoWebUrl(server, repo.owner, repo.name) }, stars: null, partial: null };
}

function parseStars(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`--stars "${text}" is not a count`, { fix: "e.g. --stars 455" });
  }
  return Number(text);
}

async function readGates(path: string): Promise<ReportSources["gates"]> {
  const text = await readUserText(path);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not valid JSON: ${(error as Error).message}`, { file: path });
  }
  const parsed = checkResultSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${formatJsonPath(issue?.path ?? [])}: ${issue?.message}`, {
      file: path,
      fix: "pass the output of `launchgate check --format json`",
    });
  }
  return parsed.data.files.map((result) => ({ result }));
}

/** `DIR/<week>.md` notes files. */
async function readNotes(dir: string): Promise<Map<string, WeekNotes>> {
  const notes = new Map<string, WeekNotes>();
  for (const name of await listDir(dir, "--notes", { mustExist: true })) {
    const week = /^(\d{4}-W\d{2})\.md$/.exec(name)?.[1];
    if (week && parseWeekId(week)) notes.set(week, parseNotes(await readUserText(join(dir, name))));
  }
  return notes;
}

/**
 * `DIR/<week>.json` snapshots; a file that is not a valid snapshot is an error, not skipped. So is
 * one whose week is not its name: a backfill would take its week as missing and overwrite it.
 */
async function directoryStore(dir: string): Promise<SnapshotStore> {
  const snapshots = new Map<string, Snapshot>();
  for (const name of await listDir(dir, "--snapshots")) {
    const week = snapshotFileWeek(name);
    if (!week) continue;
    const file = join(dir, name);
    snapshots.set(week, checkFileWeek(parseSnapshot(await readUserText(file), file), week, file));
  }
  return { weeks: new Set(snapshots.keys()), read: async (week) => snapshots.get(week) ?? null };
}

/** A missing --snapshots directory is a first run; a missing --notes directory is a wrong path. */
async function listDir(dir: string, flag: string, options: { mustExist?: boolean } = {}): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && options.mustExist) {
      throw new InputError(`${flag}: no such directory`, { file: dir, fix: "name the directory of <week>.md notes" });
    }
    if (code === "ENOENT") return [];
    throw new InputError(`${flag}: cannot read directory (${code ?? String(error)})`, { file: dir });
  }
}

/** Write to a temporary name and rename: a killed run never leaves half a file. */
async function writeAtomic(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(join(path, ".."), { recursive: true });
    await writeFile(temp, text);
    await rename(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot write (${code ?? String(error)})`, {
      file: path,
      fix: "--out must name a directory you can write to",
    });
  }
}
