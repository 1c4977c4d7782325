import { describe, expect, it } from "vitest";
import { type PullRequestInfo, withCurrentState } from "../../src/action/gate/pull-request.js";
import { InputError } from "../../src/errors.js";
import { globProblem, globToRegExp, matchesAny } from "../../src/gates/glob.js";
import { gateApplies, matchRelease, type ReleaseRule } from "../../src/gates/release.js";

const rule: ReleaseRule = { head: ["release/*"], labels: ["release", "release:*"], title: "^release\\b" };
const pr = (over: Partial<{ base: string; head: string; labels: string[]; title: string }> = {}) => ({
  base: "main",
  head: "feature/x",
  labels: [],
  title: "Add a button",
  ...over,
});

describe("globs", () => {
  it("matches *, **, ? and {a,b} like path globs", () => {
    expect(matchesAny(".github/gates/gate5.md", [".github/gates/*.md"])).toBe(true);
    expect(matchesAny(".github/gates/sub/gate5.md", [".github/gates/*.md"])).toBe(false);
    expect(matchesAny("docs/a/b/gate.md", ["docs/**/*.md"])).toBe(true);
    expect(matchesAny("docs/gate.md", ["docs/**/*.md"])).toBe(true);
    expect(matchesAny("release-1.2", ["release-?.?"])).toBe(true);
    expect(globToRegExp("{main,release/*}").test("release/2.0")).toBe(true);
    expect(globToRegExp("a.b").test("axb")).toBe(false);
    // Character classes are globs (picomatch), not literal brackets.
    expect(matchesAny("release/v1", ["release/v[0-9]*"])).toBe(true);
    expect(matchesAny("release/vx", ["release/v[0-9]*"])).toBe(false);
    expect(globProblem("release/v[0-9")).toMatch(/invalid glob/);
  });

  it("rejects a { … } group that is not closed as input, not with a regular expression crash", () => {
    expect(() => globToRegExp("release/{1,2")).toThrow(InputError);
    expect(() => globToRegExp("release/{1,2")).toThrow(/group is not closed/);
    expect(globProblem("release/{1,2")).toMatch(/release\/\{1,2/);
    expect(globProblem("release/{1,2}")).toBeNull();
    // A lone closing brace is literal.
    expect(globToRegExp("a}b").test("a}b")).toBe(true);
  });
});

describe("matchRelease", () => {
  it("recognises a release PR by head branch, label or title", () => {
    expect(matchRelease(pr({ head: "release/2.0" }), rule).release).toBe(true);
    expect(matchRelease(pr({ labels: ["bug", "release:major"] }), rule)).toMatchObject({
      release: true,
      reason: "label `release:major`",
    });
    expect(matchRelease(pr({ title: "Release 2.0" }), rule).release).toBe(true);
    expect(matchRelease(pr({ title: "Released notes fix" }), rule).release).toBe(false);
  });

  it("requires the base branch when one is configured", () => {
    const onlyMain = { ...rule, base: ["main"] };
    expect(matchRelease(pr({ base: "develop", head: "release/2.0" }), onlyMain)).toMatchObject({
      release: false,
      reason: "base branch `develop` is not one of `main`",
    });
    expect(matchRelease(pr({ head: "release/2.0" }), onlyMain).release).toBe(true);
  });

  it("explains why an ordinary PR is not a release PR", () => {
    expect(matchRelease(pr(), rule).reason).toContain("head branch `feature/x` is not `release/*`");
  });
});

describe("gateApplies", () => {
  it("applies without constraints and needs every given constraint", () => {
    expect(gateApplies(pr(), undefined)).toBe(true);
    expect(gateApplies(pr({ labels: ["hotfix"] }), { labels: ["hotfix"], base: ["main"] })).toBe(true);
    expect(gateApplies(pr({ labels: ["hotfix"] }), { labels: ["hotfix"], base: ["release/*"] })).toBe(false);
    expect(gateApplies(pr(), { head: ["release/*"] })).toBe(false);
  });
});

describe("the event's PR with its current state", () => {
  const info = (over: Partial<PullRequestInfo> = {}): PullRequestInfo => ({
    number: 12,
    body: "event body",
    baseSha: "b1",
    headSha: "h1",
    fromFork: false,
    ...pr(),
    ...over,
  });

  it("reads labels from both views, title, body and base from now, the head commit from the event", () => {
    const merged = withCurrentState(
      info({ labels: ["bug"], title: "Release 1.0" }),
      info({ labels: ["release"], title: "Bump", body: "now body", headSha: "h2", baseSha: "b2" }),
    );
    expect(merged).toMatchObject({ labels: ["release", "bug"], title: "Bump", body: "now body", headSha: "h1" });
    // A PR retargeted since its event is judged against its current base.
    expect(merged.baseSha).toBe("b2");
    expect(merged.otherTitles).toEqual(["Release 1.0"]);
  });

  it("is a release PR when either view says so", () => {
    const renamed = withCurrentState(info({ title: "Release 1.0" }), info({ title: "Bump" }));
    expect(matchRelease(renamed, rule)).toMatchObject({ release: true });
    const labelled = withCurrentState(info(), info({ labels: ["release"] }));
    expect(matchRelease(labelled, rule)).toMatchObject({ release: true, reason: "label `release`" });
    expect(matchRelease(withCurrentState(info(), info()), rule).release).toBe(false);
  });
});
