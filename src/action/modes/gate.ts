import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as core from "@actions/core";
import { InputError } from "../../errors.js";
import { annotationBatches, publishCheckRun } from "../../github/checks.js";
import { type GitHubClient, isForbidden } from "../../github/client.js";
import { listComments, upsertStickyComment } from "../../github/comments.js";
import { readPullRequest } from "../../github/pulls.js";
import { clientFor } from "../client.js";
import type { ActionContext } from "../context.js";
import { failureMessage } from "../failure.js";
import { evaluatePullRequest, type GateRun } from "../gate/evaluate-pr.js";
import { loadBaseConfig } from "../gate/load-config.js";
import {
  mergeGroupPullNumber,
  type PullRequestInfo,
  pullRequestFromPayload,
  toPullRequestInfo,
  withCurrentState,
} from "../gate/pull-request.js";
import {
  checkTitle,
  commentBody,
  commentMarker,
  gateAnnotations,
  gateTotals,
  summaryMarkdown,
} from "../gate/render.js";

/**
 * Gate mode: evaluates the release gates of a pull request (or of the PR a merge group was made
 * for) and reports through a check run on the head commit, the job summary, a sticky comment and
 * the job's own result. On a fork's read-only token nothing is written through the API.
 */
export async function run(ctx: ActionContext): Promise<void> {
  const client = clientFor(ctx);
  const target = await targetOf(client, ctx);
  const readOnly = ctx.eventName === "pull_request" && target.pr.fromFork;

  let gateRun: GateRun;
  let commentListing: ReturnType<typeof listComments> | null;
  try {
    // The config at the event's base travels with the read of the PR as it is now; a PR retargeted
    // since its event is judged against its current base, so then the config is read again there.
    const eventConfig = loadBaseConfig(client, ctx.repo, ctx.configPath, target.pr.baseSha);
    eventConfig.catch(() => undefined);
    const pr = await target.readCurrent();
    const loaded =
      pr.baseSha === target.pr.baseSha
        ? await eventConfig
        : await loadBaseConfig(client, ctx.repo, ctx.configPath, pr.baseSha);
    // The sticky comment's lookup needs nothing from the evaluation: it travels meanwhile. An
    // ordinary PR gets no comment, but one left while it was a release PR must not go stale.
    const commenting = !readOnly && ctx.comment && ctx.eventName !== "merge_group";
    commentListing = commenting ? listComments(client, ctx.repo, target.pr.number) : null;
    gateRun = await evaluatePullRequest(client, ctx.repo, pr, loaded);
  } catch (error) {
    core.setOutput("passed", "false");
    // Fail closed where people look: a failing check on the commit saying what went wrong.
    if (!readOnly) await reportFailure(client, ctx, target.checkSha, error).catch(() => undefined);
    throw error;
  }

  const totals = gateTotals(gateRun);
  const title = checkTitle(gateRun, totals);
  const summary = summaryMarkdown(gateRun, totals, { fork: readOnly });
  const annotations = gateAnnotations(gateRun);
  const summaryPath = join(process.env.RUNNER_TEMP || tmpdir(), "launchgate-gates.md");
  await writeFile(summaryPath, summary);
  core.setOutput("required", String(totals.required));
  core.setOutput("done", String(totals.done));
  core.setOutput("unverified", String(totals.unverified));
  core.setOutput("removed", String(totals.removed));
  core.setOutput("summary-path", summaryPath);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary, true).write();

  let published = false;
  // `passed` is written only once the verdict is published: a run whose check run could not be
  // written must not leave `passed=true` for a later step to act on.
  if (!readOnly) {
    published = await writeOrWarn("the check run", () =>
      publishCheckRun(client, ctx.repo, {
        name: ctx.checkName,
        headSha: target.checkSha,
        conclusion: totals.passed ? "success" : "failure",
        output: { title, summary, annotations },
      }),
    );
    if (published && commentListing) {
      const listing = commentListing;
      await writeOrWarn("the PR comment", () =>
        upsertStickyComment(
          client,
          ctx.repo,
          target.pr.number,
          commentMarker(ctx.checkName),
          commentBody(gateRun, totals, ctx.checkName),
          listing,
          { create: gateRun.release },
        ),
      );
    }
  }
  core.setOutput("passed", String(totals.passed));
  // Without a check run, the annotations go to the job itself as workflow commands.
  if (!published) {
    for (const batch of annotationBatches(annotations)) {
      for (const a of batch) core.error(a.message, { title: a.title, file: a.path, startLine: a.start_line });
    }
  }
  core.info(`launchgate: ${title} (${client.requests} API requests)`);
  if (!totals.passed) core.setFailed(`launchgate: ${title}`);
}

interface Target {
  pr: PullRequestInfo;
  /** Reads the PR as it is now (see withCurrentState), while the config and gates load. */
  readCurrent: () => Promise<PullRequestInfo>;
  /** The commit the check run goes on: the PR head, or the merge group's commit. */
  checkSha: string;
}

async function targetOf(client: GitHubClient, ctx: ActionContext): Promise<Target> {
  const read = (number: number, what: string) =>
    readPullRequest(client, ctx.repo, number, what).then(toPullRequestInfo);
  if (ctx.eventName === "merge_group") {
    const { number, headSha } = mergeGroupPullNumber(ctx.payload);
    const pr = await read(number, `pull request #${number} of the merge group`);
    return { pr, readCurrent: () => Promise.resolve(pr), checkSha: headSha };
  }
  const pr = pullRequestFromPayload(ctx.payload, ctx.eventName);
  const readCurrent = () => {
    const what = `pull request #${pr.number} (its labels, title and description now)`;
    const current = read(pr.number, what).then((now) => withCurrentState(pr, now));
    // Awaited during the evaluation; should that fail first, this read's failure is not unhandled.
    current.catch(() => undefined);
    return current;
  };
  return { pr, readCurrent, checkSha: pr.headSha };
}

/** A write that the token may not be allowed to make: 403 becomes a warning and the job reports on its own. */
async function writeOrWarn(what: string, write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (!isForbidden(error)) {
      core.setOutput("passed", "false");
      throw error;
    }
    core.warning(
      `launchgate: not allowed to write ${what} (${(error as Error).message}); the job result, annotations and summary carry the verdict. Grant checks: write and pull-requests: write, or see docs/gate.md for fork PRs.`,
    );
    return false;
  }
}

async function reportFailure(client: GitHubClient, ctx: ActionContext, sha: string, error: unknown): Promise<void> {
  const message = failureMessage(error).replace(/^launchgate: /, "");
  const title =
    error instanceof InputError ? "Gate could not be evaluated: invalid input" : "Gate could not be evaluated";
  await publishCheckRun(client, ctx.repo, {
    name: ctx.checkName,
    headSha: sha,
    conclusion: "failure",
    output: { title, summary: `## ❌ launchgate: ${title}\n\n${message}\n`, annotations: [] },
  });
}
