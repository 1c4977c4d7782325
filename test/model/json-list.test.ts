import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { parseJsonList } from "../../src/model/json-list.js";
import { restIssueSchema } from "../../src/model/rest.js";

const issue = (n: number) => ({
  number: n,
  title: `Issue ${n}`,
  state: "open",
  user: { login: "alice" },
  labels: [{ name: "P1" }],
  created_at: "2026-11-02T10:00:00Z",
});

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("parseJsonList", () => {
  it("concatenates the arrays that `gh api --paginate` prints page after page", () => {
    const text = `${JSON.stringify([issue(1), issue(2)])}\n${JSON.stringify([issue(3)])}\n`;
    const issues = parseJsonList(text, restIssueSchema, "issues.json");
    expect(issues.map((i) => i.number)).toEqual([1, 2, 3]);
    expect(issues[0]?.labels).toEqual(["P1"]);
  });

  it("names the JSON path of an invalid element", () => {
    const bad = [issue(1), { ...issue(2), labels: [{ nam: "P1" }] }];
    const error = errorOf(() => parseJsonList(JSON.stringify(bad), restIssueSchema, "issues.json"));
    expect(error.format()).toMatch(/^issues\.json: \$\[1\]\.labels\[0\]/);
  });

  it("gives line and column of a syntax error and rejects non-arrays and truncation", () => {
    expect(errorOf(() => parseJsonList('[\n  {"number": 1,,}\n]', restIssueSchema, "a.json")).line).toBe(2);
    expect(errorOf(() => parseJsonList('{"number": 1}', restIssueSchema, "a.json")).message).toMatch(
      /expected a JSON array/,
    );
    expect(errorOf(() => parseJsonList('[{"number": 1', restIssueSchema, "a.json")).message).toMatch(/truncated/);
    expect(errorOf(() => parseJsonList("", restIssueSchema, "a.json")).message).toMatch(/no JSON array/);
  });
});
