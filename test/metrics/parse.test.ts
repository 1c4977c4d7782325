import { describe, expect, it } from "vitest";
import { parseMetrics } from "../../src/metrics/parse.js";
import { inputErrorOf } from "../support/input-error.js";

const errorOf = (fn: () => unknown): string => inputErrorOf(fn).format();

const yaml = `metrics:
  error_rate:
    unit: "%"
    samples:
      - at: 2026-11-05T11:01:00Z
        value: 2.5
      - at: 2026-11-05T12:00:00+02:00
        value: 1
  p95_latency_ms:
    unit: ms
    target: { atMost: 800 }
    samples: []
`;

describe("metrics files", () => {
  it("YAML: series sorted by instant (offsets honoured), with lines", () => {
    const data = parseMetrics(yaml, "m.yml");
    const errorRate = data.metrics.error_rate;
    expect(errorRate?.unit).toBe("%");
    // 12:00+02:00 is 10:00Z, before 11:01Z.
    expect(errorRate?.samples.map((s) => [s.value, s.line])).toEqual([
      [1, 7],
      [2.5, 5],
    ]);
    expect(data.metrics.p95_latency_ms?.target).toEqual({ atMost: 800 });
  });

  it("JSON and CSV give the same series", () => {
    const json = JSON.stringify(
      { metrics: { uptime: { samples: [{ at: "2026-11-05T11:00:00Z", value: 99.9 }] } } },
      null,
      2,
    );
    const csv = "metric,at,value\r\nuptime,2026-11-05T11:00:00Z,99.9\r\n";
    const fromJson = parseMetrics(json, "m.json").metrics.uptime?.samples.map((s) => [s.at, s.value]);
    const fromCsv = parseMetrics(csv, "m.csv").metrics.uptime?.samples.map((s) => [s.at, s.value]);
    expect(fromJson).toEqual([["2026-11-05T11:00:00Z", 99.9]]);
    expect(fromCsv).toEqual(fromJson);
  });

  it("CSV: quoted fields, a unit column, a BOM and blank lines", () => {
    const csv = '\uFEFFmetric,at,value,unit\n\n"error_rate","2026-11-05T11:00:00Z",3,"%"\n';
    const data = parseMetrics(csv, "m.csv");
    expect(data.metrics.error_rate).toMatchObject({ unit: "%", samples: [{ value: 3, line: 3 }] });
  });

  it("CSV errors name the row and line", () => {
    const bad = "metric,at,value\nerror_rate,2026-11-05T11:00:00Z,1\nerror_rate,2026-11-05 11:01,2\n";
    expect(errorOf(() => parseMetrics(bad, "m.csv"))).toMatch(
      /^m\.csv:3: row 2: "at" is "2026-11-05 11:01", expected an ISO-8601 time with an offset/,
    );
    expect(errorOf(() => parseMetrics("metric,at,value\nuptime,2026-11-05T11:00:00Z,99%\n", "m.csv"))).toMatch(
      /^m\.csv:2: row 1: "value" is "99%", expected a number/,
    );
    expect(errorOf(() => parseMetrics("metric,at,value\nuptime,2026-11-05T11:00:00Z\n", "m.csv"))).toMatch(
      /^m\.csv:2: row 1: 2 fields, the header has 3/,
    );
    expect(errorOf(() => parseMetrics("metric,time,value\n", "m.csv"))).toMatch(/^m\.csv:1: unknown CSV column "time"/);
    expect(errorOf(() => parseMetrics('metric,at,value\n"uptime,2026\n', "m.csv"))).toMatch(
      /^m\.csv:2: unterminated quoted field/,
    );
  });

  it("YAML and JSON errors name the line", () => {
    const noOffset = "metrics:\n  uptime:\n    samples:\n      - at: 2026-11-05T11:00:00\n        value: 99\n";
    expect(errorOf(() => parseMetrics(noOffset, "m.yml"))).toMatch(
      /^m\.yml:4:\d+: "metrics.uptime.samples.0.at": expected an ISO-8601 time/,
    );
    expect(errorOf(() => parseMetrics("metrics:\n  uptime:\n    sample: []\n", "m.yml"))).toMatch(
      /^m\.yml:3:5: "metrics\.uptime\.samples"/,
    );
    expect(
      errorOf(() =>
        parseMetrics('{\n  "metrics": {\n    "uptime": { "samples": [ { "at": "x", } ] }\n  }\n}', "m.json"),
      ),
    ).toMatch(/^m\.json:3: invalid JSON/);
    expect(
      errorOf(() =>
        parseMetrics(
          '{\n  "metrics": {\n    "uptime": { "samples": [ { "at": "2026-11-05T11:00:00Z", "value": "high" } ] }\n  }\n}',
          "m.json",
        ),
      ),
    ).toMatch(/^m\.json:3:\d+: "metrics.uptime.samples.0.value": expected a number/);
  });

  it("percent metrics must be 0–100 and one value per instant", () => {
    expect(
      errorOf(() =>
        parseMetrics(
          "metric,at,value\ncrash_rate,2026-11-05T11:00:00Z,0.5\ncrash_rate,2026-11-05T11:01:00Z,120\n",
          "m.csv",
        ),
      ),
    ).toMatch(/^m\.csv:3: crash_rate 120 is outside 0–100/);
    const dup = "metric,at,value\nuptime,2026-11-05T11:00:00Z,99\nuptime,2026-11-05T13:00:00+02:00,98\n";
    expect(errorOf(() => parseMetrics(dup, "m.csv"))).toMatch(
      /^m\.csv:3: uptime has two samples at .* \(also line 2\)/,
    );
  });

  it("the file type comes from the extension", () => {
    expect(errorOf(() => parseMetrics("", "m.txt"))).toMatch(/unknown metrics file type/);
    expect(errorOf(() => parseMetrics("", "m.csv"))).toMatch(/empty CSV file/);
    expect(errorOf(() => parseMetrics("", "m.yml"))).toMatch(/^m\.yml/);
  });
});
