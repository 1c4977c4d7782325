import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { executeGraphql } from "./graphql.js";
import { type Ctx, HttpError, type Reply } from "./http.js";
import type { TokenInfo, World } from "./model.js";
import { validateResponse } from "./openapi.js";
import type { RateResource } from "./rate-limit.js";
import { matchRoute, operationKey } from "./routes.js";

/** One injected failure. Matching requests get it instead of (or, for latency, before) the real answer. */
export interface Fault {
  /** HTTP method; any when absent. */
  method?: string;
  /**
   * Path pattern, matched against the request path without the query: `*` matches one segment
   * part, `**` anything (including `/`), `{name}` one segment. E.g. `/repos/{owner}/{repo}/contents/**`
   * or `/graphql`.
   */
  path: string;
  /** Answer with this status and a GitHub-style error body. */
  status?: number;
  /** Seconds for the `retry-after` header (default 1 for a 403/429 rate limit). */
  retryAfter?: number;
  /** With status 403/429: answer as GitHub's secondary rate limit does. */
  rateLimit?: boolean;
  /** Delay before answering, in milliseconds. */
  latencyMs?: number;
  /** Send the real response cut in half (invalid JSON with a consistent content-length). */
  truncate?: boolean;
  /** Drop the connection without an answer. */
  reset?: boolean;
  /** Only the first N matching requests (after `skip`); always when absent. */
  times?: number;
  /** Let the first K matching requests through untouched. */
  skip?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  status: number;
  /** The request was answered by an injected fault. */
  fault: boolean;
  /** Non-GET REST request or GraphQL mutation. */
  write: boolean;
  /** GraphQL operation name or first field, for /graphql. */
  graphql?: string;
  /** GraphQL variables, for /graphql. */
  variables?: Record<string, unknown>;
}

export interface Problem {
  kind: "openapi" | "graphql" | "unimplemented" | "handler";
  request: string;
  message: string;
}

export interface FakeGitHub {
  /** Base URL (GITHUB_API_URL). */
  url: string;
  /** GITHUB_GRAPHQL_URL. */
  graphqlUrl: string;
  /** GITHUB_SERVER_URL: where web links (html_url) point. */
  serverUrl: string;
  world: World;
  log: LoggedRequest[];
  /** Responses that broke GitHub's contract, invalid GraphQL, routes the fake lacks. A test should fail on any. */
  problems: Problem[];
  faults: Fault[];
  /** Requests per "METHOD path" (query stripped). */
  counters(): Map<string, number>;
  close(): Promise<void>;
}

export interface FakeGitHubOptions {
  faults?: Fault[];
  /** Validate JSON responses against openapi-subset.json (default true). */
  validate?: boolean;
  /** Hook to tamper with a response before it is validated (tests of the validator). */
  transform?: (method: string, path: string, reply: Reply) => Reply;
  /**
   * Answer as an Enterprise Server does: REST under /api/v3, GraphQL at /api/graphql (anything else
   * is a 404 and a problem), web links on the server's own host.
   */
  enterprise?: boolean;
  /** Serve HTTPS under this host name with this key and certificate (still listening on 127.0.0.1). */
  tls?: { hostname: string; key: string; cert: string };
}

/** The public cloud's web host, which the fake's shapes link to unless it plays an Enterprise Server. */
const CLOUD_WEB = "https://github.com";

function patternRegex(pattern: string): RegExp {
  const source = pattern
    .split(/(\*\*|\*|\{\w+\})/)
    .map((part) =>
      part === "**"
        ? ".*"
        : part === "*"
          ? "[^/]*"
          : /^\{\w+\}$/.test(part)
            ? "[^/]+"
            : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("");
  return new RegExp(`^${source}$`);
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "Problems parsing JSON");
  }
}

function tokenOf(world: World, req: IncomingMessage): TokenInfo | null | "bad" {
  const header = req.headers.authorization;
  if (!header) return null;
  const token = header.replace(/^(token|bearer)\s+/i, "");
  return world.tokens.get(token) ?? "bad";
}

function errorBody(status: number, message: string, errors?: unknown[]) {
  return {
    message,
    documentation_url: "https://docs.github.com/rest",
    status: String(status),
    ...(errors ? { errors } : {}),
  };
}

