import type { CriteriaConfig } from "./config.js";
import { type CriteriaInput, collectFacts } from "./facts.js";
import { readiness } from "./readiness.js";
import { readinessNote } from "./readiness-note.js";
import { type CriteriaResult, type Decision, LEVELS, type RuleResult } from "./result.js";
import { labeledIssue as hotfixLabel, openP0, p1AffectedUsers } from "./rules/hotfix.js";
import {
  endOfWeek,
  featurePerformance,
  featurePr,
  frequentComplaint,
  p1Fixes,
  p2Fixes,
  patchPerformance,
  uxPr,
} from "./rules/release-due.js";
import { crashRate, errorRate, p0Overdue, p1Burst, labeledIssue as rollbackLabel, uptime } from "./rules/rollback.js";

/** Every rule, in precedence order (rollback first). */
const RULES = [
  crashRate,
  rollbackLabel,
  p0Overdue,
  errorRate,
  uptime,
  p1Burst,
  openP0,
  p1AffectedUsers,
  hotfixLabel,
  p1Fixes,
  frequentComplaint,
  patchPerformance,
  endOfWeek,
  featurePr,
  uxPr,
  featurePerformance,
  p2Fixes,
];

/** The release decision: the highest level with a firing rule; rollback > consider-rollback > hotfix > patch > feature > none. */
export function decide(rules: readonly RuleResult[]): Decision {
  return LEVELS.find((level) => rules.some((r) => r.level === level && r.outcome !== "pass")) ?? "none";
}

export function evaluateCriteria(input: CriteriaInput, config: CriteriaConfig): CriteriaResult {
  const facts = collectFacts(input, config);
  const rules = RULES.map((rule) => rule(facts));
  const score = readiness(facts);
  const decision = decide(rules);
  return {
    decision,
    readiness: score.score,
    readinessParts: score.parts,
    readinessNote: readinessNote(decision, rules),
    now: input.now.toISOString(),
    release: facts.release
      ? { tag: facts.release.tag, publishedAt: facts.release.publishedAt, url: facts.release.url }
      : null,
    rules,
  };
}
