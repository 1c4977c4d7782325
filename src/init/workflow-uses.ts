import type { Check } from "../doctor/check.js";
import { ACTION_REPO } from "./plan.js";

/** Inputs of launchgate's Action and site action: a step passing one was meant to run launchgate. */
const LAUNCHGATE_INPUTS = ["mode", "check-name", "comment", "config", "metrics", "data-branch", "snapshots-path"];

/**
 * A step of a launchgate workflow whose `uses:` runs something else. GitHub's own actions
 * (checkout, deploy-pages, …) belong there; a step given launchgate's inputs is a failure (it was
 * meant to run launchgate: a typo, a stale fork), any other one a warning.
 */
export function checkStepUses(where: string, step: Record<string, unknown>, uses: string): Check | null {
  const ref = uses.trim();
  if (/^(actions|github)\//i.test(ref) || ref.startsWith("docker://")) return null;
  const withs = step.with && typeof step.with === "object" ? Object.keys(step.with) : [];
  const meant = withs.filter((key) => LAUNCHGATE_INPUTS.includes(key));
  const fix = `use ${ACTION_REPO}@v1 (the status site: ${ACTION_REPO}/site@v1)`;
  if (meant.length > 0) {
    return {
      status: "fail",
      message: `${where}: uses: ${ref} does not point at launchgate, yet is given launchgate's ${meant.join(", ")}`,
      fix,
    };
  }
  return { status: "warn", message: `${where}: uses: ${ref} in a launchgate workflow is not launchgate`, fix };
}