export async function startFakeGitHub(world: World, options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const faults = options.faults ?? [];
  const seen = new Map<Fault, number>();
  const log: LoggedRequest[] = [];
  const problems: Problem[] = [];
  let api = "";
  let web = CLOUD_WEB;

  const send = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
    resource: RateResource = "core",
  ) => {
    let text = body === undefined ? "" : JSON.stringify(body);
    // An Enterprise Server's links name its own host.
    if (web !== CLOUD_WEB) text = text.replaceAll(CLOUD_WEB, web);
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "content-length": String(Buffer.byteLength(text)),
      "x-github-api-version-selected": "2022-11-28",
      ...world.rateLimits.headers(resource),
      ...headers,
    });
    res.end(text);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", api);
    const method = req.method ?? "GET";
    const raw = url.pathname.replace(/\/+$/, "") || "/";
    const path = options.enterprise ? enterprisePath(raw) : raw;
    if (path === null) {
      problems.push({
        kind: "unimplemented",
        request: `${method} ${raw}`,
        message: "not under /api/v3 or /api/graphql",
      });
      log.push({ method, path: raw, query: url.search, status: 404, fault: false, write: false });
      send(res, 404, errorBody(404, "Not Found"));
      return;
    }
    // Octokit sends "/" inside a parameter (a file path) as %2F: log and match faults on the decoded path.
    const shown = safeDecode(path);
    const isGraphql = path === "/graphql" && method === "POST";
    const entry: LoggedRequest = {
      method,
      path: shown,
      query: url.search,
      status: 0,
      fault: false,
      write: method !== "GET" && !isGraphql,
    };
    log.push(entry);
    const label = `${method} ${shown}${url.search}`;

    const fault = faults.find((f) => {
      if (f.method && f.method.toUpperCase() !== method) return false;
      if (!patternRegex(f.path).test(shown)) return false;
      const n = (seen.get(f) ?? 0) + 1;
      seen.set(f, n);
      const skip = f.skip ?? 0;
      return n > skip && (f.times === undefined || n <= skip + f.times);
    });
    if (fault?.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
    if (fault?.reset) {
      entry.fault = true;
      req.socket.destroy();
      return;
    }
    if (fault?.status) {
      entry.fault = true;
      entry.status = fault.status;
      if (fault.rateLimit || ((fault.status === 403 || fault.status === 429) && fault.retryAfter !== undefined)) {
        send(
          res,
          fault.status,
          errorBody(
            fault.status,
            "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
          ),
          { "retry-after": String(fault.retryAfter ?? 1) },
        );
      } else {
        const message = fault.status >= 500 ? "Server Error" : fault.status === 404 ? "Not Found" : "Injected fault";
        send(res, fault.status, errorBody(fault.status, message));
      }
      return;
    }

    let body: unknown;
    let reply: Reply;
    const token = tokenOf(world, req);
    let operation: string | null = null;
    let resource: RateResource = "core";
    try {
      body = await readBody(req);
      if (token === "bad") throw new HttpError(401, "Bad credentials");
      if (isGraphql) {
        resource = "graphql";
        const result = await executeGraphql(world, token, body);
        const doc =
          (body as { query?: string; operationName?: string; variables?: Record<string, unknown> } | undefined) ?? {};
        entry.graphql =
          doc.operationName ??
          /^\s*(?:query|mutation)\s+(\w+)/.exec(doc.query ?? "")?.[1] ??
          /\{\s*(\w+)/.exec(doc.query ?? "")?.[1] ??
          "?";
        if (doc.variables) entry.variables = doc.variables;
        entry.write = /^\s*mutation\b/.test(doc.query ?? "");
        for (const message of result.problems) problems.push({ kind: "graphql", request: label, message });
        reply = { status: 200, body: result.body };
      } else {
        const match = matchRoute(method, path);
        if (!match) {
          problems.push({ kind: "unimplemented", request: label, message: "the fake GitHub has no such route" });
          throw new HttpError(404, "Not Found");
        }
        operation = operationKey(match.route);
        if (!world.rateLimits.spend("core", 1))
          throw new HttpError(403, `API rate limit exceeded for user ${token?.login ?? "anonymous"}.`);
        if (method !== "GET" && !token?.write) throw new HttpError(403, "Resource not accessible by integration");
        const ctx: Ctx = { world, api, method, params: match.params, query: url.searchParams, body, token };
        reply = match.route.handler(ctx);
      }
    } catch (error) {
      if (error instanceof HttpError)
        reply = { status: error.status, body: errorBody(error.status, error.message, error.errors) };
      else {
        problems.push({ kind: "handler", request: label, message: String((error as Error).stack ?? error) });
        reply = { status: 500, body: errorBody(500, "Server Error (fake handler crashed)") };
      }
    }
    if (options.transform) reply = options.transform(method, path, reply);
    if (operation && options.validate !== false) {
      for (const message of validateResponse(operation, reply.status, reply.body).slice(0, 10))
        problems.push({ kind: "openapi", request: `${label} → ${reply.status}`, message });
    }
    entry.status = reply.status;
    if (fault?.truncate) {
      entry.fault = true;
      const text = JSON.stringify(reply.body ?? null);
      const cut = text.slice(0, Math.floor(text.length / 2));
      res.writeHead(reply.status, {
        "content-type": "application/json; charset=utf-8",
        "content-length": String(Buffer.byteLength(cut)),
        ...reply.headers,
      });
      res.end(cut);
      return;
    }
    send(res, reply.status, reply.body, reply.headers, resource);
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error) => {
      problems.push({ kind: "handler", request: `${req.method} ${req.url}`, message: String(error?.stack ?? error) });
      if (!res.headersSent) send(res, 500, errorBody(500, "Server Error"));
    });
  };
  const tls = options.tls;
  const server: Server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, listener) : createServer(listener);
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `${tls ? "https" : "http"}://${tls?.hostname ?? "127.0.0.1"}:${(server.address() as AddressInfo).port}`;
  api = options.enterprise ? `${origin}/api/v3` : origin;
  if (options.enterprise) web = origin;

  return {
    url: api,
    graphqlUrl: options.enterprise ? `${origin}/api/graphql` : `${origin}/graphql`,
    serverUrl: web,
    world,
    log,
    problems,
    faults,
    counters() {
      const counts = new Map<string, number>();
      for (const e of log) counts.set(`${e.method} ${e.path}`, (counts.get(`${e.method} ${e.path}`) ?? 0) + 1);
      return counts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An Enterprise Server request's path as github.com would have it, or null when it is neither REST nor GraphQL. */
function enterprisePath(path: string): string | null {
  if (path === "/api/graphql") return "/graphql";
  if (path.startsWith("/api/v3/")) return path.slice("/api/v3".length);
  return null;
}
