import type { MetricsConfig } from "../metrics/prometheus/config.js";
import type { Window } from "../metrics/prometheus/read.js";
import { metricsFile, noMetrics } from "../metrics/source.js";
import type { MetricsData } from "../metrics/types.js";
import type { RepoData } from "../model/repo-data.js";
import {
  type RestIssue,
  type RestPull,
  restCommentSchema,
  restIssueEventSchema,
  restIssueSchema,
  restPullSchema,
  restReleaseSchema,
} from "../model/rest.js";
import { withPrometheus } from "../pipeline/metrics.js";
import { readUserText, UsageError } from "./io.js";
import { readJsonList } from "./read-json-list.js";

/**
 * The CLI's data source: a repository exported as JSON files (`gh api --paginate`), read into the
 * same `RepoData` the Action fetches from GitHub. Files not given are empty lists (pulls, releases)
 * or unknown (comments, events).
 */
export interface RepoDataFiles {
  issues: string;
  comments?: string | undefined;
  events?: string | undefined;
  pulls?: string | undefined;
  releases?: string | undefined;
}

export async function readRepoData(files: RepoDataFiles): Promise<RepoData> {
  return {
    issues: await readJsonList(files.issues, restIssueSchema),
    comments: files.comments ? await readJsonList(files.comments, restCommentSchema) : null,
    events: files.events ? await readJsonList(files.events, restIssueEventSchema) : null,
    pulls: files.pulls ? await readJsonList(files.pulls, restPullSchema) : [],
    releases: files.releases ? await readJsonList(files.releases, restReleaseSchema) : [],
  };
}

/**
 * `--metrics FILE` (or none) merged with the config's Prometheus queries read over `window`; errors
 * name the `--config` file.
 */
export function readMetrics(
  flags: { metrics?: string | undefined; config?: string | undefined },
  config: MetricsConfig,
  window: Window,
): Promise<MetricsData | null> {
  const file = flags.metrics ? metricsFile(flags.metrics, readUserText) : noMetrics;
  return withPrometheus(file, { config, configFile: flags.config ?? "config", env: process.env, window }).read();
}

/**
 * The web host the exported issues and PRs link to (`https://ghe.example.com` for
 * `https://ghe.example.com/acme/shop/issues/1`), or null when none has a URL.
 */
export function exportsServerUrl(data: { issues: readonly RestIssue[]; pulls: readonly RestPull[] }): string | null {
  for (const item of [...data.issues, ...data.pulls]) {
    const match = /^(https?:\/\/.+?)\/[^/]+\/[^/]+\/(?:issues|pull)\/\d+$/.exec(item.html_url ?? "");
    if (match) return match[1] as string;
  }
  return null;
}

/** `--repo owner/name`, else the repository the exported issues and PRs link to; null when neither says. */
export function repoFlag(
  flag: string | undefined,
  data: { issues: readonly RestIssue[]; pulls: readonly RestPull[] },
): { owner: string; name: string } | null {
  if (flag !== undefined) {
    const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(flag);
    if (!match) throw new UsageError(`--repo "${flag}" is not OWNER/NAME`, { fix: "e.g. --repo acme/caro" });
    return { owner: match[1] as string, name: match[2] as string };
  }
  for (const item of [...data.issues, ...data.pulls]) {
    const match = /^https?:\/\/[^/]+\/([^/]+)\/([^/]+)\/(?:issues|pull)\/\d+/.exec(item.html_url ?? "");
    if (match) return { owner: match[1] as string, name: match[2] as string };
  }
  return null;
}
