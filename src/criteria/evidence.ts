import { ownEntry } from "../metrics/by-name.js";
import type { MetricSample } from "../metrics/types.js";
import type { RestIssue, RestPull } from "../model/rest.js";
import type { Facts, Release } from "./facts.js";
import type { Evidence, Level, RuleResult } from "./result.js";

export function issueEvidence(issue: RestIssue, text: string): Evidence {
  return { kind: "issue", number: issue.number, title: issue.title, url: issue.html_url ?? null, text };
}

export function pullEvidence(pull: RestPull, text: string): Evidence {
  return { kind: "pull", number: pull.number, title: pull.title, url: pull.html_url ?? null, text };
}

export function metricEvidence(facts: Facts, metric: string, sample: MetricSample, text: string): Evidence {
  // A sample read from Prometheus has no file line to link to.
  if (facts.input.metrics && ownEntry(facts.input.metrics.metrics, metric)?.query !== undefined) {
    return { kind: "metric", metric, at: sample.at, value: sample.value, file: "prometheus", line: 0, url: null, text };
  }
  const file = facts.input.metrics?.file ?? "";
  return {
    kind: "metric",
    metric,
    at: sample.at,
    value: sample.value,
    file,
    line: sample.line,
    url: facts.input.metricUrl?.(file, sample.line) ?? null,
    text,
  };
}

export function releaseEvidence(release: Release, text: string): Evidence {
  return { kind: "release", tag: release.tag, publishedAt: release.publishedAt, url: release.url, text };
}

export function note(text: string): Evidence {
  return { kind: "note", text };
}

/** A rule's result; `fires` maps to "fire" (or "consider" for consider-rollback rules). */
export function result(id: string, level: Level, rule: string, fires: boolean, evidence: Evidence[]): RuleResult {
  return { id, level, rule, outcome: fires ? (level === "consider-rollback" ? "consider" : "fire") : "pass", evidence };
}

/** A rule turned off in config: reported, never fires. */
export function disabled(id: string, level: Level, rule: string): RuleResult {
  return result(id, level, rule, false, [note(`disabled in config (criteria … enabled: false)`)]);
}

export function hoursBetween(from: number, to: number): string {
  const minutes = Math.floor((to - from) / 60_000);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function sinceRelease(facts: Facts): string {
  return facts.release ? `since ${facts.release.tag}` : "(no release yet: all history)";
}
