import { InputError } from "../errors.js";
import { parseMetrics } from "./parse.js";
import type { MetricsData } from "./types.js";

/**
 * Where a run's metric samples come from: the one injectable point the criteria and report
 * pipelines read metrics through. Today a metrics file (read from disk by the CLI, from the
 * repository by the Action); other sources (a Prometheus-compatible API) plug in here.
 */
export interface MetricsSource {
  /** The samples, or null when no metrics were asked for. */
  read(): Promise<MetricsData | null>;
}

/** No metrics: rules that need them say "not evaluated", weekly values are unknown. */
export const noMetrics: MetricsSource = { read: async () => null };

/**
 * A metrics file at `path`, read with `readText` (null when there is no such file). `where` says
 * where it was looked for in the error ("at abc1234" for a commit).
 */
export function metricsFile(
  path: string,
  readText: (path: string) => Promise<string | null>,
  where = "",
): MetricsSource {
  return {
    async read() {
      const text = await readText(path);
      if (text === null)
        throw new InputError(`no metrics file${where ? ` ${where}` : ""}`, {
          file: path,
          fix: "commit it or fix the metrics input",
        });
      return parseMetrics(text, path);
    },
  };
}
