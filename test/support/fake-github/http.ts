import type { Repository, TokenInfo, World } from "./model.js";

/** What a route handler sees and returns; the server does auth, faults, validation and logging. */
export interface Ctx {
  world: World;
  /** Base URL of the fake API, e.g. http://127.0.0.1:40123 */
  api: string;
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  token: TokenInfo | null;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: unknown[],
  ) {
    super(message);
  }
}

export function ok(body: unknown, status = 200, headers?: Record<string, string>): Reply {
  return { status, body, ...(headers ? { headers } : {}) };
}

export function repoOf(ctx: Ctx): Repository {
  const repo = ctx.world.repos.get(`${ctx.params.owner}/${ctx.params.repo}`.toLowerCase());
  if (!repo) throw new HttpError(404, "Not Found");
  return repo;
}

/** Slices `items` by `per_page`/`page` and adds GitHub's Link header (first/prev/next/last). */
/** One page of `items` with GitHub's Link header; only the page's items are shaped (lists can be 100,000 long). */
export function paginate<T>(ctx: Ctx, path: string, items: T[], shapeOf: (item: T) => unknown = (item) => item): Reply {
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.get("per_page") ?? 30) || 30));
  const page = Math.max(1, Number(ctx.query.get("page") ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage).map(shapeOf);
  const link = (p: number, rel: string) => {
    const q = new URLSearchParams(ctx.query);
    q.set("per_page", String(perPage));
    q.set("page", String(p));
    return `<${ctx.api}${path}?${q}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, "prev"));
  if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
  if (page > 1) links.push(link(1, "first"));
  return ok(slice, 200, links.length > 0 ? { link: links.join(", ") } : undefined);
}

export function bodyObject(ctx: Ctx): Record<string, unknown> {
  if (!ctx.body || typeof ctx.body !== "object" || Array.isArray(ctx.body))
    throw new HttpError(400, "Problems parsing JSON");
  return ctx.body as Record<string, unknown>;
}

export function requireString(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== "string" || value === "")
    throw new HttpError(422, "Invalid request.", [{ resource: "Request", field: key, code: "missing_field" }]);
  return value;
}

export function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}
