import { gunzipSync, gzipSync } from "node:zlib";
import * as z from "zod";
import { restReleaseSchema } from "../model/rest.js";
import type { CachedIssue, CachedPull, EventEntry } from "./report-records.js";

/**
 * The report's cache on the data branch: what earlier runs read, so a run asks GitHub only for
 * what changed since (`since`), plus the state of a read still under way (`read`: a run that ran
 * out of rate limit stores its cursors here and the next run goes on from them). Stored as
 * gzip-compressed JSON of compact records (report-records.ts): about 100 bytes per issue with a
 * few comments and label events, against 6 kB per issue in the REST-shaped cache it replaces.
 */

export const REPORT_CACHE_PATH = "cache/report.json.gz";
/** The REST-shaped cache of earlier versions: removed from the branch when the new one is written. */
export const LEGACY_CACHE_PATH = "cache/rest.json";
export const REPORT_CACHE_VERSION = 2;

const instant = z.iso.datetime({ offset: true });
const cursor = z.object({ cursor: z.string().nullable(), done: z.boolean() });

/** A read under way: issues (and pull requests) updated since `since` (all when null), begun at `startedAt`. */
const readSchema = z.object({
  since: instant.nullable(),
  startedAt: instant,
  issues: cursor,
  pulls: cursor,
  /** Issues the read selects (GitHub's totalCount when it began). */
  total: z.number().int().nonnegative(),
  /** Issues of this read already stored. */
  done: z.number().int().nonnegative(),
  /** Issues whose further comments or timeline items are still to read. */
  more: z.array(
    z.object({ number: z.number().int(), comments: z.string().optional(), timeline: z.string().optional() }),
  ),
});

const cacheSchema = z.object({
  version: z.literal(REPORT_CACHE_VERSION),
  /** Issue-form fields whose answers are kept: a config naming others starts the cache over. */
  fields: z.array(z.string()),
  /** Everything updated before this instant is in the cache; null until a first full read has finished. */
  since: instant.nullable(),
  read: readSchema.nullable(),
  releases: z.array(restReleaseSchema),
  issues: z.array(z.unknown()),
  pulls: z.array(z.unknown()),
});

export type CacheRead = z.output<typeof readSchema>;

export interface ReportCache {
  version: typeof REPORT_CACHE_VERSION;
  fields: string[];
  since: string | null;
  read: CacheRead | null;
  releases: z.output<typeof restReleaseSchema>[];
  issues: CachedIssue[];
  pulls: CachedPull[];
}

export function emptyCache(fields: readonly string[]): ReportCache {
  return {
    version: REPORT_CACHE_VERSION,
    fields: [...fields],
    since: null,
    read: null,
    releases: [],
    issues: [],
    pulls: [],
  };
}

export function encodeCache(cache: ReportCache): Buffer {
  return gzipSync(JSON.stringify(cache), { level: 9 });
}

/**
 * The stored cache, or null (start over with a full read) when it is missing, unreadable, from
 * another version, or kept other form fields than `fields`. A cache is only ever a shortcut: any
 * doubt about it costs requests, never correctness.
 */
export function decodeCache(bytes: Uint8Array | null, fields: readonly string[]): ReportCache | null {
  if (bytes === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(gunzipSync(bytes).toString("utf8"));
  } catch {
    return null;
  }
  const parsed = cacheSchema.safeParse(json);
  if (!parsed.success) return null;
  const cache = parsed.data;
  if (cache.fields.length !== fields.length || cache.fields.some((f, i) => f !== fields[i])) return null;
  if (!cache.issues.every(isIssueRecord) || !cache.pulls.every(isPullRecord)) return null;
  return cache as ReportCache;
}

// Records are checked by hand, in place: a schema library would copy 100,000 of them.
const isInt = (v: unknown): v is number => Number.isInteger(v);
const isStr = (v: unknown): v is string => typeof v === "string";
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
const isStrings = (v: unknown) => Array.isArray(v) && v.every(isStr);

function isCommon(r: Record<string, unknown>): boolean {
  return (
    isInt(r.n) &&
    isStr(r.t) &&
    (r.s === "o" || r.s === "c") &&
    isInt(r.c) &&
    isInt(r.u) &&
    optional(r.x, isInt) &&
    (r.a === null || isStr(r.a)) &&
    optional(r.aa, isStr) &&
    isStrings(r.l)
  );
}

function isEvent(v: unknown): v is EventEntry {
  if (!Array.isArray(v) || !isInt(v[1])) return false;
  if (v[0] === "+" || v[0] === "-") return v.length === 3 && isStr(v[2]);
  if (v[0] === "c") return v.length === 2 || (v.length === 3 && isStr(v[2]));
  return v[0] === "r" && v.length === 2;
}

export function isIssueRecord(v: unknown): v is CachedIssue {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    isCommon(r) &&
    optional(r.r, isStr) &&
    optional(r.m, isStr) &&
    optional(r.v, isInt) &&
    optional(r.f, (f) => Array.isArray(f) && f.every((p) => Array.isArray(p) && p.length === 2 && isStrings(p))) &&
    optional(
      r.k,
      (k) =>
        Array.isArray(k) &&
        k.every(
          (c) => Array.isArray(c) && c.length === 3 && isInt(c[0]) && (c[1] === null || isStr(c[1])) && isStr(c[2]),
        ),
    ) &&
    optional(r.e, (e) => Array.isArray(e) && e.every(isEvent))
  );
}

function isPullRecord(v: unknown): v is CachedPull {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Record<string, unknown>;
  return isCommon(r) && optional(r.g, isInt) && optional(r.b, isStr);
}

/** Records by number, later ones replacing earlier ones; sorted by number. */
export function mergeRecords<T extends { n: number }>(old: readonly T[], fresh: Iterable<T>): T[] {
  const byNumber = new Map<number, T>();
  for (const r of old) byNumber.set(r.n, r);
  for (const r of fresh) byNumber.set(r.n, r);
  return [...byNumber.values()].sort((a, b) => a.n - b.n);
}
