/** Per-request time limit: a hung connection fails the run instead of stalling the job for hours. */
export const REQUEST_TIMEOUT_MS = 30_000;

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
