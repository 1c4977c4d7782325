import type { AppliesTo } from "./config.js";
import { matchesAny } from "./glob.js";

/** What a pull request looks like to the release rules. */
export interface PullRequestFacts {
  base: string;
  head: string;
  labels: string[];
  title: string;
  /** Other titles the PR had while its run was under way; any of them may make it a release PR. */
  otherTitles?: string[];
}

export interface ReleaseRule {
  base?: string[] | undefined;
  head: string[];
  labels: string[];
  title: string;
}

export interface ReleaseMatch {
  release: boolean;
  /** Why it is (or is not) a release PR, for the check's summary. */
  reason: string;
}

/**
 * A release PR targets an allowed base branch (when `base` is given) and has a release head
 * branch, a release label or a release title. Everything else is an ordinary PR that the gate
 * lets through, so the check can be required on every PR.
 */
export function matchRelease(pr: PullRequestFacts, rule: ReleaseRule): ReleaseMatch {
  if (rule.base && !matchesAny(pr.base, rule.base)) {
    return { release: false, reason: `base branch \`${pr.base}\` is not one of ${list(rule.base)}` };
  }
  if (matchesAny(pr.head, rule.head))
    return { release: true, reason: `head branch \`${pr.head}\` matches ${list(rule.head)}` };
  const label = pr.labels.find((l) => matchesAny(l, rule.labels));
  if (label !== undefined) return { release: true, reason: `label \`${label}\`` };
  const titlePattern = new RegExp(rule.title, "i");
  if ([pr.title, ...(pr.otherTitles ?? [])].some((t) => titlePattern.test(t))) {
    return { release: true, reason: `title matches \`${rule.title}\`` };
  }
  return {
    release: false,
    reason: `head branch \`${pr.head}\` is not ${list(rule.head)}, no label matches ${list(rule.labels)} and the title does not match \`${rule.title}\``,
  };
}

/** Whether a gate's `applies_to` (from config or the gate's front matter) selects this PR. */
export function gateApplies(pr: PullRequestFacts, appliesTo: AppliesTo | undefined): boolean {
  if (!appliesTo) return true;
  if (appliesTo.base && !matchesAny(pr.base, appliesTo.base)) return false;
  if (appliesTo.head && !matchesAny(pr.head, appliesTo.head)) return false;
  if (appliesTo.labels && !pr.labels.some((l) => matchesAny(l, appliesTo.labels ?? []))) return false;
  return true;
}

function list(globs: readonly string[]): string {
  return globs.length === 0 ? "(none)" : globs.map((g) => `\`${g}\``).join(", ");
}
