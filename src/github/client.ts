import * as core from "@actions/core";
import { getOctokit } from "@actions/github";
import type { GitHub } from "@actions/github/lib/utils";
import { defaults as actionsDefaults } from "@actions/github/lib/utils";
import type { Octokit } from "@octokit/core";
import type { OctokitOptions, OctokitPlugin } from "@octokit/core/types";
import { paginateGraphQL, type paginateGraphQLInterface } from "@octokit/plugin-paginate-graphql";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import Bottleneck from "bottleneck/light.js";
import { REQUEST_TIMEOUT_MS } from "./api-error.js";
import { endpointsForApi, type GitHubEndpoints } from "./endpoints.js";

// The error helpers live apart so that reporting a failure does not load the client (and
// @actions/github, which reads the event payload as it loads); fetchers import them from here.
export { ApiError, call, isForbidden, isNotFound, toApiError } from "./api-error.js";

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

/** Octokit with the plugins launchgate relies on: REST routes and paging, GraphQL paging, throttling, retries. */
export type OctokitClient = InstanceType<typeof GitHub> & paginateGraphQLInterface;

export interface GitHubClient {
  octokit: OctokitClient;
  /** Where this GitHub is (REST, GraphQL, web links). */
  endpoints: GitHubEndpoints;
  /** Requests sent so far, retries included. */
  readonly requests: number;
}

export interface ClientOptions {
  token: string;
  /** REST API base; the GraphQL and web URLs are derived from it unless given. */
  apiUrl: string;
  graphqlUrl?: string;
  serverUrl?: string;
  /** How a write waits its spacing (tests record the waits). */
  pause?: (ms: number) => Promise<void>;
  /** Told the number of requests so far after each response (the CLI's progress on stderr). */
  onRequest?: (requests: number) => void;
  /** Where each request's line (method, URL, status, time) goes: the Action's debug log; none by default. */
  log?: (line: string) => void;
}

/** Makes the Octokit instance from launchgate's options and plugins (the Action and the CLI use different packages). */
export type MakeOctokit = (options: OctokitOptions, plugins: OctokitPlugin[]) => OctokitClient;

/**
 * The Action's client: `@actions/github`'s `getOctokit`, as Actions expect. Its fetch goes through
 * `@actions/http-client`'s proxy agent when HTTPS_PROXY/HTTP_PROXY apply to GITHUB_API_URL (and
 * NO_PROXY does not exclude it); launchgate's pacing wraps that fetch.
 */
export function createClient(options: ClientOptions): GitHubClient {
  const proxyAware = (actionsDefaults.request as { fetch: typeof fetch }).fetch;
  return buildClient(
    { log: core.debug, ...options },
    proxyAware,
    (octokitOptions, plugins) =>
      // getOctokit's own typing drops the added plugins' APIs; they are there.
      getOctokit(options.token, octokitOptions, ...plugins) as OctokitClient,
  );
}

/**
 * The shared part of both clients: endpoints, the request counter, the per-request time limit,
 * serial and spaced writes (on top of the throttling plugin), rate-limit and retry policy.
 */
export function buildClient(options: ClientOptions, baseFetch: typeof fetch, make: MakeOctokit): GitHubClient {
  const derived = endpointsForApi(options.apiUrl);
  const endpoints: GitHubEndpoints = {
    apiUrl: derived.apiUrl,
    graphqlUrl: options.graphqlUrl ? options.graphqlUrl.replace(/\/+$/, "") : derived.graphqlUrl,
    serverUrl: options.serverUrl ? options.serverUrl.replace(/\/+$/, "") : derived.serverUrl,
  };
  const pause = options.pause ?? sleep;
  let requests = 0;
  const send: typeof fetch = async (input, init) => {
    requests++;
    const started = Date.now();
    const response = await baseFetch(input, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    options.log?.(`${init?.method ?? "GET"} ${String(input)} → ${response.status} in ${Date.now() - started} ms`);
    options.onRequest?.(requests);
    return response;
  };
  // Writes go one at a time, as GitHub asks; past the first few, each also waits its spacing.
  let writes = 0;
  let lastWrite = 0;
  let writeTurn: Promise<unknown> = Promise.resolve();
  const timedFetch: typeof fetch = (input, init) => {
    const method = init?.method ?? "GET";
    if (method === "GET" || method === "HEAD" || String(input) === endpoints.graphqlUrl) return send(input, init);
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
  const octokit = make(
    {
      baseUrl: endpoints.apiUrl,
      userAgent: "launchgate",
      request: { fetch: timedFetch },
      graphqlUrl: endpoints.graphqlUrl,
      throttle: {
        onRateLimit: rateLimited,
        onSecondaryRateLimit: rateLimited,
        // Pacing is timedFetch's (the plugin's default pauses a whole second before every write).
        write: new Bottleneck.Group({ minTime: 0 }),
      },
      retry: { retries: 2, retryAfterBaseValue: 500 },
      log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    },
    // graphqlEndpoint first: the GraphQL paginator then pages through the endpoint it sets.
    [graphqlEndpoint, paginateGraphQL, throttling, retry],
  );
  return {
    octokit,
    endpoints,
    get requests() {
      return requests;
    },
  };
}

/**
 * Points `octokit.graphql` at the configured GraphQL URL. Octokit derives it from the REST base
 * (`<base>/graphql`, or `/api/graphql` whenever the base ends in `/api/v3`, whatever `url` says);
 * GITHUB_GRAPHQL_URL is the runner's word, so it becomes the base too.
 */
function graphqlEndpoint(octokit: Octokit, options: OctokitOptions) {
  const url = options.graphqlUrl as string | undefined;
  return url ? { graphql: octokit.graphql.defaults({ baseUrl: url, url }) } : {};
}
