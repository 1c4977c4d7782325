import { parseArgs } from "node:util";
import type { Paint } from "../../format/paint.js";
import { runTriage } from "../../pipeline/triage.js";
import { formatTriageText } from "../../triage/format-text.js";
import { configFlag, formatFlag, nowFlag, requireExports } from "../flags.js";
import type { FlagHelp } from "../help.js";
import type { CliIO } from "../io.js";
import { apiUrlFlag, liveFlagOptions, liveSource, repoFlagHelp } from "../live.js";
import { readRepoData } from "../repo-data-files.js";
import { sharedFlags } from "../shared-flags.js";

export const usage =
  "launchgate triage --issues ISSUES.json --comments COMMENTS.json [--events EVENTS.json] [--config FILE] [--now ISO-8601] [--format json|text] [--repo OWNER/NAME [--api-url URL]]";
export const summary =
  "classify issues by severity and phase and evaluate their SLA clocks: exit 0 with no breach, 1 with breaches";

export const flags: FlagHelp[] = [
  sharedFlags.issues,
  { ...sharedFlags.comments, default: "required" },
  sharedFlags.events,
  sharedFlags.config,
  sharedFlags.now,
  { name: "format", value: "json|text", default: "text", text: "output format" },
  repoFlagHelp(),
  apiUrlFlag,
];
export const exits = { 0: "no SLA breach", 1: "an SLA is breached" };

const FORMATS = ["text", "json"] as const;

export async function run(argv: string[], io: CliIO, paint: Paint): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      issues: { type: "string" },
      comments: { type: "string" },
      events: { type: "string" },
      config: { type: "string" },
      now: { type: "string" },
      format: { type: "string", default: "text" },
      ...liveFlagOptions,
    },
  });
  const format = formatFlag(values.format, FORMATS, "text");
  const live = liveSource(values, io);
  if (!live) requireExports(values, ["issues", "comments"], usage);
  const now = nowFlag(values.now);
  const config = await configFlag(values.config);
  const data = live
    ? await live.read(async (client, repo) =>
        (await import("../../github/triage-fetch.js")).fetchTriageData(client, repo, config, now),
      )
    : await readRepoData({ issues: values.issues as string, comments: values.comments, events: values.events });

  const result = runTriage(data, now, config);
  io.stdout(format === "json" ? `${JSON.stringify(result, null, 2)}\n` : formatTriageText(result, paint));
  return result.breaches.length > 0 ? 1 : 0;
}
