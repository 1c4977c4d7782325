import { describe, expect, it } from "vitest";
import { closingIssueNumbers } from "../../src/criteria/closing-keywords.js";

/**
 * GitHub links closing keywords in the rendered body only: a PR template's HTML comment or a
 * code sample that says `Fixes #12` closes nothing, so it must not count as a fix offline.
 */
describe("closing keywords outside prose", () => {
  it("ignores HTML comments, code blocks and inline code", () => {
    expect(closingIssueNumbers("Cache the index.\n\n<!-- e.g. Fixes #12 -->\n")).toEqual([]);
    expect(closingIssueNumbers("Example:\n\n```\nFixes #13\n```\n")).toEqual([]);
    expect(closingIssueNumbers("Write `Fixes #14` to link an issue.")).toEqual([]);
  });

  it("still reads the prose around them, in lists and headings too", () => {
    expect(closingIssueNumbers("<!-- template -->\n\n- Fixes #15\n\n## Resolves #16\n")).toEqual([15, 16]);
  });
});
