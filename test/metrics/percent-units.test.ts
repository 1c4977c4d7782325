import { describe, expect, it } from "vitest";
import { parseMetrics } from "../../src/metrics/parse.js";
import { inputErrorOf } from "../support/input-error.js";

function expectInputError(fn: () => unknown, want: { file: string; line: number; message: RegExp }): void {
  const error = inputErrorOf(fn);
  expect(error).toMatchObject({ file: want.file, line: want.line });
  expect(error.message).toMatch(want.message);
}

/** A percent metric given as a fraction is scaled once, when read; an unknown unit is an error with its line. */
describe("units of percent metrics", () => {
  const yaml = (unit: string, value: number) =>
    `metrics:\n  error_rate:\n    unit: ${unit}\n    samples:\n      - { at: "2026-11-02T10:00:00Z", value: ${value} }\n`;

  it.each([
    ["ratio", 0.12, 12],
    ["ratio", 0.001, 0.1],
    ["ratio", 1, 100],
    ["fraction", 0.5, 50],
    ['"%"', 12, 12],
    ["percent", 0.12, 0.12],
  ])("unit %s, value %s is %s %%", (unit, value, percent) => {
    const series = parseMetrics(yaml(unit, value), "m.yml").metrics.error_rate;
    expect(series?.samples[0]?.value).toBe(percent);
    expect(series?.unit).toBe("%");
  });

  it("reads a CSV unit column the same way", () => {
    const csv =
      "metric,at,value,unit\ncrash_rate,2026-11-02T10:00:00Z,0.002,ratio\nuptime,2026-11-02T10:00:00Z,99.5,\n";
    const data = parseMetrics(csv, "m.csv");
    expect(data.metrics.crash_rate?.samples[0]?.value).toBe(0.2);
    expect(data.metrics.uptime?.samples[0]?.value).toBe(99.5);
  });

  it("an unknown unit on a percent metric is an error naming the file and the unit's line", () => {
    expectInputError(() => parseMetrics(yaml("ms", 12), "m.yml"), { file: "m.yml", line: 3, message: /unit "ms"/ });
    const csv = "metric,at,value,unit\nuptime,2026-11-02T10:00:00Z,99,\nuptime,2026-11-02T11:00:00Z,0.99,per-mille\n";
    expectInputError(() => parseMetrics(csv, "m.csv"), { file: "m.csv", line: 3, message: /unit "per-mille"/ });
  });

  it("a ratio outside 0–1 is an error at its sample's line (12 with unit ratio is a typo, not 1200 %)", () => {
    expectInputError(() => parseMetrics(yaml("ratio", 12), "m.yml"), {
      file: "m.yml",
      line: 5,
      message: /outside 0–1/,
    });
  });

  it("other metrics keep their unit and value", () => {
    const text =
      'metrics:\n  p95_ms:\n    unit: ms\n    samples:\n      - { at: "2026-11-02T10:00:00Z", value: 0.12 }\n';
    const series = parseMetrics(text, "m.yml").metrics.p95_ms;
    expect(series).toMatchObject({ unit: "ms", samples: [{ value: 0.12 }] });
  });
});
