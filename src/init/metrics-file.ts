import type { Check } from "../doctor/check.js";
import { InputError } from "../errors.js";
import { parseMetrics } from "../metrics/parse.js";

/**
 * A metrics file a workflow names (`with: metrics:`): the Action fails the run when it is missing
 * or invalid, so doctor says so first. `text` is null when the file does not exist.
 */
export function checkMetricsFile(path: string, where: string, text: string | null): Check {
  if (text === null) {
    return {
      status: "fail",
      message: `${where}: metrics file ${path} not found`,
      fix: "commit it (`launchgate init` writes launch/metrics.yml) or fix the path",
    };
  }
  try {
    const data = parseMetrics(text, path);
    const series = Object.keys(data.metrics);
    return { status: "pass", message: `metrics file ${path}: ${series.length} series (${series.join(", ")})` };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { status: "fail", message: error.format() };
  }
}
