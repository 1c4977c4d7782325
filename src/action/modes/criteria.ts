import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as core from "@actions/core";
import { formatCriteriaMarkdown } from "../../criteria/format/markdown.js";
import type { CriteriaResult } from "../../criteria/result.js";
import { ROLLBACK_METRICS } from "../../criteria/rules/rollback.js";
import { fetchCriteriaData } from "../../github/criteria-fetch.js";
import { repoWebUrl } from "../../github/endpoints.js";
import { gatesAtRef } from "../../github/gates-at-ref.js";
import { repoMetricsFile } from "../../github/metrics-file.js";
import { runCriteria } from "../../pipeline/criteria.js";
import { criteriaWindow, unknownMetricLines, withPrometheus } from "../../pipeline/metrics.js";
import { actionNow } from "../../time/now.js";
import { clientFor } from "../client.js";
import type { ActionContext } from "../context.js";
import { loadBaseConfig } from "../gate/load-config.js";
import { prometheusEnv } from "../prometheus-env.js";

/**
 * Criteria mode: computes the release decision from live issues, PRs, releases and an optional
 * metrics file in the repository (input `metrics`), and publishes it as outputs for later jobs
 * (`decision`, `reasons`, `hotfix`, `patch-due`, `feature-due`, `rollback`, `consider-rollback`,
 * `readiness`, `summary-path`) and as the job summary. It writes nothing to the repository.
 * Readiness's gate part counts the configured gate documents at the workflow's commit by tick state
 * (verified sign-off is the release PR check's job). The decision itself is `launchgate criteria`'s
 * pipeline (src/pipeline/criteria.ts) on the fetched data.
 */
export async function run(ctx: ActionContext): Promise<void> {
  const client = clientFor(ctx);
  const ref = ctx.sha || "HEAD";
  const { config } = await loadBaseConfig(client, ctx.repo, ctx.configPath, ref);
  const now = actionNow(process.env.LAUNCHGATE_NOW);
  const data = await fetchCriteriaData(client, ctx.repo, now, config);
  const metrics = await withPrometheus(repoMetricsFile(client, ctx.repo, ref, core.getInput("metrics").trim()), {
    config: config.metrics,
    configFile: ctx.configPath,
    env: prometheusEnv(),
    window: criteriaWindow(data.releases, now, config.criteria),
  }).read();
  const gates = await gatesAtRef(client, ctx.repo, ref, config.gates);
  const result = runCriteria({
    data,
    metrics,
    now,
    config,
    repo: { owner: ctx.repo.owner, name: ctx.repo.repo },
    gates: gates.map((g) => ({ id: g.gate.id, required: g.required, requiredDone: g.requiredDone })),
    metricUrl: (path, line) => `${repoWebUrl(ctx, ctx.repo.owner, ctx.repo.repo)}/blob/${ref}/${path}#L${line}`,
  });
  const unknown = unknownMetricLines(metrics);
  // Not knowing a rollback metric is never "no rollback": the output says unknown unless one fired.
  const rollbackUnknown = ROLLBACK_METRICS.some((m) => metrics?.unknown && Object.hasOwn(metrics.unknown, m));
  await publish(result, unknown, rollbackUnknown);
  core.info(
    `launchgate: release decision ${result.decision}, readiness ${result.readiness}/100 (${client.requests} API requests)`,
  );
  // Outputs are published either way; a decision on unknown metrics fails the step, with why.
  if (unknown.length > 0) core.setFailed(`launchgate: ${unknown.join("; ")}`);
}

async function publish(
  result: CriteriaResult,
  unknownMetrics: readonly string[],
  rollbackUnknown: boolean,
): Promise<void> {
  const fires = (level: string) => String(result.rules.some((r) => r.level === level && r.outcome !== "pass"));
  const warning =
    unknownMetrics.length > 0
      ? `> [!WARNING]\n> Decided without these metrics, so this step fails:\n${unknownMetrics.map((l) => `> - ${l}\n`).join("")}\n`
      : "";
  const summary = `${warning}${formatCriteriaMarkdown(result)}`;
  const summaryPath = join(process.env.RUNNER_TEMP || tmpdir(), "launchgate-criteria.md");
  await writeFile(summaryPath, summary);
  const resultPath = join(process.env.RUNNER_TEMP || tmpdir(), "launchgate-criteria.json");
  await writeFile(resultPath, `${JSON.stringify(result, null, 2)}\n`);
  core.setOutput("result-path", resultPath);
  core.setOutput("decision", result.decision);
  core.setOutput("reasons", JSON.stringify(result.rules.filter((r) => r.outcome !== "pass")));
  const rollback = fires("rollback");
  core.setOutput("rollback", rollback === "false" && rollbackUnknown ? "unknown" : rollback);
  core.setOutput("consider-rollback", fires("consider-rollback"));
  core.setOutput("hotfix", fires("hotfix"));
  core.setOutput("patch-due", fires("patch"));
  core.setOutput("feature-due", fires("feature"));
  core.setOutput("readiness", String(result.readiness));
  core.setOutput("summary-path", summaryPath);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary, true).write();
}
