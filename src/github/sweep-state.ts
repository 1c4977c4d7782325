import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import * as z from "zod";
import type { Config } from "../config/schema.js";
import type { TriageResult } from "../triage/result.js";
import { call, type GitHubClient, isNotFound, toApiError } from "./client.js";
import type { Repo } from "./contents.js";
import { assertWritable, isRefConflict } from "./data-branch.js";

/**
 * What the hourly sweep remembers between runs, so that it re-reads only the issues changed since
 * the last sweep and those whose clocks ran out since: when the last read began (`since`) and, for
 * every open issue with a clock still running, when its next one falls due (`due`), plus issues
 * whose label changes were left for later (`retry`). Kept as `sweep.json.gz` on its own branch
 * (`<report.data_branch>-sweep`), each write a parentless commit: the state is replaced every hour
 * and has no history worth keeping (the data branch's history holds the weekly snapshots).
 * Without a state — first sweep, another config, or older than a day — the sweep reads everything.
 */

export const SWEEP_STATE_FILE = "sweep.json.gz";
/** A state is rewritten at least this often, even when only its `since` would change. */
const REFRESH_MS = 6 * 3_600_000;
/** A state older than this is not trusted to have seen every change: the sweep starts over. */
const MAX_AGE_MS = 24 * 3_600_000;
/** Re-read a little before the last read began: GitHub's `since` compares second-precision times. */
const OVERLAP_MS = 60_000;
/** Requests a state write takes (blob, tree, commit, ref). */
export const STATE_WRITE_REQUESTS = 4;

const stateSchema = z.object({
  version: z.literal(1),
  /** The config the clocks were computed with (a digest): another config starts over. */
  config: z.string(),
  since: z.iso.datetime({ offset: true }),
  /** [issue number, epoch seconds its next clock falls due]. */
  due: z.array(z.tuple([z.number().int(), z.number().int()])),
  retry: z.array(z.number().int()),
});

export type SweepState = z.output<typeof stateSchema>;

export const sweepBranch = (config: Config) => `${config.report.data_branch}-sweep`;

/** A digest of what the clocks depend on: the launch and triage settings. */
export function configKey(config: Config): string {
  return createHash("sha256")
    .update(JSON.stringify({ launch: config.launch, triage: config.triage }))
    .digest("hex")
    .slice(0, 16);
}

/** The stored state (one request), or null when there is none usable for this config at `now`. */
export async function readSweepState(
  client: GitHubClient,
  repo: Repo,
  config: Config,
  now: Date,
): Promise<SweepState | null> {
  const branch = sweepBranch(config);
  let data: unknown;
  try {
    ({ data } = await client.octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...repo,
      path: SWEEP_STATE_FILE,
      ref: branch,
    }));
  } catch (error) {
    if (isNotFound(error)) return null;
    throw toApiError(`reading ${SWEEP_STATE_FILE} on ${branch}`, error);
  }
  const file = data as { encoding?: string; content?: string };
  if (file.encoding !== "base64" || typeof file.content !== "string") return null;
  const state = decodeSweepState(Buffer.from(file.content, "base64"));
  if (!state || state.config !== configKey(config)) return null;
  return now.getTime() - Date.parse(state.since) <= MAX_AGE_MS ? state : null;
}

export function decodeSweepState(bytes: Uint8Array): SweepState | null {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(gunzipSync(bytes).toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function encodeSweepState(state: SweepState): Buffer {
  return gzipSync(JSON.stringify(state), { level: 9 });
}

/** Replaces the state with a parentless commit holding only it (STATE_WRITE_REQUESTS requests, one more when `exists` was wrong). */
export async function writeSweepState(
  client: GitHubClient,
  repo: Repo,
  config: Config,
  state: SweepState,
  /** Whether the branch is known to exist (a state was read from it): saves a request. */
  exists: boolean,
  protectedBranches: readonly string[] = [],
): Promise<void> {
  const branch = sweepBranch(config);
  assertWritable(branch, protectedBranches);
  const what = `writing ${SWEEP_STATE_FILE} to ${branch}`;
  await call(what, async () => {
    const content = encodeSweepState(state).toString("base64");
    const { data: blob } = await client.octokit.request("POST /repos/{owner}/{repo}/git/blobs", {
      ...repo,
      content,
      encoding: "base64",
    });
    const { data: tree } = await client.octokit.request("POST /repos/{owner}/{repo}/git/trees", {
      ...repo,
      tree: [{ path: SWEEP_STATE_FILE, mode: "100644", type: "blob", sha: blob.sha }],
    });
    const { data: commit } = await client.octokit.request("POST /repos/{owner}/{repo}/git/commits", {
      ...repo,
      message: "launchgate sweep state",
      tree: tree.sha,
      parents: [],
    });
    const move = () =>
      client.octokit.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
        ...repo,
        ref: `heads/${branch}`,
        sha: commit.sha,
        force: true,
      });
    const create = () =>
      client.octokit.request("POST /repos/{owner}/{repo}/git/refs", {
        ...repo,
        ref: `refs/heads/${branch}`,
        sha: commit.sha,
      });
    // 422: the branch is not there (move) or already there (create): the other request then does it.
    const [first, second] = exists ? [move, create] : [create, move];
    try {
      await first();
    } catch (error) {
      if (!isRefConflict(error) && !isNotFound(error)) throw error;
      await second();
    }
  });
}

/** Issues to re-read besides the changed ones: clocks due by `now`, and label changes left for later. */
export function dueNumbers(state: SweepState, now: Date): number[] {
  const at = Math.floor(now.getTime() / 1000);
  const numbers = new Set(state.retry);
  for (const [number, due] of state.due) if (due <= at) numbers.add(number);
  return [...numbers].sort((a, b) => a - b);
}

/**
 * The state after a sweep that began at `startedAt` and evaluated the issues in `result`: their
 * next due times replace what was known of them (an issue with no running clock leaves the
 * list); `retry` is what it left for later, with earlier retries it did not re-check. A full sweep (`previous` null) knows every open issue.
 */
export function nextSweepState(
  previous: SweepState | null,
  config: Config,
  result: TriageResult,
  retry: readonly number[],
  startedAt: Date,
): SweepState {
  const evaluated = new Set(result.issues.map((i) => i.number));
  const due = new Map((previous?.due ?? []).filter(([n]) => !evaluated.has(n)));
  for (const issue of result.issues) {
    if (issue.state !== "open") continue;
    const pending = [issue.triage, issue.response, issue.resolution]
      .filter((clock) => clock.state === "pending" && clock.dueAt)
      .map((clock) => Date.parse(clock.dueAt as string));
    if (pending.length > 0) due.set(issue.number, Math.floor(Math.min(...pending) / 1000));
  }
  return {
    version: 1,
    config: configKey(config),
    since: new Date(startedAt.getTime() - OVERLAP_MS).toISOString(),
    due: [...due].sort((a, b) => a[0] - b[0]),
    // Earlier retries this sweep did not get to stay.
    retry: [...new Set([...retry, ...(previous?.retry ?? []).filter((n) => !evaluated.has(n))])].sort((a, b) => a - b),
  };
}

/**
 * Whether `next` only moves `previous`'s watermark, and `previous` is recent enough to keep: then
 * the sweep writes nothing (the next one reads a little further back instead).
 */
export function sameClocks(previous: SweepState | null, next: SweepState, now: Date): boolean {
  return (
    previous !== null &&
    now.getTime() - Date.parse(previous.since) < REFRESH_MS &&
    JSON.stringify([previous.due, previous.retry]) === JSON.stringify([next.due, next.retry])
  );
}
