import { describe, expect, it } from "vitest";
import type { RestIssue, RestPull } from "../../src/model/rest.js";
import { evaluate, fixed, outcome, pull, release, rule } from "./build.js";

/** n issues of a severity, each closed by its own merged PR after the release. */
function fixes(n: number, severity: string, extra: Parameters<typeof fixed>[0] = {}) {
  const issues: RestIssue[] = [];
  const pulls: RestPull[] = [];
  for (let i = 0; i < n; i++) {
    const it = fixed({ labels: [severity], ...extra });
    issues.push(it);
    pulls.push(pull({ body: `This change fixes #${it.number}.` }));
  }
  return { issues, pulls };
}

describe("patch.p1-fixes: ≥ 3 P1 issues fixed since the latest release", () => {
  it("exactly 3 fires, 2 does not", () => {
    expect(outcome(fixes(3, "P1"), "patch.p1-fixes")).toBe("fire");
    expect(outcome(fixes(2, "P1"), "patch.p1-fixes")).toBe("pass");
    expect(evaluate(fixes(3, "P1")).decision).toBe("patch");
  });

  it("a fix counts only when a merged PR closes it after the release", () => {
    const { issues, pulls } = fixes(3, "P1");
    const [first, second] = pulls;
    if (!first || !second) throw new Error("fixture");
    // Merged before the release: the fix shipped in it.
    const early = { ...first, merged_at: "2026-11-01T00:00:00Z" };
    expect(outcome({ issues, pulls: [early, ...pulls.slice(1)] }, "patch.p1-fixes")).toBe("pass");
    // Not merged (closed unmerged): no fix.
    const unmerged = { ...second, merged_at: null };
    expect(outcome({ issues, pulls: [first, unmerged, ...pulls.slice(2)] }, "patch.p1-fixes")).toBe("pass");
  });

  it("an issue closed as not planned is no fix; a PR without a closing keyword links nothing", () => {
    const { issues, pulls } = fixes(3, "P1");
    const notPlanned = issues.map((i, n) => (n === 0 ? { ...i, state_reason: "not_planned" } : i));
    expect(outcome({ issues: notPlanned, pulls }, "patch.p1-fixes")).toBe("pass");
    const mention = pulls.map((p, n) => (n === 0 ? { ...p, body: `Related to #${issues[0]?.number}` } : p));
    expect(outcome({ issues, pulls: mention }, "patch.p1-fixes")).toBe("pass");
  });

  it("live closingIssuesReferences replace body keywords", () => {
    const { issues, pulls } = fixes(3, "P1");
    const closingRefs = new Map(pulls.map((p) => [p.number, [] as number[]]));
    expect(outcome({ issues, pulls, extra: { closingRefs } }, "patch.p1-fixes")).toBe("pass");
  });

  it("with no previous release every fix counts", () => {
    const { issues, pulls } = fixes(3, "P1", { closed_at: "2026-10-01T00:00:00Z" });
    const old = pulls.map((p) => ({ ...p, merged_at: "2026-10-01T00:00:00Z" }));
    expect(outcome({ issues, pulls: old }, "patch.p1-fixes")).toBe("pass");
    expect(outcome({ issues, pulls: old, releases: [] }, "patch.p1-fixes")).toBe("fire");
    const r = rule(evaluate({ issues, pulls: old, releases: [] }), "patch.p1-fixes");
    expect(r.evidence[0]?.text).toContain("no release yet");
  });

  it("the latest published release is the reference: drafts and later releases are ignored", () => {
    const data = fixes(3, "P1");
    const later = release({ tag_name: "v1.2.0", published_at: "2026-11-04T12:00:00Z" });
    expect(outcome({ ...data, releases: [release(), later] }, "patch.p1-fixes")).toBe("pass");
    const draft = release({ tag_name: "v1.2.0", draft: true, published_at: null });
    expect(outcome({ ...data, releases: [release(), draft] }, "patch.p1-fixes")).toBe("fire");
    expect(outcome({ ...data, releases: [release(), later], now: "2026-11-04T11:00:00Z" }, "patch.p1-fixes")).toBe(
      "fire",
    );
  });

  it("prereleases count unless config excludes them", () => {
    const data = fixes(3, "P1");
    const beta = release({ tag_name: "v1.2.0-beta", prerelease: true, published_at: "2026-11-04T12:00:00Z" });
    expect(outcome({ ...data, releases: [release(), beta] }, "patch.p1-fixes")).toBe("pass");
    expect(
      outcome({ ...data, releases: [release(), beta], config: { includePrereleases: false } }, "patch.p1-fixes"),
    ).toBe("fire");
  });
});

