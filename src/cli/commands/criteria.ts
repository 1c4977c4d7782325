import { parseArgs } from "node:util";
import { formatCriteriaText } from "../../criteria/format/text.js";
import type { Paint } from "../../format/paint.js";
import { readGateDocument } from "../../gates/document.js";
import { evaluateGate } from "../../gates/evaluate.js";
import { runCriteria } from "../../pipeline/criteria.js";
import { criteriaWindow, unknownMetricLines } from "../../pipeline/metrics.js";
import { configFlag, formatFlag, nowFlag, requireExports } from "../flags.js";
import type { FlagHelp } from "../help.js";
import { type CliIO, readUserFile, UsageError } from "../io.js";
import { apiUrlFlag, liveFlagOptions, liveSource, repoFlagHelp } from "../live.js";
import { readMetrics, readRepoData, repoFlag } from "../repo-data-files.js";
import { sharedFlags } from "../shared-flags.js";

export const usage =
  "launchgate criteria --issues ISSUES.json --pulls PULLS.json --releases RELEASES.json [--metrics FILE] [--config FILE] [--now ISO-8601] [--format json|text] [--comments COMMENTS.json] [--events EVENTS.json] [--gate FILE]... [--repo OWNER/NAME [--api-url URL]]";
export const summary =
  "release criteria: rollback, consider-rollback, hotfix, patch or feature release due, with evidence and a readiness score";

export const flags: FlagHelp[] = [
  sharedFlags.issues,
  sharedFlags.pulls,
  sharedFlags.releases,
  sharedFlags.metrics,
  sharedFlags.config,
  sharedFlags.now,
  { name: "format", value: "json|text", default: "text", text: "output format" },
  sharedFlags.comments,
  sharedFlags.events,
  {
    name: "gate",
    value: "FILE",
    repeat: true,
    default: "none: gates are not part of the readiness score",
    text: "a gate document whose progress counts toward readiness",
  },
  repoFlagHelp("this repository, for closing references written Fixes OWNER/NAME#N or as issue URLs"),
  apiUrlFlag,
];
export const exits = {
  0: "the decision was computed (whatever it is)",
  1: "the decision was computed without a metric a source could not read (each named on stderr, with why)",
};

const FORMATS = ["json", "text"] as const;

export async function run(argv: string[], io: CliIO, paint: Paint): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      issues: { type: "string" },
      pulls: { type: "string" },
      releases: { type: "string" },
      metrics: { type: "string" },
      config: { type: "string" },
      now: { type: "string" },
      format: { type: "string", default: "text" },
      comments: { type: "string" },
      events: { type: "string" },
      gate: { type: "string", multiple: true },
      ...liveFlagOptions,
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, { fix: usage });
  const format = formatFlag(values.format, FORMATS, "text");
  const live = liveSource(values, io);
  if (!live) requireExports(values, ["issues", "pulls", "releases"], usage);
  const now = nowFlag(values.now);
  const config = await configFlag(values.config);
  const data = live
    ? await live.read(async (client, repo) =>
        (await import("../../github/criteria-fetch.js")).fetchCriteriaData(client, repo, now, config),
      )
    : await readRepoData({
        issues: values.issues as string,
        pulls: values.pulls,
        releases: values.releases,
        comments: values.comments,
        events: values.events,
      });
  const metrics = await readMetrics(values, config.metrics, criteriaWindow(data.releases, now, config.criteria));
  const gates = [];
  for (const path of values.gate ?? []) {
    const verdict = evaluateGate(readGateDocument(await readUserFile(path), path));
    gates.push({ id: verdict.id, required: verdict.required, requiredDone: verdict.requiredDone });
  }

  const result = runCriteria({ data, metrics, gates, now, config, repo: repoFlag(values.repo, data) });
  io.stdout(format === "json" ? `${JSON.stringify(result, null, 2)}\n` : formatCriteriaText(result, paint));
  // A decision on unknown metrics is not a clean bill: say which and why, and fail.
  const unknown = unknownMetricLines(metrics);
  for (const line of unknown) io.stderr(`launchgate criteria: ${line}\n`);
  return unknown.length > 0 ? 1 : 0;
}
