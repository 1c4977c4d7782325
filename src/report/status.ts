import { type MetricTarget, meetsTarget } from "../metrics/target.js";
import type { Decision, SnapshotMetric, SnapshotStatusReason, StatusColor } from "../snapshot/schema.js";
import type { Period, ReportConfig } from "./config.js";

/**
 * The week's colour, from the plan's success criteria: red when a must-have fails (an open P0,
 * error or crash rate at or over its limit, more open P1s than weeks 1–2 allow), yellow when a
 * target is missed (from week 3: fewer than 5 open P1s) or a must-have metric has no value in the
 * week (no data is not green), green otherwise. The colour never contradicts the release decision
 * without saying why: a rollback makes the week red, a hotfix or a considered rollback at least
 * yellow, each with the rule that calls for it as the reason.
 */

export interface StatusInput {
  period: Period;
  /** Open at the week's end; null when unknown. */
  p0Open: number | null;
  p1Open: number | null;
  metrics: readonly SnapshotMetric[];
  /** The release decision at the same instant and the first rule behind it; null when unknown. */
  decision?: { decision: Decision; rule: string | null } | null;
}

export interface WeekStatus {
  overall: StatusColor;
  reasons: SnapshotStatusReason[];
}

export function weekStatus(input: StatusInput, config: ReportConfig): WeekStatus {
  const mustHave = config.status.must_have;
  const reasons: SnapshotStatusReason[] = [];
  if (input.p0Open !== null && input.p0Open > mustHave.p0_open_max) {
    reasons.push({
      rule: "open-p0",
      level: "red",
      message: `${input.p0Open} P0 issue${input.p0Open === 1 ? " is" : "s are"} open (must-have: at most ${mustHave.p0_open_max})`,
    });
  }
  const p1Limit = mustHave.p1_open_max[input.period];
  if (input.p1Open !== null && p1Limit !== null && input.p1Open > p1Limit) {
    reasons.push({
      rule: "p1-over-limit",
      level: "red",
      message: `${input.p1Open} P1 issue${input.p1Open === 1 ? " is" : "s are"} open (must-have: at most ${p1Limit} ${periodText(input.period)})`,
    });
  }
  const p1Below = config.status.p1_open_below[input.period];
  if (input.p1Open !== null && p1Below !== null && input.p1Open >= p1Below) {
    reasons.push({
      rule: "p1-target",
      level: "yellow",
      message: `${input.p1Open} P1 issues are open (target: fewer than ${p1Below} ${periodText(input.period)})`,
    });
  }
  const decision = input.decision;
  if (decision && DECISION_LEVEL[decision.decision]) {
    const why = decision.rule ? `: ${decision.rule}` : "";
    reasons.push({
      rule: `decision:${decision.decision}`,
      level: DECISION_LEVEL[decision.decision] as "red" | "yellow",
      message: `the release decision is ${DECISION_WORDS[decision.decision]}${why}`,
    });
  }
  for (const metric of input.metrics) {
    // A source that failed leaves the metric unknown: never green on data nobody could read.
    if (metric.status === "unknown" && metric.reason !== undefined) {
      reasons.push({
        rule: `unknown:${metric.name}`,
        level: "yellow",
        message: `${metric.name} is unknown: ${metric.reason}`,
      });
      continue;
    }
    if (metric.status === "unknown" && metric.level === "must-have") {
      reasons.push({
        rule: `no-data:${metric.name}`,
        level: "yellow",
        message: `${metric.name} has no value this week (must-have ${comparisonText(metric)}): no data is not green`,
      });
    }
    if (metric.status !== "missed") continue;
    const red = metric.level === "must-have";
    reasons.push({
      rule: `${red ? "must-have" : "target"}:${metric.name}`,
      level: red ? "red" : "yellow",
      message: `${metric.name} is ${formatValue(metric.value, metric.unit)}; ${red ? "must be" : "target"} ${comparisonText(metric)}`,
    });
  }
  const overall: StatusColor = reasons.some((r) => r.level === "red") ? "red" : reasons.length > 0 ? "yellow" : "green";
  // Red reasons first, then yellow, each in rule order as found.
  reasons.sort((a, b) => (a.level === b.level ? 0 : a.level === "red" ? -1 : 1));
  return { overall, reasons };
}

/** A metric's entry: its value in the week against the target that applies. */
export function metricEntry(
  name: string,
  value: number | null,
  unit: string,
  target: MetricTarget | null,
  level: SnapshotMetric["level"],
): SnapshotMetric {
  const bound = target ? primaryBound(target) : null;
  const status = value === null ? "unknown" : target === null || meetsTarget(value, target) ? "ok" : "missed";
  return {
    name,
    value,
    worst: null,
    unit,
    target: bound?.value ?? null,
    comparison: bound?.comparison ?? null,
    level,
    status,
  };
}

/** The bound shown with a metric ("< 5"); a two-sided target shows its first bound. */
function primaryBound(
  target: MetricTarget,
): { value: number; comparison: NonNullable<SnapshotMetric["comparison"]> } | null {
  if (target.below !== undefined) return { value: target.below, comparison: "<" };
  if (target.atMost !== undefined) return { value: target.atMost, comparison: "<=" };
  if (target.above !== undefined) return { value: target.above, comparison: ">" };
  if (target.atLeast !== undefined) return { value: target.atLeast, comparison: ">=" };
  return null;
}

export function formatValue(value: number | null, unit: string): string {
  if (value === null) return "unknown";
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
  return unit === "%" ? `${text} %` : unit ? `${text} ${unit}` : text;
}

const SYMBOLS = { "<": "<", "<=": "≤", ">": ">", ">=": "≥", "=": "=" } as const;

/** The colour a release decision demands of the week at least. */
const DECISION_LEVEL: Partial<Record<Decision, "red" | "yellow">> = {
  rollback: "red",
  "consider-rollback": "yellow",
  hotfix: "yellow",
};
const DECISION_WORDS: Record<Decision, string> = {
  rollback: "roll back",
  "consider-rollback": "consider a rollback",
  hotfix: "hotfix",
  patch: "patch release",
  feature: "feature release",
  none: "none",
};

/** "< 5 %", "≥ 200". */
export function comparisonText(metric: SnapshotMetric): string {
  if (metric.comparison === null || metric.target === null) return "none";
  return `${SYMBOLS[metric.comparison]} ${formatValue(metric.target, metric.unit)}`;
}

function periodText(period: Period): string {
  switch (period) {
    case "launch_day":
      return "on launch day";
    case "week1":
      return "in week 1";
    case "week2":
      return "in week 2";
    case "weeks3_4":
      return "in weeks 3–4";
    default:
      return "after the first month";
  }
}
