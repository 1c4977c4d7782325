import type { TriageResult } from "../triage/result.js";

export interface SlaBreachSummary {
  breaches: { number: number; severity: string | null; clock: string }[];
  /** Which clocks were counted: response clocks need comments. */
  clocks: string;
}

/**
 * Readiness's SLA input: triage's breaches at the same instant, exactly (the one definition in
 * triage/evaluate.ts), so readiness, `launchgate triage` and the report show one figure.
 */
export function slaSummary(triage: TriageResult, responsesKnown: boolean): SlaBreachSummary {
  return {
    breaches: triage.breaches.map((b) => ({ number: b.number, severity: b.severity, clock: b.clock })),
    clocks: responsesKnown
      ? "triage, response and resolution clocks"
      : "triage and resolution clocks (no comments given)",
  };
}
