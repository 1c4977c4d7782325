import { type MetricsSource, metricsFile, noMetrics } from "../metrics/source.js";
import type { GitHubClient } from "./client.js";
import { getFile, type Repo } from "./contents.js";

/** The Action's metrics source: the metrics file named by the `metrics` input, at a commit of the repository. */
export function repoMetricsFile(client: GitHubClient, repo: Repo, ref: string, path: string): MetricsSource {
  if (!path) return noMetrics;
  return metricsFile(
    path,
    async (p) => {
      const file = await getFile(client, repo, p, ref);
      return file ? new TextDecoder().decode(file.bytes) : null;
    },
    `at ${ref.slice(0, 7)}`,
  );
}
