import { affectedUsers, exceeds } from "../affected-users.js";
import { disabled, hoursBetween, issueEvidence, pullEvidence, result } from "../evidence.js";
import { type Facts, p0Since } from "../facts.js";
import type { Evidence, RuleResult } from "../result.js";
import { labeledIssue as labeledIssueRule } from "./issue-label.js";
import { fixText, openP0s } from "./rollback.js";

export function openP0(facts: Facts): RuleResult {
  const id = "hotfix.open-p0";
  const rule = "any open P0";
  if (!facts.config.hotfix.openP0.enabled) return disabled(id, "hotfix", rule);
  const p0s = openP0s(facts);
  const evidence: Evidence[] = [];
  for (const { issue, fixes } of p0s) {
    evidence.push(issueEvidence(issue, `open P0 for ${hoursBetween(p0Since(facts, issue), facts.now)}`));
    for (const pull of fixes) evidence.push(pullEvidence(pull, `${fixText(pull)} for #${issue.number}`));
  }
  return result(id, "hotfix", rule, p0s.length > 0, evidence);
}

export function p1AffectedUsers(facts: Facts): RuleResult {
  const { enabled, percent, field } = facts.config.hotfix.p1AffectedUsers;
  const id = "hotfix.p1-affected-users";
  const rule = `an open P1 affecting > ${percent} % of users (issue-form field "${field}")`;
  if (!enabled) return disabled(id, "hotfix", rule);
  const evidence: Evidence[] = [];
  let fires = false;
  for (const issue of facts.openIssues) {
    if (facts.severity.get(issue.number) !== "P1") continue;
    const share = affectedUsers(issue.body, field);
    if (share === null) continue;
    const over = exceeds(share, percent);
    fires ||= over;
    const written = `${share.beyond ? "more than " : ""}${share.percent} %`;
    evidence.push(issueEvidence(issue, `P1 affecting ${written} of users (${over ? ">" : "≤"} ${percent} %)`));
  }
  return result(id, "hotfix", rule, fires, evidence);
}

export const labeledIssue = (facts: Facts): RuleResult => labeledIssueRule(facts, "hotfix");
