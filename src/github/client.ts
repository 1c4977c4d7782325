import * as core from "@actions/core";
import { Octokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import Bottleneck from "bottleneck/light.js";

/** Per-request time limit: a hung connection fails the run instead of stalling the job for hours. */
const REQUEST_TIMEOUT_MS = 30_000;
/** Waits longer than this for a rate limit fail the run (fail closed) rather than block the job. */
const MAX_RATE_LIMIT_WAIT_S = 60;
/**
 * GitHub asks for a pause between writes when a client makes many of them. A gate check makes two
 * or three (check run, comment), so those go at once; longer runs of writes (annotation batches,
 * label changes) are spaced.
 */
const UNSPACED_WRITES = 3;
const WRITE_SPACING_MS = 250;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * A GitHub API call failed (after retries). Names what launchgate was doing and how to recover,
 * so the failed check explains itself; the gate never passes when a call fails.
 */
export class ApiError extends Error {
  readonly status: number | undefined;
  constructor(
    readonly what: string,
    status: number | undefined,
    detail: string,
  ) {
    super(`${what} failed: ${status ? `HTTP ${status} ` : ""}${detail}`);
    this.name = "ApiError";
    this.status = status;
  }
}

const LaunchgateOctokit = Octokit.plugin(throttling, retry, paginateRest);
export type OctokitClient = InstanceType<typeof LaunchgateOctokit>;

export interface GitHubClient {
  octokit: OctokitClient;
  graphqlUrl: string;
  /** Requests sent so far, retries included. */
  readonly requests: number;
}

export function createClient(options: {
  token: string;
  apiUrl: string;
  graphqlUrl: string;
  /** How a write waits its spacing (tests record the waits). */
  pause?: (ms: number) => Promise<void>;
}): GitHubClient {
  const pause = options.pause ?? sleep;
  let requests = 0;
  const send: typeof fetch = async (input, init) => {
    requests++;
    const started = Date.now();
    const response = await fetch(input, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    core.debug(`${init?.method ?? "GET"} ${String(input)} → ${response.status} in ${Date.now() - started} ms`);
    return response;
  };
  // Writes go one at a time, as GitHub asks; past the first few, each also waits its spacing.
  let writes = 0;
  let lastWrite = 0;
  let writeTurn: Promise<unknown> = Promise.resolve();
  const timedFetch: typeof fetch = (input, init) => {
    const method = init?.method ?? "GET";
    if (method === "GET" || method === "HEAD" || String(input) === options.graphqlUrl) return send(input, init);
    const response = writeTurn.then(async () => {
      if (++writes > UNSPACED_WRITES) await pause(lastWrite + WRITE_SPACING_MS - Date.now());
      lastWrite = Date.now();
      return send(input, init);
    });
    writeTurn = response.catch(() => undefined);
    return response;
  };
  const rateLimited = (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) =>
    retryCount < 2 && retryAfter <= MAX_RATE_LIMIT_WAIT_S;
  const octokit = new LaunchgateOctokit({
    auth: options.token,
    baseUrl: options.apiUrl.replace(/\/+$/, ""),
    userAgent: "launchgate",
    request: { fetch: timedFetch },
    throttle: {
      onRateLimit: rateLimited,
      onSecondaryRateLimit: rateLimited,
      // Pacing is timedFetch's (the plugin's default pauses a whole second before every write).
      write: new Bottleneck.Group({ minTime: 0 }),
    },
    retry: { retries: 2, retryAfterBaseValue: 500 },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  return {
    octokit,
    graphqlUrl: options.graphqlUrl,
    get requests() {
      return requests;
    },
  };
}

/** Runs one API call, turning any failure into an ApiError that names `what`. */
export async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toApiError(what, error);
  }
}

export function toApiError(what: string, error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const e = error as { status?: unknown; message?: unknown; name?: unknown; cause?: unknown };
  const status = typeof e.status === "number" && e.status >= 100 ? e.status : undefined;
  let detail = typeof e.message === "string" ? e.message : String(error);
  if (e.name === "TimeoutError" || /aborted|timeout/i.test(detail))
    detail = `timed out after ${REQUEST_TIMEOUT_MS / 1000} s`;
  if (status === 403 && /rate limit/i.test(detail)) detail = `rate limited (${detail})`;
  return new ApiError(what, status, detail.split("\n")[0] ?? detail);
}

/** Whether a failure is GitHub saying the token may not do this (read-only token on a fork PR, missing permission). */
export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && !/rate limit/i.test(error.message);
}

export function isNotFound(error: unknown): boolean {
  return (error as { status?: unknown }).status === 404;
}
