import { mkdir, readdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Config } from "../../config/schema.js";
import { InputError } from "../../errors.js";
import type { Paint } from "../../gates/format/text.js";
import { checkResultSchema } from "../../gates/result.js";
import { parseMetrics } from "../../metrics/parse.js";
import {
  type RestIssue,
  type RestPull,
  restCommentSchema,
  restIssueEventSchema,
  restIssueSchema,
  restPullSchema,
  restReleaseSchema,
} from "../../model/rest.js";
import { buildWeekSnapshot, previousSnapshot, type ReportSources, weeksToBackfill } from "../../report/build.js";
import { renderReport } from "../../report/markdown.js";
import { parseNotes, type WeekNotes } from "../../report/notes.js";
import { formatWeekId, isoWeekOfDate, parseWeekId, reportWeekAt, weekBounds, weekOf } from "../../time/weeks.js";
import { checkFileWeek } from "../../snapshot/file-week.js";
import { formatJsonPath, parseSnapshot } from "../../snapshot/parse.js";
import type { Snapshot } from "../../snapshot/schema.js";
import { configFlag, formatFlag, nowFlag } from "../flags.js";
import type { FlagHelp } from "../help.js";
import { type CliIO, readUserText, UsageError } from "../io.js";
import { readJsonList } from "../read-json-list.js";
import { sharedFlags } from "../shared-flags.js";

export const usage =
  "launchgate report --issues ISSUES.json --pulls PULLS.json --releases RELEASES.json [--comments COMMENTS.json] [--events EVENTS.json] [--metrics FILE] [--notes DIR] [--snapshots DIR] [--week 2026-W47] [--format json|markdown] [--out DIR] [--backfill] [--config FILE] [--now ISO-8601] [--repo OWNER/NAME] [--stars N] [--gates CHECK.json]";
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
  {
    name: "repo",
    value: "OWNER/NAME",
    default: "taken from the issues' URLs",
    text: "the repository the snapshot names",
  },
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
/** A backfill never reconstructs more than two years of weeks. */
const MAX_BACKFILL_WEEKS = 104;

export async function run(argv: string[], io: CliIO, _paint: Paint): Promise<number> {
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
      repo: { type: "string" },
      stars: { type: "string" },
      gates: { type: "string" },
    },
  });
  const format = formatFlag(values.format, FORMATS, "markdown");
  for (const required of ["issues", "pulls", "releases"] as const) {
    if (!values[required]) throw new UsageError(`--${required} is required`, { fix: usage });
  }
  const now = nowFlag(values.now);
  const config = await configFlag(values.config);
  const timeZone = config.launch.timezone;
  const weekId = values.week ?? reportWeekAt(now, timeZone, config.report.report_day);
  if (!parseWeekId(weekId)) {
    throw new UsageError(`--week "${values.week}" is not an ISO week`, {
      fix: "e.g. --week 2026-W47 (W53 only in 53-week years)",
    });
  }
  if (weekBounds(weekId, timeZone).start.getTime() > now.getTime()) {
    throw new UsageError(`--week ${weekId} has not started yet at ${now.toISOString()}`, {
      fix: "pick a past or the current week, or set --now",
    });
  }

  const issues = await readJsonList(values.issues as string, restIssueSchema);
  const pulls = await readJsonList(values.pulls as string, restPullSchema);
  const sources: ReportSources = {
    repo: repoOf(values.repo, issues, pulls),
    issues,
    pulls,
    releases: await readJsonList(values.releases as string, restReleaseSchema),
    comments: values.comments ? await readJsonList(values.comments, restCommentSchema) : null,
    events: values.events ? await readJsonList(values.events, restIssueEventSchema) : [],
    metrics: values.metrics ? parseMetrics(await readUserText(values.metrics), values.metrics) : null,
    stars: parseStars(values.stars),
    gates: values.gates ? await readGates(values.gates) : [],
    notes: values.notes ? await readNotes(values.notes) : new Map(),
  };
  const existing = values.snapshots ? await readSnapshots(values.snapshots) : [];

  // Reconstruct missing earlier weeks first, oldest first, so each one's deltas chain.
  const known = [...existing];
  const written: Snapshot[] = [];
  if (values.backfill) {
    const first = firstWeek(config, sources, timeZone);
    const missing = weeksToBackfill(weekId, new Set(existing.map((s) => s.week.id)), first).slice(-MAX_BACKFILL_WEEKS);
    for (const id of missing) {
      const snapshot = buildWeekSnapshot(
        sources,
        { weekId: id, now, previous: previousSnapshot(known, id), backfilled: true },
        config,
      );
      known.push(snapshot);
      written.push(snapshot);
    }
  }
  const previous = previousSnapshot(known, weekId);
  const snapshot = buildWeekSnapshot(sources, { weekId, now, previous, backfilled: false }, config);
  written.push(snapshot);
  const markdown = renderReport(snapshot, previous);

  if (!values.out) {
    io.stdout(format === "json" ? `${JSON.stringify(snapshot, null, 2)}\n` : markdown);
    return 0;
  }
  for (const s of written) {
    const path = join(values.out, "snapshots", `${s.week.id}.json`);
    await writeAtomic(path, `${JSON.stringify(s, null, 2)}\n`);
    io.stdout(`${path}${s.backfilled ? " (backfilled)" : ""}\n`);
  }
  const reportPath = join(values.out, "reports", `${weekId}.md`);
  await writeAtomic(reportPath, markdown);
  io.stdout(`${reportPath}\n${weekId}: ${snapshot.status.overall}\n`);
  return 0;
}

function parseStars(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`--stars "${text}" is not a count`, { fix: "e.g. --stars 455" });
  }
  return Number(text);
}

/** `--repo owner/name`, else the repository the exported issues and PRs link to. */
function repoOf(
  flag: string | undefined,
  issues: readonly RestIssue[],
  pulls: readonly RestPull[],
): ReportSources["repo"] {
  const parse = (text: string) => /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(text);
  if (flag !== undefined) {
    const match = parse(flag);
    if (!match) throw new UsageError(`--repo "${flag}" is not OWNER/NAME`, { fix: "e.g. --repo acme/caro" });
    return { owner: match[1] as string, name: match[2] as string };
  }
  for (const item of [...issues, ...pulls]) {
    const match = /^https:\/\/github\.com\/([^/]+)\/([^/]+)\//.exec(item.html_url ?? "");
    if (match) return { owner: match[1] as string, name: match[2] as string };
  }
  throw new UsageError("cannot tell the repository from the exports (no html_url)", { fix: "pass --repo OWNER/NAME" });
}

/** The first week to backfill: the launch week, or the week of the oldest issue or PR. */
function firstWeek(config: Config, sources: ReportSources, timeZone: string): string | null {
  if (config.launch.date) return formatWeekId(isoWeekOfDate(config.launch.date));
  const times = [...sources.issues, ...sources.pulls].map((i) => Date.parse(i.created_at));
  return times.length > 0 ? weekOf(new Date(Math.min(...times)), timeZone) : null;
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
async function readSnapshots(dir: string): Promise<Snapshot[]> {
  const out: Snapshot[] = [];
  for (const name of await listDir(dir, "--snapshots")) {
    if (!/^\d{4}-W\d{2}\.json$/.test(name)) continue;
    const file = join(dir, name);
    out.push(checkFileWeek(parseSnapshot(await readUserText(file), file), name.slice(0, -".json".length), file));
  }
  return out;
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
