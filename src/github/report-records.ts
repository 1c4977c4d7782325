import type { RestComment, RestIssue, RestIssueEvent, RestPull } from "../model/rest.js";
import { bodyFromSections, formSections } from "./form-sections.js";
import type { GqlActor, GqlComment, GqlIssue, GqlPull, GqlTimelineItem } from "./report-queries.js";

/**
 * An issue or pull request as the report cache keeps it: only the fields the report reads, in a
 * compact form (short keys, times in epoch seconds, comment and event times as seconds after the
 * issue's creation). The body is not kept: only the sections of the issue-form fields the config
 * reads (`fields`), from which a minimal body is rebuilt that gives the same answers. Comment and
 * event ids are not kept (nothing reads them); a pull request keeps its whole body (closing
 * keywords and performance claims are read from it).
 */
export interface CachedIssue {
  n: number;
  t: string;
  /** o: open, c: closed. */
  s: "o" | "c";
  /** State reason, lower case (completed, not_planned, duplicate, reopened). */
  r?: string;
  c: number;
  u: number;
  x?: number;
  /** Author login (bots with GitHub's `[bot]` suffix); null for a deleted account. */
  a: string | null;
  /** Author association when not NONE. */
  aa?: string;
  l: string[];
  m?: string;
  /** Issue-form answers: [field, Markdown source of the answer] (form-sections.ts). */
  f?: [string, string][];
  /** 👍 reactions. */
  v?: number;
  /** Comments: [seconds after creation, author login or null, association]. */
  k?: [number, string | null, string][];
  /** Events: ["+" labeled | "-" unlabeled, seconds after creation, label] or ["c" closed, s, reason?] or ["r" reopened, s]. */
  e?: EventEntry[];
}

export type EventEntry = ["+" | "-", number, string] | ["c", number, string?] | ["r", number];

export interface CachedPull {
  n: number;
  t: string;
  s: "o" | "c";
  c: number;
  u: number;
  x?: number;
  /** Merged at. */
  g?: number;
  a: string | null;
  aa?: string;
  l: string[];
  b?: string;
}

/**
 * One string per distinct label, login, association and minimal body: JSON.parse makes a new string for every
 * occurrence, and 100,000 issues repeat a few hundred of them. (One pool per process: a run reads
 * one repository.)
 */
const pool = new Map<string, string>();
function intern(text: string): string {
  const known = pool.get(text);
  if (known !== undefined) return known;
  pool.set(text, text);
  return text;
}

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
/**
 * GitHub's form (no milliseconds). Joined, not replaced: `replace` (like `+`) makes a rope that
 * keeps the longer string alive behind it, about twice the memory of the flat string `join` makes,
 * for the eight or so timestamps per issue the REST lists hold.
 */
const iso = (s: number) => [new Date(s * 1000).toISOString().slice(0, 19), "Z"].join("");

/** GraphQL names bots without their `[bot]` suffix; REST data (and the cache) keeps it. */
function login(author: GqlActor | null): string | null {
  if (!author) return null;
  return intern(author.__typename === "Bot" ? `${author.login}[bot]` : author.login);
}

/** REST users by login, one object per login (100,000 issues have far fewer authors). */
function users(): (name: string | null) => RestIssue["user"] {
  const known = new Map<string, NonNullable<RestIssue["user"]>>();
  return (name) => {
    if (name === null) return null;
    let user = known.get(name);
    if (!user) {
      user = { login: intern(name), type: name.endsWith("[bot]") ? "Bot" : "User" };
      known.set(name, user);
    }
    return user;
  };
}

export function issueRecord(node: GqlIssue, fields: readonly string[]): CachedIssue {
  const created = seconds(node.createdAt);
  const record: CachedIssue = {
    n: node.number,
    t: node.title,
    s: node.state === "OPEN" ? "o" : "c",
    c: created,
    u: seconds(node.updatedAt),
    a: login(node.author),
    l: (node.labels?.nodes ?? []).flatMap((l) => (l ? [intern(l.name)] : [])),
  };
  if (node.stateReason && node.state !== "OPEN") record.r = node.stateReason.toLowerCase();
  if (node.closedAt) record.x = seconds(node.closedAt);
  if (node.authorAssociation && node.authorAssociation !== "NONE") record.aa = intern(node.authorAssociation);
  if (node.milestone) record.m = intern(node.milestone.title);
  const sections = formSections(node.body, fields);
  if (sections.length > 0) record.f = sections;
  if (node.reactions.totalCount > 0) record.v = node.reactions.totalCount;
  addComments(record, node.comments.nodes);
  addEvents(record, node.timelineItems.nodes);
  return record;
}

export function addComments(record: CachedIssue, nodes: readonly (GqlComment | null)[]): void {
  for (const c of nodes) {
    if (!c) continue;
    record.k ??= [];
    record.k.push([seconds(c.createdAt) - record.c, login(c.author), intern(c.authorAssociation)]);
  }
}

