import { disabled, issueEvidence, result } from "../evidence.js";
import { type Facts, hasLabel } from "../facts.js";
import type { RuleResult } from "../result.js";

/**
 * "An open issue labeled …": rollback and hotfix each have this rule, with their own labels
 * (`criteria.rollback.labels`, `criteria.hotfix.labels`); it fires on any open issue carrying one.
 */
export function labeledIssue(facts: Facts, level: "rollback" | "hotfix"): RuleResult {
  const { enabled, labels } = facts.config[level].labels;
  const id = `${level}.issue-label`;
  const rule = `an open issue labeled ${labels.map((l) => `\`${l}\``).join(" or ")}`;
  if (!enabled) return disabled(id, level, rule);
  const hits = facts.openIssues.filter((i) => hasLabel(i, labels));
  return result(
    id,
    level,
    rule,
    hits.length > 0,
    hits.map((i) =>
      issueEvidence(i, `open, labeled ${i.labels.filter((l) => hasLabel({ labels: [l] }, labels)).join(", ")}`),
    ),
  );
}
