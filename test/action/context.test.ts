import { describe, expect, it } from "vitest";
import { resolveMode } from "../../src/action/context.js";
import { mergeGroupPullNumber, pullRequestFromPayload } from "../../src/action/gate/pull-request.js";
import { InputError } from "../../src/errors.js";

describe("resolveMode", () => {
  it("derives the mode from the event when auto", () => {
    expect(resolveMode("auto", "pull_request")).toBe("gate");
    expect(resolveMode("", "pull_request_target")).toBe("gate");
    expect(resolveMode("", "merge_group")).toBe("gate");
    expect(resolveMode("auto", "issue_comment")).toBe("triage");
    expect(resolveMode("auto", "schedule")).toBe("report");
    expect(resolveMode("Gate", "schedule")).toBe("gate");
  });

  it("rejects unknown modes and events without one", () => {
    expect(() => resolveMode("gates", "pull_request")).toThrow(InputError);
    expect(() => resolveMode("auto", "push")).toThrow(/no mode for the "push" event/);
  });
});

const pull = (headRepo: string | null) => ({
  pull_request: {
    number: 7,
    title: "Release 1.0",
    body: null,
    labels: [{ name: "release" }],
    base: { ref: "main", sha: "b".repeat(40), repo: { full_name: "acme/app" } },
    head: { ref: "release/1.0", sha: "h".repeat(40), repo: headRepo ? { full_name: headRepo } : null },
  },
});

describe("pull request facts", () => {
  it("reads the PR and detects forks (including deleted ones)", () => {
    expect(pullRequestFromPayload(pull("acme/app"), "pull_request")).toMatchObject({
      number: 7,
      body: "",
      labels: ["release"],
      head: "release/1.0",
      fromFork: false,
    });
    expect(pullRequestFromPayload(pull("mallory/app"), "pull_request").fromFork).toBe(true);
    expect(pullRequestFromPayload(pull(null), "pull_request").fromFork).toBe(true);
    expect(() => pullRequestFromPayload({}, "pull_request")).toThrow(InputError);
  });

  it("finds the PR a merge group was made for", () => {
    const payload = {
      merge_group: { head_sha: "f".repeat(40), head_ref: "refs/heads/gh-readonly-queue/main/pr-42-0123abcd" },
    };
    expect(mergeGroupPullNumber(payload)).toEqual({ number: 42, headSha: "f".repeat(40) });
    expect(() => mergeGroupPullNumber({ merge_group: { head_sha: "x", head_ref: "refs/heads/main" } })).toThrow(
      InputError,
    );
  });
});
