import { describe, expect, it } from "vitest";
import { closingIssueNumbers } from "../../src/criteria/closing-keywords.js";
import { performanceClaim } from "../../src/criteria/perf-claim.js";

describe("closingIssueNumbers: GitHub's closing keywords", () => {
  it("reads every keyword form, any case, optional colon", () => {
    const words = ["close", "closes", "closed", "fix", "fixes", "fixed", "resolve", "resolves", "resolved"];
    words.forEach((word, i) => {
      expect(closingIssueNumbers(`${word} #${i + 1}`)).toEqual([i + 1]);
    });
    expect(closingIssueNumbers("FIXES: #12 and Resolves #13")).toEqual([12, 13]);
  });

  it("ignores mentions, other repositories and words that merely contain a keyword", () => {
    expect(closingIssueNumbers("See #4; related to #5")).toEqual([]);
    expect(closingIssueNumbers("Fixes acme/other#4")).toEqual([]);
    expect(closingIssueNumbers("prefixes #4, hotfixes #5")).toEqual([]);
    expect(closingIssueNumbers(null)).toEqual([]);
  });
});

describe("performanceClaim", () => {
  it("reads an explicit perf: tag first, in title or body", () => {
    expect(performanceClaim("perf: 25% faster search", null)?.percent).toBe(25);
    expect(performanceClaim("Cache queries", "Summary\n\nperf: +32.5 %")).toMatchObject({
      percent: 32.5,
      source: "body",
    });
    expect(performanceClaim("Cache queries", "Performance: 40%\n\nStartup is 10% faster")?.percent).toBe(40);
  });

  it("reads phrases such as N% faster / quicker / speed-up / improvement / faster by N%", () => {
    expect(performanceClaim("Make startup 25% faster", null)?.percent).toBe(25);
    expect(performanceClaim("x", "Queries are now 30 % quicker.")?.percent).toBe(30);
    expect(performanceClaim("x", "A 22% speed-up on cold start")?.percent).toBe(22);
    expect(performanceClaim("x", "Gives a 21% performance improvement")?.percent).toBe(21);
    expect(performanceClaim("x", "Search is faster by 27%")?.percent).toBe(27);
  });

  it("takes the smallest of several figures", () => {
    expect(performanceClaim("Up to 60% faster", "Overall 18% faster; cold start 60% faster")?.percent).toBe(18);
  });

  it("ignores code, inline code, HTML comments, negations and unrelated percentages", () => {
    expect(performanceClaim("x", "<!-- e.g. perf: 25% -->\nNo measurements yet.")).toBeNull();
    expect(performanceClaim("x", "```\nperf: 40%\n50% faster\n```")).toBeNull();
    expect(performanceClaim("x", "Run `bench --target 50% faster`")).toBeNull();
    expect(performanceClaim("x", "This is not 25% faster, it is the same.")).toBeNull();
    expect(performanceClaim("x", "Coverage rose to 85%. CPU at 40%.")).toBeNull();
    expect(performanceClaim("perf: caching", null)).toBeNull();
    expect(performanceClaim("x", "1.25% faster")?.percent).toBe(1.25);
  });

  it("reads claims split by emphasis", () => {
    expect(performanceClaim("x", "Startup is **35%** faster")?.percent).toBe(35);
  });
});