describe("feature.p2-fixes: ≥ 5 P2 fixes", () => {
  it("5 fires, 4 does not", () => {
    expect(outcome(fixes(5, "P2"), "feature.p2-fixes")).toBe("fire");
    expect(outcome(fixes(4, "P2"), "feature.p2-fixes")).toBe("pass");
    expect(evaluate(fixes(5, "P2")).decision).toBe("feature");
  });
});

describe("patch.frequent-complaint", () => {
  it("a fix for an issue labeled frequent, or with ≥ 10 👍, fires; 9 👍 does not", () => {
    expect(outcome(fixes(1, "P3", { labels: ["frequent"] }), "patch.frequent-complaint")).toBe("fire");
    expect(outcome(fixes(1, "P3", { reactions: { "+1": 10 } }), "patch.frequent-complaint")).toBe("fire");
    expect(outcome(fixes(1, "P3", { reactions: { "+1": 9 } }), "patch.frequent-complaint")).toBe("pass");
    const config = { patch: { frequentComplaint: { thumbsUp: 5 } } };
    expect(outcome({ ...fixes(1, "P3", { reactions: { "+1": 5 } }), config }, "patch.frequent-complaint")).toBe("fire");
  });
});

describe("performance PRs", () => {
  const perf = (body: string) => ({ pulls: [pull({ labels: ["performance"], title: "Speed up startup", body })] });
  it("≥ 20 % is a patch, ≥ 30 % also a feature release (patch wins the decision)", () => {
    expect(outcome(perf("perf: 20%"), "patch.performance")).toBe("fire");
    expect(outcome(perf("perf: 19.9%"), "patch.performance")).toBe("pass");
    expect(outcome(perf("perf: 29.9%"), "feature.performance")).toBe("pass");
    expect(outcome(perf("perf: 30%"), "feature.performance")).toBe("fire");
    expect(evaluate(perf("perf: 30%")).decision).toBe("patch");
  });

  it("needs the performance label and a merge since the release", () => {
    expect(outcome({ pulls: [pull({ body: "perf: 50%" })] }, "patch.performance")).toBe("pass");
    const open = pull({ labels: ["performance"], body: "perf: 50%", state: "open", merged_at: null, closed_at: null });
    expect(outcome({ pulls: [open] }, "patch.performance")).toBe("pass");
  });
});

describe("feature PRs", () => {
  it("a merged feature/enhancement PR, or a ux PR, makes a feature release due", () => {
    expect(outcome({ pulls: [pull({ labels: ["enhancement"] })] }, "feature.feature-pr")).toBe("fire");
    expect(outcome({ pulls: [pull({ labels: ["Feature"] })] }, "feature.feature-pr")).toBe("fire");
    expect(outcome({ pulls: [pull({ labels: ["ux"] })] }, "feature.ux")).toBe("fire");
    expect(outcome({ pulls: [pull({ labels: ["docs"] })] }, "feature.feature-pr")).toBe("pass");
    expect(outcome({ pulls: [pull({ labels: ["feature"], merged_at: null })] }, "feature.feature-pr")).toBe("pass");
  });
});

describe("patch.end-of-week: the scheduled week-1 patch", () => {
  const launch = { date: "2026-11-02", timezone: "America/New_York" };
  const releases = [release({ published_at: "2026-11-02T15:00:00Z" })];
  it("is due from T+7 in the launch time zone", () => {
    // T+7 starts 2026-11-09 00:00 in New York = 05:00Z.
    expect(outcome({ launch, releases, now: "2026-11-09T04:59:00Z" }, "patch.end-of-week")).toBe("pass");
    expect(outcome({ launch, releases, now: "2026-11-09T05:00:00Z" }, "patch.end-of-week")).toBe("fire");
    expect(
      outcome({ launch: { ...launch, timezone: "UTC" }, releases, now: "2026-11-09T00:00:00Z" }, "patch.end-of-week"),
    ).toBe("fire");
  });

  it("stops being due once a release is published on or after T+7, or after T+13", () => {
    const patch = release({ tag_name: "v1.1.1", published_at: "2026-11-09T18:00:00Z" });
    expect(outcome({ launch, releases: [...releases, patch], now: "2026-11-10T12:00:00Z" }, "patch.end-of-week")).toBe(
      "pass",
    );
    expect(outcome({ launch, releases, now: "2026-11-15T12:00:00Z" }, "patch.end-of-week")).toBe("fire");
    expect(outcome({ launch, releases, now: "2026-11-16T12:00:00Z" }, "patch.end-of-week")).toBe("pass");
  });

  it("needs a launch date", () => {
    expect(outcome({ releases, now: "2026-11-09T12:00:00Z" }, "patch.end-of-week")).toBe("pass");
  });
});
