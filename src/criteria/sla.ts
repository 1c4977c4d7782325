import type { Config } from "../config/schema.js";
import type { RestComment, RestIssue, RestIssueEvent } from "../model/rest.js";
import { evaluateTriage } from "../triage/evaluate.js";

export interface SlaBreachSummary {
  breaches: { number: number; severity: string | null; clock: string }[];
  /** Which clocks were counted: response clocks need comments. */
  clocks: string;
}

/**
 * SLA breaches at `now`, from triage's clocks. Without comments no first response is known, so
 * only the clocks that do not depend on comments (triage and resolution) are counted.
 */
export function slaBreaches(
  input: {
    issues: readonly RestIssue[];
    comments: readonly RestComment[] | null;
    events?: readonly RestIssueEvent[] | null;
  },
  now: Date,
  config: Pick<Config, "launch" | "triage">,
): SlaBreachSummary {
  const result = evaluateTriage({
    issues: input.issues,
    comments: input.comments ?? [],
    events: input.events ?? undefined,
    now,
    config,
  });
  const counted = input.comments ? result.breaches : result.breaches.filter((b) => b.clock !== "response");
  return {
    breaches: counted.map((b) => ({ number: b.number, severity: b.severity, clock: b.clock })),
    clocks: input.comments
      ? "triage, response and resolution clocks"
      : "triage and resolution clocks (no comments given)",
  };
}