export function addEvents(record: CachedIssue, nodes: readonly (GqlTimelineItem | null)[]): void {
  for (const item of nodes) {
    if (!item) continue;
    const at = seconds(item.createdAt) - record.c;
    let entry: EventEntry;
    if (item.__typename === "LabeledEvent" || item.__typename === "UnlabeledEvent")
      entry = [item.__typename === "LabeledEvent" ? "+" : "-", at, intern(item.label.name)];
    else if (item.__typename === "ClosedEvent")
      entry = item.stateReason ? ["c", at, item.stateReason.toLowerCase()] : ["c", at];
    else if (item.__typename === "ReopenedEvent") entry = ["r", at];
    else continue;
    record.e ??= [];
    record.e.push(entry);
  }
}

export function pullRecord(node: GqlPull): CachedPull {
  const record: CachedPull = {
    n: node.number,
    t: node.title,
    s: node.state === "OPEN" ? "o" : "c",
    c: seconds(node.createdAt),
    u: seconds(node.updatedAt),
    a: login(node.author),
    l: (node.labels?.nodes ?? []).flatMap((l) => (l ? [intern(l.name)] : [])),
  };
  if (node.closedAt) record.x = seconds(node.closedAt);
  if (node.mergedAt) record.g = seconds(node.mergedAt);
  if (node.authorAssociation && node.authorAssociation !== "NONE") record.aa = node.authorAssociation;
  if (node.body) record.b = node.body;
  return record;
}

/** Where the REST shapes point: the API base (comments' `issue_url`) and the repository's web page. */
export interface RestUrls {
  api: string;
  owner: string;
  repo: string;
  web: string | null;
}

export interface RestLists {
  issues: RestIssue[];
  comments: RestComment[];
  events: RestIssueEvent[];
}

/** The cached issues in the REST shapes the core reads (what `gh api` would have printed, reduced). */
export function restFromRecords(records: Iterable<CachedIssue>, urls: RestUrls): RestLists {
  const out: RestLists = { issues: [], comments: [], events: [] };
  const user = users();
  const labels = new Map<string, { name: string }>();
  const label = (name: string) => {
    let known = labels.get(name);
    if (!known) {
      known = { name: intern(name) };
      labels.set(name, known);
    }
    return known;
  };
  const api = `${urls.api.replace(/\/+$/, "")}/repos/${urls.owner}/${urls.repo}/issues/`;
  let commentId = 0;
  for (const r of records) {
    out.issues.push({
      number: r.n,
      title: r.t,
      state: r.s === "o" ? "open" : "closed",
      state_reason: r.r ?? null,
      ...(urls.web ? { html_url: [urls.web, "/issues/", r.n].join("") } : {}),
      // Shared: issues with the same form answers have the same minimal body (and triage reads each once).
      body: r.f ? intern(bodyFromSections(r.f)) : null,
      user: user(r.a),
      author_association: r.aa === undefined ? "NONE" : intern(r.aa),
      // Sorted as the as-of reconstruction sorts them: an issue unchanged at an instant is then not copied.
      labels: r.l.map(intern).sort(),
      milestone: r.m === undefined ? null : { title: intern(r.m) },
      created_at: iso(r.c),
      updated_at: iso(r.u),
      closed_at: r.x === undefined ? null : iso(r.x),
      ...(r.v ? { reactions: { "+1": r.v } } : {}),
    });
    const issueUrl = [api, r.n].join("");
    for (const [at, author, association] of r.k ?? [])
      out.comments.push({
        id: ++commentId,
        issue_url: issueUrl,
        user: user(author),
        author_association: intern(association),
        created_at: iso(r.c + at),
      });
    const issue = { number: r.n };
    for (const entry of r.e ?? []) out.events.push(restEvent(entry, r, issue, label));
  }
  return out;
}

/** An event in REST's shape; `issue` and label objects are shared (nothing changes them). */
function restEvent(
  entry: EventEntry,
  r: CachedIssue,
  issue: { number: number },
  label: (name: string) => { name: string },
): RestIssueEvent {
  const created_at = iso(r.c + entry[1]);
  switch (entry[0]) {
    case "+":
    case "-":
      return { event: entry[0] === "+" ? "labeled" : "unlabeled", created_at, label: label(entry[2]), issue };
    case "c":
      return { event: "closed", created_at, state_reason: entry[2] ?? null, issue };
    case "r":
      return { event: "reopened", created_at, issue };
  }
}

export function restPulls(records: Iterable<CachedPull>, urls: RestUrls): RestPull[] {
  const user = users();
  return Array.from(records, (r) => ({
    number: r.n,
    title: r.t,
    state: r.s === "o" ? "open" : "closed",
    ...(urls.web ? { html_url: `${urls.web}/pull/${r.n}` } : {}),
    body: r.b ?? null,
    user: user(r.a),
    author_association: r.aa ?? "NONE",
    labels: [...r.l],
    created_at: iso(r.c),
    closed_at: r.x === undefined ? null : iso(r.x),
    merged_at: r.g === undefined ? null : iso(r.g),
  }));
}
