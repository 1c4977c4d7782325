import { describe, expect, it } from "vitest";
import { parseMetrics } from "../../src/metrics/parse.js";
import { evaluate } from "../criteria/build.js";
import { inputErrorOf } from "../support/input-error.js";

/** Names that are also properties of every plain object. */
const NAMES = ["constructor", "toString", "__proto__", "hasOwnProperty"];

describe("metric names that are Object.prototype properties", () => {
  it.each(NAMES)("CSV: %s is a metric like any other", (name) => {
    const csv = `metric,at,value\n${name},2026-11-05T11:00:00Z,3\n${name},2026-11-05T10:00:00Z,4\nuptime,2026-11-05T10:00:00Z,99\n`;
    const data = parseMetrics(csv, "m.csv");
    expect(Object.keys(data.metrics).sort()).toEqual([name, "uptime"].sort());
    expect(Object.hasOwn(data.metrics, name)).toBe(true);
    expect(data.metrics[name]?.samples.map((s) => [s.value, s.line])).toEqual([
      [4, 3],
      [3, 2],
    ]);
  });

  it.each(NAMES)("YAML and JSON: %s is a metric like any other", (name) => {
    const yaml = `metrics:\n  ${name}:\n    unit: ms\n    samples:\n      - { at: "2026-11-05T11:00:00Z", value: 3 }\n`;
    const json = JSON.stringify({
      metrics: JSON.parse(`{"${name}": {"unit": "ms", "samples": [{"at": "2026-11-05T11:00:00Z", "value": 3}]}}`),
    });
    for (const data of [parseMetrics(yaml, "m.yml"), parseMetrics(json, "m.json")]) {
      expect(Object.keys(data.metrics)).toEqual([name]);
      expect(data.metrics[name]).toMatchObject({ name, unit: "ms", samples: [{ value: 3 }] });
    }
  });

  it("YAML: a __proto__ metric is validated like the others", () => {
    const yaml = 'metrics:\n  __proto__:\n    samples:\n      - { at: "yesterday", value: 3 }\n';
    const error = inputErrorOf(() => parseMetrics(yaml, "m.yml"));
    expect(error.message).toContain("metrics.__proto__.samples.0.at");
    expect(error.line).toBe(4);
  });

  it("readiness does not take Object.prototype members for targets", () => {
    const metricsYaml = 'metrics:\n  constructor:\n    samples:\n      - { at: "2026-11-05T11:00:00Z", value: 3 }\n';
    const result = evaluate({ metricsYaml });
    expect(result.readinessParts.find((p) => p.id === "metrics")).toMatchObject({
      score: null,
      detail: "no metric with a target and a sample",
    });
  });
});
