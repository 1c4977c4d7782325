/**
 * GitHub's primary rate limit as its responses report it: every response carries `x-ratelimit-*`
 * headers for the bucket it drew on (`core` for REST, `graphql` for GraphQL, which is priced in
 * points per query). A long read watches them to stop while it still has points left, instead of
 * running into the limit and failing.
 */

export interface RateState {
  limit: number;
  remaining: number;
  used: number;
  /** Epoch seconds when the bucket refills. */
  reset: number;
}

type Headers = Record<string, string | number | undefined>;

interface Hookable {
  hook: {
    after(name: "request", hook: (response: { headers: Headers }) => void): void;
    error(name: "request", hook: (error: unknown) => never): void;
  };
}

export class RateLimits {
  private readonly buckets = new Map<string, RateState>();

  observe(headers: Headers | undefined): void {
    if (!headers) return;
    const number = (name: string) => {
      const value = headers[`x-ratelimit-${name}`];
      const n = typeof value === "number" ? value : Number(value);
      return value === undefined || value === "" || !Number.isFinite(n) ? null : n;
    };
    const remaining = number("remaining");
    if (remaining === null) return;
    const resource = String(headers["x-ratelimit-resource"] ?? "core");
    const limit = number("limit") ?? remaining;
    this.buckets.set(resource, {
      limit,
      remaining,
      used: number("used") ?? limit - remaining,
      reset: number("reset") ?? 0,
    });
  }

  /** The bucket's state after the last response that drew on it; undefined before any (or on a server without limits). */
  get(resource: "core" | "graphql"): RateState | undefined {
    return this.buckets.get(resource);
  }
}

const watched = new WeakMap<object, RateLimits>();

/** The rate limits an Octokit's responses have reported so far (watching starts at the first call). */
export function rateLimitsOf(octokit: Hookable): RateLimits {
  let limits = watched.get(octokit);
  if (!limits) {
    const created = new RateLimits();
    octokit.hook.after("request", (response) => created.observe(response.headers));
    octokit.hook.error("request", (error) => {
      created.observe((error as { response?: { headers?: Headers } }).response?.headers);
      throw error;
    });
    watched.set(octokit, created);
    limits = created;
  }
  return limits;
}

/**
 * Whether a failed call was GitHub refusing for the primary rate limit: a GraphQL `RATE_LIMITED`
 * error, or a 403/429 with no requests remaining. (Secondary limits are waited out by the client.)
 */
export function isRateLimitError(error: unknown): boolean {
  const e = error as {
    status?: unknown;
    message?: unknown;
    errors?: { type?: string }[];
    response?: { headers?: Headers; data?: { errors?: { type?: string }[] } };
  };
  const errors = e.errors ?? e.response?.data?.errors ?? [];
  if (errors.some((x) => x?.type === "RATE_LIMITED")) return true;
  if (String(e.response?.headers?.["x-ratelimit-remaining"]) === "0") return true;
  return (e.status === 403 || e.status === 429) && /rate limit/i.test(String(e.message ?? ""));
}
