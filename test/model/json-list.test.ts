import { describe, expect, it } from "vitest";
import * as z from "zod";
import { parseJsonList } from "../../src/model/json-list.js";
import { restIssueSchema } from "../../src/model/rest.js";
import { inputErrorOf } from "../support/input-error.js";

const issue = (n: number) => ({
  number: n,
  title: `Issue ${n}`,
  state: "open",
  user: { login: "alice" },
  labels: [{ name: "P1" }],
  created_at: "2026-11-02T10:00:00Z",
});

describe("parseJsonList", () => {
  it("reads one page of 300,000 values (a single exported array of a large repository)", () => {
    const numbers = Array.from({ length: 300_000 }, (_, i) => i);
    const values = parseJsonList(JSON.stringify(numbers), z.number(), "big.json");
    expect(values.length).toBe(300_000);
    expect(values.at(-1)).toBe(299_999);
  });

  it("concatenates the arrays that `gh api --paginate` prints page after page", () => {
    const text = `${JSON.stringify([issue(1), issue(2)])}\n${JSON.stringify([issue(3)])}\n`;
    const issues = parseJsonList(text, restIssueSchema, "issues.json");
    expect(issues.map((i) => i.number)).toEqual([1, 2, 3]);
    expect(issues[0]?.labels).toEqual(["P1"]);
  });

  it("names the JSON path of an invalid element", () => {
    const bad = [issue(1), { ...issue(2), labels: [{ nam: "P1" }] }];
    const error = inputErrorOf(() => parseJsonList(JSON.stringify(bad), restIssueSchema, "issues.json"));
    expect(error.format()).toMatch(/^issues\.json: \$\[1\]\.labels\[0\]/);
  });

  it("gives line and column of a syntax error and rejects non-arrays and truncation", () => {
    expect(inputErrorOf(() => parseJsonList('[\n  {"number": 1,,}\n]', restIssueSchema, "a.json")).line).toBe(2);
    expect(inputErrorOf(() => parseJsonList('{"number": 1}', restIssueSchema, "a.json")).message).toMatch(
      /expected a JSON array/,
    );
    expect(inputErrorOf(() => parseJsonList('[{"number": 1', restIssueSchema, "a.json")).message).toMatch(/truncated/);
    expect(inputErrorOf(() => parseJsonList("", restIssueSchema, "a.json")).message).toMatch(/no JSON array/);
  });
});
