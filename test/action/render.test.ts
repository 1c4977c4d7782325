import { describe, expect, it } from "vitest";
import type { GateRun } from "../../src/action/gate/evaluate-pr.js";
import {
  COMMENT_MARKER,
  checkTitle,
  commentBody,
  commentMarker,
  gateAnnotations,
  gateTotals,
  neutralizeMentions,
  summaryMarkdown,
} from "../../src/action/gate/render.js";
import { parseGateDocument } from "../../src/gates/document.js";
import { evaluateGate } from "../../src/gates/evaluate.js";
import { toCheckFileResult } from "../../src/gates/result.js";
import { annotationBatches } from "../../src/github/checks.js";

function gateRun(
  md: string,
  options: { base?: string; unverified?: Map<number, string>; trust?: boolean } = {},
): GateRun {
  const doc = parseGateDocument(md, ".github/gates/release.md");
  const base = options.base ? parseGateDocument(options.base, ".github/gates/release.md") : undefined;
  const verdict = evaluateGate(doc, { ...(base ? { base } : {}), unverified: options.unverified ?? new Map() });
  return {
    headSha: "abcdef1234567890",
    release: true,
    releaseReason: "label `release`",
    gates: [
      {
        source: "file",
        path: doc.path,
        doc,
        verdict,
        result: toCheckFileResult(doc, verdict, base ? doc.path : null),
        existsAtHead: true,
      },
    ],
    skipped: [],
    signoff: options.trust ? "trust" : "verify",
    configSource: ".github/launchgate.yml at base 1234567",
    notes: [],
  };
}

describe("check run output", () => {
  it("titles with required items done and names unverified and removed items", () => {
    const run = gateRun("# G\n- [x] A @alice\n- [ ] B\n- [x] C\n", {
      base: "# G\n- [ ] A @alice\n- [ ] B\n- [ ] C\n- [ ] D\n",
      unverified: new Map([[2, "ticked by @mallory in abc1234; needs @alice"]]),
    });
    const totals = gateTotals(run);
    expect(totals).toEqual({ passed: false, required: 3, done: 1, unverified: 1, removed: 1 });
    expect(checkTitle(run, totals)).toBe("1/3 required items done, 1 sign-off unverified, 1 required item removed");
  });

  it("annotates every blocking line and each removed item", () => {
    const run = gateRun("# G\n- [x] A @alice\n- [ ] B\n- [x] ~~C~~\n", {
      base: "# G\n- [ ] A @alice\n- [ ] B\n- [ ] C\n- [ ] D\n",
      unverified: new Map([[2, "ticked by @mallory in abc1234; needs @alice"]]),
    });
    expect(gateAnnotations(run).map((a) => [a.start_line, a.title])).toEqual([
      [2, "Sign-off unverified"],
      [3, "Required item not ticked"],
      [4, "Waiver without a reason"],
      [1, "Required item removed"],
    ]);
    expect(gateAnnotations(run)[0]?.message).toBe("A @alice — ticked by @mallory in abc1234; needs @alice");
  });

  it("sends annotations in batches of 50", () => {
    const md = `# G\n${Array.from({ length: 120 }, (_, i) => `- [ ] item ${i}`).join("\n")}\n`;
    const batches = annotationBatches(gateAnnotations(gateRun(md)));
    expect(batches.map((b) => b.length)).toEqual([50, 50, 20]);
    expect(batches.flat().map((a) => a.start_line)).toEqual(Array.from({ length: 120 }, (_, i) => i + 2));
    expect(annotationBatches([])).toEqual([[]]);
  });

  it("says in the summary when sign-off verification is off", () => {
    const run = gateRun("- [x] A @alice\n", { trust: true });
    expect(summaryMarkdown(run, gateTotals(run))).toContain("Sign-off verification is off (`signoff: trust`)");
    expect(summaryMarkdown(gateRun("- [x] A @alice\n"), gateTotals(gateRun("- [x] A @alice\n")))).not.toContain(
      "signoff: trust",
    );
  });

  it("passes a PR that is not a release PR and says why", () => {
    const run: GateRun = { ...gateRun("- [ ] A\n"), release: false, releaseReason: "no release label", gates: [] };
    const totals = gateTotals(run);
    expect(totals.passed).toBe(true);
    expect(checkTitle(run, totals)).toBe("Not a release PR: no gate applies");
    expect(summaryMarkdown(run, totals)).toContain("not a release pull request (no release label)");
  });
});

describe("sticky comment", () => {
  it("starts with the hidden marker and pings nobody", () => {
    const run = gateRun("# Sign-off @acme/leads\n- [x] Ask @alice to check\n", {
      unverified: new Map([[2, "ticked by @mallory in abc1234; needs @alice"]]),
    });
    const body = commentBody(run, gateTotals(run), "launchgate / gates");
    expect(body.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
    expect(body).not.toMatch(/@[a-z]/i);
    expect(body).toContain("@\u200bmallory");
  });

  it("has its own marker for another check name, so two gate workflows do not share one comment", () => {
    const run = gateRun("# Gate\n- [x] Done\n");
    const own = commentBody(run, gateTotals(run), "launchgate / security");
    const marker = commentMarker("launchgate / security");
    expect(own.startsWith(`${marker}\n`)).toBe(true);
    expect(own.startsWith(COMMENT_MARKER)).toBe(false);
    expect(commentBody(run, gateTotals(run), "launchgate / gates").startsWith(marker)).toBe(false);
    // A name cannot end the HTML comment early.
    expect(commentMarker("x --> y")).toMatch(/^<!-- launchgate:gates check="x {2}y" -->$/);
  });

  it("neutralises mentions but leaves e-mail-like text readable", () => {
    expect(neutralizeMentions("thanks @bob and @acme/team")).toBe("thanks @\u200bbob and @\u200bacme/team");
    expect(neutralizeMentions("@ alone")).toBe("@ alone");
  });
});
