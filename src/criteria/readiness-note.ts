import type { Decision, RuleResult } from "./result.js";

const OVERRIDES: Partial<Record<Decision, string>> = {
  rollback: "roll back",
  "consider-rollback": "consider a rollback",
  hotfix: "hotfix",
};

/**
 * Readiness scores how healthy the next release looks; the decision is the most urgent rule that
 * fires. They can disagree (readiness 77 beside "roll back": healthy metrics and gates, one P0 past
 * its 4 h), so every surface that shows both puts this on the same line: which decision overrides
 * the score and the rule that calls for it. null when the decision does not override readiness.
 */
export function readinessNote(decision: Decision, rules: readonly RuleResult[]): string | null {
  const words = OVERRIDES[decision];
  if (!words) return null;
  const rule = rules.find((r) => r.level === decision && r.outcome !== "pass");
  return `${words} regardless of readiness${rule ? `: ${rule.rule}` : ""}`;
}
