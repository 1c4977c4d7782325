import { describe, expect, it } from "vitest";
import { commitSigner } from "../../src/gates/signer.js";
import { mergeOrigin } from "../../src/gates/signoff.js";

const commit = (over: Partial<Parameters<typeof commitSigner>[0]>) => ({
  author: "alice",
  committer: "web-flow",
  verified: true,
  reason: "valid",
  ...over,
});

describe("commitSigner", () => {
  it("a web-editor commit GitHub signed is its author's", () => {
    expect(commitSigner(commit({}), "verify")).toEqual({ login: "alice" });
  });
  it("another verified commit is its committer's, whoever the author claims to be", () => {
    expect(commitSigner(commit({ committer: "mallory" }), "verify")).toEqual({ login: "mallory" });
  });
  it("an unsigned commit, even one naming web-flow, has no signer and says what to do", () => {
    const signer = commitSigner(commit({ committer: "web-flow", verified: false, reason: "unsigned" }), "verify");
    expect(signer).toEqual({ unverified: expect.stringMatching(/not signed.*web editor, or sign the commit/) });
  });
  it("a bad signature names GitHub's reason", () => {
    const signer = commitSigner(commit({ committer: "mallory", verified: false, reason: "bad_email" }), "verify");
    expect("unverified" in signer && signer.unverified).toMatch(/author @alice, committer @mallory.*bad_email/);
  });
  it("signoff: author trusts the author login", () => {
    expect(commitSigner(commit({ committer: "mallory", verified: false, reason: "unsigned" }), "author")).toEqual({
      login: "alice",
    });
  });
});

describe("mergeOrigin (three-way against the merge base)", () => {
  it("a state one side changed since the base comes from that side", () => {
    expect(mergeOrigin("done", "open", ["done", "open"])).toBe(0);
    expect(mergeOrigin("done", "open", ["open", "done"])).toBe(1);
  });
  it("an untick on one side undone by the resolution is the merge's own change", () => {
    expect(mergeOrigin("done", "done", ["open", "done"])).toBe("merge");
  });
  it("a state neither side has, a conflict, or an octopus merge is the merge's own change", () => {
    expect(mergeOrigin("done", "open", ["open", "open"])).toBe("merge");
    expect(mergeOrigin("done", "open", ["done", "waived:x"])).toBe("merge");
    expect(mergeOrigin("done", "open", ["done", "open", "open"])).toBe("merge");
  });
  it("a state from before the base, unchanged on both sides, is followed along the first parent", () => {
    expect(mergeOrigin("done", "done", ["done", "done"])).toBe(0);
    expect(mergeOrigin("done", undefined, ["done", "done"])).toBe(0);
  });
});
