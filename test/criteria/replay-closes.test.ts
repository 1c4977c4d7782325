import { describe, expect, it } from "vitest";
import { closingIssueNumbers } from "../../src/criteria/closing-keywords.js";
import type { RestIssueEvent } from "../../src/model/rest.js";
import { evaluate, issue, pull, rule } from "./build.js";

/**
 * `--now` / LAUNCHGATE_NOW replays read closes and reopens from events (the one as-of
 * reconstruction), not the issue's state today.
 */
const event = (number: number, e: string, at: string, extra: Partial<RestIssueEvent> = {}): RestIssueEvent => ({
  event: e,
  created_at: at,
  issue: { number },
  ...extra,
});

describe("replaying the release decision", () => {
  // P0 opened 09:00, fixed (closed as completed) at 12:00, reopened the next day: open today.
  const p0 = issue({ number: 800, labels: ["P0"], created_at: "2026-11-04T09:00:00Z", state_reason: "reopened" });
  const events = [
    event(800, "labeled", "2026-11-04T09:00:00Z", { label: { name: "P0" } }),
    event(800, "closed", "2026-11-04T12:00:00Z", { state_reason: "completed" }),
    event(800, "reopened", "2026-11-05T10:00:00Z"),
  ];

  it("a P0 fixed in 3 h and reopened later replays as fixed, not as a rollback", () => {
    const at = evaluate({ issues: [p0], now: "2026-11-04T20:00:00Z", extra: { events } });
    expect(rule(at, "rollback.p0-overdue").outcome).toBe("pass");
    expect(rule(at, "hotfix.open-p0").outcome).toBe("pass");
    expect(at.decision).not.toBe("rollback");
  });

  it("before the fix it was an overdue P0; after the reopen it is open again (its first P0 label counts)", () => {
    expect(evaluate({ issues: [p0], now: "2026-11-04T11:00:00Z", extra: { events } }).decision).toBe("hotfix");
    const reopened = evaluate({ issues: [p0], now: "2026-11-05T12:00:00Z", extra: { events } });
    expect(rule(reopened, "rollback.p0-overdue").outcome).toBe("fire");
  });

  it("counts a fix by the reason of the close at now, not today's reason", () => {
    const p1 = issue({
      number: 801,
      labels: ["P1"],
      state: "closed",
      state_reason: "not_planned",
      closed_at: "2026-11-05T11:00:00Z",
    });
    const fix = pull({ body: "Fixes #801", merged_at: "2026-11-04T10:00:00Z", closed_at: "2026-11-04T10:00:00Z" });
    const closes = [
      event(801, "closed", "2026-11-04T10:00:00Z", { state_reason: "completed" }),
      event(801, "reopened", "2026-11-05T10:00:00Z"),
      event(801, "closed", "2026-11-05T11:00:00Z", { state_reason: "not_planned" }),
    ];
    const fixes = (now: string) =>
      rule(evaluate({ issues: [p1], pulls: [fix], now, extra: { events: closes } }), "patch.p1-fixes").evidence.filter(
        (e) => e.kind === "issue",
      ).length;
    expect(fixes("2026-11-04T12:00:00Z")).toBe(1);
    expect(fixes("2026-11-05T12:00:00Z")).toBe(0);
  });
});

describe("closing references, as GitHub links them", () => {
  const repo = { owner: "acme", name: "app" };
  it.each([
    ["Fixes #12", [12]],
    ["fixes acme/app#12", [12]],
    ["Closes ACME/App#13", [13]],
    ["Resolves https://github.com/acme/app/issues/14", [14]],
    ["Fixes: https://github.com/acme/app/issues/15.", [15]],
    ["Fixes other/app#12", []],
    ["Fixes https://github.com/other/app/issues/12", []],
    ["Fixes https://github.com/acme/app/pull/12", []],
    ["Fixes #1 and #2", [1]],
    ["Fixes acme/app#3, fixes https://github.com/acme/app/issues/4", [3, 4]],
    ["See acme/app#5", []],
  ])("%j closes %j", (body, numbers) => {
    expect(closingIssueNumbers(body, repo)).toEqual(numbers);
  });

  it("without a known repository only #N counts", () => {
    expect(closingIssueNumbers("Fixes acme/app#12, fixes #7", null)).toEqual([7]);
  });

  it("a fix named by URL counts toward the release decision like #N", () => {
    const p1 = issue({
      number: 900,
      labels: ["P1"],
      state: "closed",
      state_reason: "completed",
      closed_at: "2026-11-04T10:00:00Z",
    });
    const fix = pull({ body: "Fixes https://github.com/acme/app/issues/900" });
    const result = evaluate({ issues: [p1], pulls: [fix], extra: { repo } });
    expect(rule(result, "patch.p1-fixes").evidence.some((e) => e.kind === "issue")).toBe(true);
  });
});
