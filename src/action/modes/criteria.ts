import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as core from "@actions/core";
import { evaluateCriteria } from "../../criteria/evaluate.js";
import { formatCriteriaMarkdown } from "../../criteria/format/markdown.js";
import type { CriteriaResult } from "../../criteria/result.js";
import { severityLabelTimes, triageSeverity } from "../../criteria/severity.js";
import { slaBreaches } from "../../criteria/sla.js";
import { InputError } from "../../errors.js";
import { createClient } from "../../github/client.js";
import { getFile } from "../../github/contents.js";
import { fetchCriteriaData } from "../../github/criteria-fetch.js";
import { gatesAtRef } from "../../github/gates-at-ref.js";
import { parseMetrics } from "../../metrics/parse.js";
import type { ActionContext } from "../context.js";
import { fetchP0LabelEvents } from "../criteria/p0-label-events.js";
import { loadBaseConfig } from "../gate/load-config.js";
import { sweepTime } from "./triage.js";

/**
 * Criteria mode: computes the release decision from live issues, PRs, releases and an optional
 * metrics file in the repository (input `metrics`), and publishes it as outputs for later jobs
 * (`decision`, `reasons`, `hotfix`, `patch-due`, `feature-due`, `rollback`, `consider-rollback`,
 * `readiness`, `summary-path`) and as the job summary. It writes nothing to the repository.
 * Readiness's gate part counts the configured gate documents at the workflow's commit by tick state
 * (verified sign-off is the release PR check's job).
 */
export async function run(ctx: ActionContext): Promise<void> {
  const client = createClient({ token: ctx.token, apiUrl: ctx.apiUrl, graphqlUrl: ctx.graphqlUrl });
  const ref = ctx.sha || "HEAD";
  const { config } = await loadBaseConfig(client, ctx.repo, ctx.configPath, ref);
  const now = sweepTime(process.env.LAUNCHGATE_NOW);
  const metricsPath = core.getInput("metrics").trim();
  let metrics = null;
  if (metricsPath) {
    const file = await getFile(client, ctx.repo, metricsPath, ref);
    if (!file)
      throw new InputError(`no metrics file at ${ref.slice(0, 7)}`, {
        file: metricsPath,
        fix: "commit it or fix the metrics input",
      });
    metrics = parseMetrics(new TextDecoder().decode(file.bytes), metricsPath);
  }
  const data = await fetchCriteriaData(client, ctx.repo, now, config.criteria.includePrereleases);
  const severityOf = triageSeverity(config);
  const p0Events = await fetchP0LabelEvents(client, ctx.repo, data.issues, severityOf, now);
  const gates = await gatesAtRef(client, ctx.repo, ref, config.gates);
  const server = process.env.GITHUB_SERVER_URL || "https://github.com";
  const result = evaluateCriteria(
    {
      ...data,
      metrics,
      now,
      launch: config.launch,
      severityOf,
      // Only open P0s' events: enough for the P0 clock, not for the SLA clocks below.
      severityLabelled: severityLabelTimes(p0Events, now, config),
      gates: gates.map((g) => ({ id: g.gate.id, required: g.required, requiredDone: g.requiredDone })),
      sla: slaBreaches({ issues: data.issues, comments: null }, now, config),
      metricUrl: (path, line) => `${server}/${ctx.repo.owner}/${ctx.repo.repo}/blob/${ref}/${path}#L${line}`,
    },
    config.criteria,
  );
  await publish(result);
  core.info(
    `launchgate: release decision ${result.decision}, readiness ${result.readiness}/100 (${client.requests} API requests)`,
  );
}

async function publish(result: CriteriaResult): Promise<void> {
  const fires = (level: string) => String(result.rules.some((r) => r.level === level && r.outcome !== "pass"));
  const summary = formatCriteriaMarkdown(result);
  const summaryPath = join(process.env.RUNNER_TEMP || tmpdir(), "launchgate-criteria.md");
  await writeFile(summaryPath, summary);
  core.setOutput("decision", result.decision);
  core.setOutput("reasons", JSON.stringify(result.rules.filter((r) => r.outcome !== "pass")));
  core.setOutput("rollback", fires("rollback"));
  core.setOutput("consider-rollback", fires("consider-rollback"));
  core.setOutput("hotfix", fires("hotfix"));
  core.setOutput("patch-due", fires("patch"));
  core.setOutput("feature-due", fires("feature"));
  core.setOutput("readiness", String(result.readiness));
  core.setOutput("summary-path", summaryPath);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary, true).write();
}
