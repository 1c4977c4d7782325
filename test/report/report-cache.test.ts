import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bodyFromSections, formSections, simpleSections } from "../../src/github/form-sections.js";
import { decodeCache, emptyCache, encodeCache, type ReportCache } from "../../src/github/report-cache.js";
import type { CachedIssue } from "../../src/github/report-records.js";
import { formField } from "../../src/triage/issue-form.js";

const FIELDS = ["Severity", "Affected users (%)"];

/** An issue as the scale target shapes them: 3 comments, 2 label events, form answers, a real-looking title. */
function record(n: number): CachedIssue {
  const c = 1_786_000_000 + n * 1_000;
  return {
    n,
    t: `Checkout fails with error ${n % 89} on step ${n % 7} after the ${n % 5 ? "iOS" : "Android"} update`,
    s: n % 4 === 0 ? "c" : "o",
    ...(n % 4 === 0 ? { r: "completed", x: c + 259_200 } : {}),
    c,
    u: c + 7_200,
    a: `user${n % 997}`,
    l: ["bug", ["P0", "P1", "P2", "P3"][n % 4] as string],
    f: [
      ["Severity", ["P0", "P1", "P2", "P3"][n % 4] as string],
      ["Affected users (%)", String(n % 30)],
    ],
    k: [
      [1_200, `user${n % 997}`, "NONE"],
      [2_400, "helper[bot]", "NONE"],
      [3_600, "maintainer", "MEMBER"],
    ],
    e: [
      ["+", 0, "bug"],
      ["+", 0, ["P0", "P1", "P2", "P3"][n % 4] as string],
    ],
  };
}

function cacheOf(issues: CachedIssue[]): ReportCache {
  return { ...emptyCache(FIELDS), since: "2026-11-20T00:00:00Z", issues };
}

describe("report cache format", () => {
  it("stores an issue with 3 comments and 2 label events in at most 200 bytes, compressed", () => {
    const N = 5000;
    const cache = cacheOf(Array.from({ length: N }, (_, i) => record(i + 1)));
    const bytes = encodeCache(cache);
    expect(bytes.length / N).toBeLessThanOrEqual(200);
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b])); // gzip
    expect(decodeCache(bytes, FIELDS)).toEqual(cache);
  });

  it("starts over (null) on anything it cannot trust: garbage, another version, other form fields, a malformed record", () => {
    const good = cacheOf([record(1)]);
    expect(decodeCache(null, FIELDS)).toBeNull();
    expect(decodeCache(Buffer.from("not gzip"), FIELDS)).toBeNull();
    expect(decodeCache(encodeCache({ ...good, version: 1 } as unknown as ReportCache), FIELDS)).toBeNull();
    expect(decodeCache(encodeCache(good), ["Severity"])).toBeNull();
    expect(decodeCache(encodeCache(good), ["Affected users (%)", "Severity"])).toBeNull();
    const bad = (patch: Record<string, unknown>) =>
      decodeCache(encodeCache(cacheOf([{ ...record(1), ...patch } as CachedIssue])), FIELDS);
    expect(bad({ s: "open" })).toBeNull();
    expect(bad({ c: "2026-11-01" })).toBeNull();
    expect(bad({ k: [[1, "x"]] })).toBeNull();
    expect(bad({ e: [["x", 1]] })).toBeNull();
    expect(bad({ e: [["+", 1]] })).toBeNull();
    expect(bad({ l: "bug" })).toBeNull();
    // The honest variants of the same fields pass.
    expect(
      bad({
        s: "c",
        e: [
          ["c", 5, "not_planned"],
          ["r", 9],
          ["-", 10, "bug"],
        ],
      }),
    ).not.toBeNull();
  });

  it("keeps a body's form answers exactly, and nothing else of it", () => {
    const body =
      "### What happened?\n\nSecret details\n\n### Severity\n\nP1 — *high*: checkout\n\n### Affected users (%)\n\n_No response_\n";
    const sections = formSections(body, FIELDS);
    expect(sections).toEqual([
      ["Severity", "P1 — *high*: checkout"],
      ["Affected users (%)", ""],
    ]);
    const rebuilt = bodyFromSections(sections);
    expect(rebuilt).not.toContain("Secret");
    expect(formField(rebuilt, "Severity")).toBe("P1 — high: checkout");
    expect(formField(rebuilt, "Affected users (%)")).toBeNull();
  });

  it("cuts GitHub's issue-form bodies by lines, and leaves anything else to the Markdown parser", () => {
    const form =
      "### What happened?\r\n\r\nIt broke.\r\n\r\n### Severity\r\n\r\nP1\r\n\r\n### Affected users (%)\r\n\r\n_No response_";
    expect(simpleSections(form, FIELDS)).toEqual([
      ["Severity", "P1"],
      ["Affected users (%)", ""],
    ]);
    expect(simpleSections("### Severity ###\n\nP2\n", FIELDS)).toEqual([["Severity", "P2"]]);
    // A fence can hide a heading; a list, quote or setext line changes the blocks; markup in a heading changes its text.
    for (const body of [
      "```\n### Severity\nP0\n```\n### Severity\n\nP3",
      "### Severity\n\n- P1",
      "> ### Severity\n> P1",
      "Severity\n===\n\nP1",
      "### *Severity*\n\nP1",
      "### Severity\n\n    P1",
    ])
      expect(simpleSections(body, FIELDS), body).toBeNull();
    expect(
      formField(bodyFromSections(formSections("```\n### Severity\nP0\n```\n### Severity\n\nP3", FIELDS)), "Severity"),
    ).toBe("P3");
  });

  it("rebuilds bodies whose form answers read back the same, whatever Markdown the answers hold", () => {
    const word = fc.constantFrom(
      ...["P1", "25", "%", "high", "users", "about", "20.5", "é", "😀", "Severity", "no", "response", "_No response_"],
      ...["#", "##", "###", "*", "**x**", "-", "+", "1.", "2)", ">", "`code`", "```", "~~~", "_", "[x]", "[link](u)"],
      ...["[r]: /u", "<b>", "&amp;", "\\", "|", "~~", "===", "---", "    indented", "\t", "Affected users (%)"],
    );
    const line = fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(" "));
    const answer = fc.array(line, { minLength: 1, maxLength: 4 }).map((lines) => lines.join("\n"));
    const simpleAnswer = fc.constantFrom("P1", "P2 — high", "25", "25 %", "about 20", "_No response_", "", "a\nb");
    const heading = fc.constantFrom("#", "##", "###", "####");
    const name = fc.constantFrom(...FIELDS, "What happened?", "Steps");
    const section = fc.tuple(heading, name, fc.oneof(answer, simpleAnswer));
    const newline = fc.constantFrom("\n", "\r\n");
    fc.assert(
      fc.property(fc.array(section, { minLength: 1, maxLength: 4 }), newline, (sections, nl) => {
        const body = sections.map(([h, field, text]) => `${h} ${field}${nl}${nl}${text}${nl}`).join(nl);
        const rebuilt = bodyFromSections(formSections(body, FIELDS));
        for (const field of FIELDS) expect(formField(rebuilt, field)).toBe(formField(body, field));
      }),
      { numRuns: 600 },
    );
  });
});
