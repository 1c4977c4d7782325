import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { escapeText, MAX_REPORT_CHARS, renderReport } from "../../src/report/markdown.js";
import { parseSnapshot } from "../../src/snapshot/parse.js";
import type { Snapshot } from "../../src/snapshot/schema.js";

const fixture = (week: string) => {
  const file = join(import.meta.dirname, `../fixtures/snapshots/${week}.json`);
  return parseSnapshot(readFileSync(file, "utf8"), file);
};

describe("report Markdown", () => {
  it("follows the plan's template with the week's figures and deltas", () => {
    const md = renderReport(fixture("2026-W47"), fixture("2026-W46"));
    const headings = md.split("\n").filter((l) => l.startsWith("## "));
    expect(headings).toEqual([
      "## North Star Metric",
      "## Core Metrics",
      "## Quality Metrics",
      "## Community Health",
      "## Release",
      "## Gates",
      "## Highlights",
      "## Challenges",
      "## Next Week Focus",
    ]);
    expect(md).toMatch(/^# Week 2 Post-Launch Report \(2026-W47\)/);
    expect(md).toContain("**Status: 🟡 yellow**");
    expect(md).toContain("- Downloads (cumulative): 420 (+280 this week)");
    expect(md).toContain("- GitHub stars: 455 (+145 this week)");
    expect(md).toContain("**Active Weekly Users**: 172");
    expect(md).toContain("- P0 bugs: 0 open (0 new, 1 fixed)");
    expect(md).toContain("| P1 | 6 | 1 | 0 | 0 | 85.7 % |");
  });

  it("says what a delta spans when the previous snapshot is not the week before", () => {
    // W47 missing: W48's deltas are against W46, two weeks of change, not "this week".
    const w46 = fixture("2026-W46");
    const w48 = { ...fixture("2026-W48"), previousWeek: "2026-W46" };
    const md = renderReport(w48, w46);
    expect(md).toMatch(/- Downloads \(cumulative\): [\d,]+ \([+-]\d+ since 2026-W46\)/);
    expect(md).toMatch(/- GitHub stars: \d+ \([+-]\d+ since 2026-W46\)/);
    expect(md).not.toContain("this week)");
    const awu = (value: number) => ({ ...w46.metrics[0], name: "awu", unit: "", value }) as Snapshot["metrics"][number];
    const withAwu = renderReport({ ...w48, metrics: [awu(150)] }, { ...w46, metrics: [awu(100)] });
    expect(withAwu).toContain("**Active Weekly Users**: 150 (+50.0 % since 2026-W46)");
  });

  it("writes unknown for unknown figures, never 0", () => {
    const s = fixture("2026-W46");
    const md = renderReport({ ...s, downloads: { total: null, delta: null }, stars: { total: null, delta: null } });
    expect(md).toContain("- Downloads (cumulative): unknown\n");
    expect(md).toContain("- GitHub stars: unknown\n");
  });

  it("escapes untrusted text and defuses mentions", () => {
    expect(escapeText("<script>alert(1)</script> *bold* @maria [x](javascript:1)")).toBe(
      "\\<script\\>alert(1)\\</script\\> \\*bold\\* @\u200bmaria \\[x\\](javascript:1)",
    );
    expect(escapeText("line one\n## heading")).toBe("line one \\#\\# heading");
    const s = fixture("2026-W46");
    const md = renderReport({ ...s, notes: { ...s.notes, highlights: ["<img src=x onerror=alert(1)>"] } });
    expect(md).toContain("- \\<img src=x onerror=alert(1)\\>");
    expect(md).not.toMatch(/(^|[^\\])<img/m);
  });

  it("shortens long text without splitting a character, and keeps $ out of GitHub's math", () => {
    // 298 ASCII characters, then emoji (two UTF-16 units each): the cut fell inside one.
    const cut = escapeText(`${"a".repeat(298)}${"🚀".repeat(10)}`);
    expect(cut).toBe(`${"a".repeat(298)}…`);
    expect(cut).not.toMatch(/[\uD800-\uDFFF]/);
    expect(escapeText("Überprüfung 日本語 🚀")).toBe("Überprüfung 日本語 🚀");
    // GitHub renders $…$ as LaTeX in issue bodies and job summaries.
    expect(escapeText("costs $5 or $10")).toBe("costs \\$5 or \\$10");
  });

  it("stays within 65,536 characters, cutting lists with …and N more", () => {
    const s = fixture("2026-W46");
    const breach = s.sla.breaches[0] as Snapshot["sla"]["breaches"][number];
    const big: Snapshot = {
      ...s,
      sla: {
        ...s.sla,
        breaches: Array.from({ length: 5000 }, (_, i) => ({ ...breach, number: i + 1, title: "x".repeat(200) })),
      },
      notes: { ...s.notes, highlights: Array.from({ length: 3000 }, (_, i) => `Highlight ${i} ${"y".repeat(100)}`) },
    };
    const md = renderReport(big);
    expect(md.length).toBeLessThanOrEqual(MAX_REPORT_CHARS);
    expect(md).toMatch(/- …and \d+ more/);
    expect(md).toContain("## Next Week Focus");
    // A report that fits is not cut.
    expect(renderReport(s)).not.toContain("…and");
  });
});
