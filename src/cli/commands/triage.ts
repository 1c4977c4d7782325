import { parseArgs } from "node:util";
import { parseConfig } from "../../config/load.js";
import { type Config, configSchema } from "../../config/schema.js";
import type { Paint } from "../../gates/format/text.js";
import { restCommentSchema, restIssueEventSchema, restIssueSchema } from "../../model/rest.js";
import { evaluateTriage } from "../../triage/evaluate.js";
import { formatTriageText } from "../../triage/format-text.js";
import { type CliIO, readUserFile, UsageError } from "../io.js";
import { readJsonList } from "../read-json-list.js";

export const usage =
  "launchgate triage --issues ISSUES.json --comments COMMENTS.json [--events EVENTS.json] [--config FILE] [--now ISO-8601] [--format json|text]";
export const summary =
  "classify issues by severity and phase and evaluate their SLA clocks: exit 0 with no breach, 1 with breaches";

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
    },
  });
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format))
    throw new UsageError(`unknown --format "${values.format}"`, { fix: "use text or json" });
  if (!values.issues) throw new UsageError("--issues is required", { fix: usage });
  if (!values.comments) throw new UsageError("--comments is required", { fix: usage });
  const now = parseNow(values.now);

  const config: Config = values.config
    ? parseConfig(new TextDecoder().decode(await readUserFile(values.config)), values.config)
    : configSchema.parse({});
  const issues = await readJsonList(values.issues, restIssueSchema);
  const comments = await readJsonList(values.comments, restCommentSchema);
  const events = values.events ? await readJsonList(values.events, restIssueEventSchema) : undefined;

  const result = evaluateTriage({ issues, comments, events, now, config });
  io.stdout(format === "json" ? `${JSON.stringify(result, null, 2)}\n` : formatTriageText(result, paint));
  return result.breaches.length > 0 ? 1 : 0;
}

function parseNow(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  const at = new Date(text);
  if (!isoInstant.test(text) || Number.isNaN(at.getTime()))
    throw new UsageError(`--now "${text}" is not an ISO-8601 instant`, { fix: "e.g. --now 2026-11-02T12:00:00Z" });
  return at;
}
