import { describe, expect, it } from "vitest";
import { parseMetrics } from "../../src/metrics/parse.js";
import { inputErrorOf } from "../support/input-error.js";

/** CSV values are decimal numbers; JavaScript's other numeric spellings are typos, not data. */
describe("CSV metric values", () => {
  const csv = (value: string) => `metric,at,value\nerror_rate,2026-11-05T11:00:00Z,${value}\n`;
  const csvValue = (value: string) => parseMetrics(csv(value), "m.csv").metrics.error_rate?.samples[0]?.value;

  it("rejects hex, binary and octal spellings (0x10 is not 16 %)", () => {
    for (const value of ["0x10", "0b1", "0o7"]) {
      expect(inputErrorOf(() => parseMetrics(csv(value), "m.csv")).format()).toMatch(
        new RegExp(`^m\\.csv:2: row 1: "value" is "${value}", expected a number`),
      );
    }
  });

  it("accepts decimals, signs and exponents", () => {
    expect(csvValue("12.5")).toBe(12.5);
    expect(csvValue(".5")).toBe(0.5);
    expect(csvValue("+3")).toBe(3);
    expect(csvValue("1e1")).toBe(10);
    expect(csvValue("5.")).toBe(5);
  });
});
