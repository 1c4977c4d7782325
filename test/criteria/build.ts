import { defaultConfig } from "../../src/config/load.js";
import { criteriaConfigSchema } from "../../src/criteria/config.js";
import { evaluateCriteria } from "../../src/criteria/evaluate.js";
import type { CriteriaInput } from "../../src/criteria/facts.js";
import type { CriteriaResult, RuleResult } from "../../src/criteria/result.js";
import { decisionSeverityOf } from "../../src/criteria/severity.js";
import { parseMetrics } from "../../src/metrics/parse.js";
import {
  type RestIssue,
  type RestPull,
  type RestRelease,
  restIssueSchema,
  restPullSchema,
  restReleaseSchema,
} from "../../src/model/rest.js";

/** Builders for GitHub REST-shaped test data; times default around a release on 2026-11-02 10:00Z. */
export const RELEASE_AT = "2026-11-02T10:00:00Z";
export const NOW = "2026-11-05T12:00:00Z";

let next = 1;

export function issue(fields: Partial<Record<keyof RestIssue, unknown>> & { labels?: string[] } = {}): RestIssue {
  return restIssueSchema.parse({
    number: next++,
    title: "an issue",
    state: "open",
    user: { login: "reporter" },
    labels: [],
    created_at: "2026-11-03T09:00:00Z",
    html_url: "https://github.com/acme/app/issues/0",
    ...fields,
  });
}

/** A closed-as-completed issue. */
export function fixed(fields: Partial<Record<keyof RestIssue, unknown>> & { labels?: string[] } = {}): RestIssue {
  return issue({ state: "closed", state_reason: "completed", closed_at: "2026-11-04T10:00:00Z", ...fields });
}

export function pull(fields: Partial<Record<keyof RestPull, unknown>> & { labels?: string[] } = {}): RestPull {
  return restPullSchema.parse({
    number: next++,
    title: "a change",
    state: "closed",
    user: { login: "dev" },
    labels: [],
    created_at: "2026-11-03T08:00:00Z",
    closed_at: "2026-11-04T10:00:00Z",
    merged_at: "2026-11-04T10:00:00Z",
    ...fields,
  });
}

export function release(fields: Partial<Record<keyof RestRelease, unknown>> = {}): RestRelease {
  return restReleaseSchema.parse({ tag_name: "v1.1.0", created_at: RELEASE_AT, published_at: RELEASE_AT, ...fields });
}

export interface Scenario {
  issues?: RestIssue[];
  pulls?: RestPull[];
  releases?: RestRelease[];
  metricsYaml?: string;
  now?: string;
  config?: unknown;
  launch?: CriteriaInput["launch"];
  extra?: Partial<CriteriaInput>;
}

export function evaluate(s: Scenario): CriteriaResult {
  return evaluateCriteria(
    {
      issues: s.issues ?? [],
      pulls: s.pulls ?? [],
      releases: s.releases ?? [release()],
      metrics: s.metricsYaml ? parseMetrics(s.metricsYaml, "metrics.yml") : null,
      now: new Date(s.now ?? NOW),
      launch: s.launch ?? { timezone: "UTC" },
      triage: defaultConfig.triage,
      severityOf: decisionSeverityOf(defaultConfig.triage),
      ...s.extra,
    },
    criteriaConfigSchema.parse(s.config ?? {}),
  );
}

export function rule(result: CriteriaResult, id: string): RuleResult {
  const found = result.rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}

export function outcome(s: Scenario, id: string): RuleResult["outcome"] {
  return rule(evaluate(s), id).outcome;
}

/** A metrics YAML with one series: [iso, value] pairs. */
export function series(name: string, points: [string, number][]): string {
  return [
    `metrics:`,
    `  ${name}:`,
    `    samples:`,
    ...points.map(([at, v]) => `      - { at: "${at}", value: ${v} }`),
  ].join("\n");
}
