import { configSchema } from "../../src/config/schema.js";
import type { RestIssue, RestPull, RestRelease } from "../../src/model/rest.js";
import type { ReportSources } from "../../src/pipeline/week-snapshot.js";

export const config = (extra: Record<string, unknown> = {}) =>
  configSchema.parse({ launch: { date: "2026-11-10", timezone: "America/New_York" }, ...extra });

export function issue(number: number, fields: Partial<RestIssue> = {}): RestIssue {
  return {
    number,
    title: `Issue ${number}`,
    state: "open",
    html_url: `https://github.com/acme/caro/issues/${number}`,
    body: "",
    user: { login: "reporter" },
    labels: [],
    created_at: "2026-11-11T12:00:00Z",
    closed_at: null,
    ...fields,
  };
}

export function pull(number: number, fields: Partial<RestPull> = {}): RestPull {
  return {
    number,
    title: `PR ${number}`,
    state: "closed",
    html_url: `https://github.com/acme/caro/pull/${number}`,
    user: { login: "contributor" },
    author_association: "CONTRIBUTOR",
    labels: [],
    created_at: "2026-11-16T10:00:00Z",
    closed_at: "2026-11-17T10:00:00Z",
    merged_at: "2026-11-17T10:00:00Z",
    ...fields,
  };
}

export function release(tag: string, publishedAt: string, downloads: number[]): RestRelease {
  return {
    tag_name: tag,
    draft: false,
    prerelease: false,
    created_at: publishedAt,
    published_at: publishedAt,
    assets: downloads.map((download_count, i) => ({ name: `asset-${i}`, download_count })),
  };
}

export function sources(fields: Partial<ReportSources> = {}): ReportSources {
  return {
    repo: { owner: "acme", name: "caro", url: "https://github.com/acme/caro" },
    issues: [],
    comments: [],
    events: [],
    pulls: [],
    releases: [],
    metrics: null,
    stars: null,
    gates: [],
    notes: new Map(),
    ...fields,
  };
}
