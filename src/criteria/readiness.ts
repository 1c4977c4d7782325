import { ownEntry } from "../metrics/by-name.js";
import { describeTarget, meetsTarget } from "../metrics/target.js";
import { DEFAULT_TARGETS } from "./config.js";
import type { Facts } from "./facts.js";
import type { ReadinessPart } from "./result.js";

/**
 * The readiness score, 0–100, for the next release. The one place the formula lives (documented
 * in docs/criteria.md):
 *
 *   readiness = round(100 × Σ weightᵢ × scoreᵢ / Σ weightᵢ), over the parts whose input is known
 *
 *   gates    required gate items done ÷ required gate items (1 when no item is required)
 *   p0       1 with no open P0, else 0
 *   p1       max(0, 1 − open P1s ÷ p1Limit)
 *   sla      max(0, 1 − SLA breaches ÷ slaBreachLimit)
 *   metrics  metrics meeting their target ÷ metrics with a target and a sample (latest sample ≤ now)
 *
 * Default weights 30/25/15/15/15. A part without input (no gate, no SLA data, no metrics) is
 * shown with score null and left out, so missing data neither helps nor hurts.
 */
export function readiness(facts: Facts): { score: number; parts: ReadinessPart[] } {
  const { weights, p1Limit, slaBreachLimit } = facts.config.readiness;
  const openWith = (severity: string) =>
    facts.openIssues.filter((i) => facts.severity.get(i.number) === severity).length;
  const p0 = openWith("P0");
  const p1 = openWith("P1");
  const parts: Omit<ReadinessPart, "points">[] = [];

  const gates = facts.input.gates;
  if (gates && gates.length > 0) {
    const required = gates.reduce((n, g) => n + g.required, 0);
    const done = gates.reduce((n, g) => n + g.requiredDone, 0);
    parts.push({
      id: "gates",
      weight: weights.gates,
      score: required === 0 ? 1 : done / required,
      detail: `${done}/${required} required gate items done (${gates.map((g) => g.id).join(", ")})`,
    });
  } else parts.push({ id: "gates", weight: weights.gates, score: null, detail: "no gate evaluated" });

  parts.push({ id: "p0", weight: weights.p0, score: p0 === 0 ? 1 : 0, detail: `${p0} open P0` });
  parts.push({
    id: "p1",
    weight: weights.p1,
    score: Math.max(0, 1 - p1 / p1Limit),
    detail: `${p1} open P1 (zero at ${p1Limit})`,
  });

  const sla = facts.input.sla;
  if (sla) {
    const breaches = sla.breaches;
    parts.push({
      id: "sla",
      weight: weights.sla,
      score: Math.max(0, 1 - breaches.length / slaBreachLimit),
      detail: `${breaches.length} SLA breach(es) in ${sla.clocks} (zero at ${slaBreachLimit})`,
    });
  } else parts.push({ id: "sla", weight: weights.sla, score: null, detail: "no SLA data" });

  parts.push(metricHealth(facts, weights.metrics));

  const known = parts.filter((p) => p.score !== null && p.weight > 0);
  const total = known.reduce((n, p) => n + p.weight, 0);
  const withPoints = parts.map((p) => ({
    ...p,
    points: p.score === null || total === 0 ? null : Math.round(((100 * p.weight * p.score) / total) * 10) / 10,
  }));
  const score = total === 0 ? 0 : Math.round((100 * known.reduce((n, p) => n + p.weight * (p.score ?? 0), 0)) / total);
  return { score, parts: withPoints };
}

function metricHealth(facts: Facts, weight: number): Omit<ReadinessPart, "points"> {
  const metrics = facts.input.metrics;
  if (!metrics) return { id: "metrics", weight, score: null, detail: "no metrics file" };
  const checks: string[] = [];
  let healthy = 0;
  for (const series of Object.values(metrics.metrics)) {
    const target =
      ownEntry(facts.config.targets, series.name) ?? series.target ?? ownEntry(DEFAULT_TARGETS, series.name);
    const latest = series.samples.filter((s) => s.time <= facts.now).at(-1);
    if (!target || !latest) continue;
    const ok = meetsTarget(latest.value, target);
    if (ok) healthy++;
    checks.push(`${series.name} ${latest.value} ${ok ? "meets" : "misses"} ${describeTarget(target)}`);
  }
  // A metric a source could not read counts as missing its target: unknown is not healthy.
  for (const name of Object.keys(metrics.unknown ?? {})) {
    const target = ownEntry(facts.config.targets, name) ?? ownEntry(DEFAULT_TARGETS, name);
    if (target) checks.push(`${name} unknown, counted as missing ${describeTarget(target)}`);
  }
  if (checks.length === 0)
    return { id: "metrics", weight, score: null, detail: "no metric with a target and a sample" };
  return {
    id: "metrics",
    weight,
    score: healthy / checks.length,
    detail: `${healthy}/${checks.length} healthy: ${checks.join("; ")}`,
  };
}
