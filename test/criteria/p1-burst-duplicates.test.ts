import { describe, expect, it } from "vitest";
import { issue, outcome } from "./build.js";

/**
 * "Multiple P1 bugs in the first hour": two reports of one bug are one bug. A P1 closed as a
 * duplicate (or as not planned: not a bug) by now does not count towards the burst.
 */
describe("consider-rollback.p1-burst counts distinct bugs", () => {
  const first = issue({ labels: ["P1"], created_at: "2026-11-02T10:05:00Z" });
  const closedAs = (reason: string) =>
    issue({
      labels: ["P1"],
      created_at: "2026-11-02T10:20:00Z",
      state: "closed",
      state_reason: reason,
      closed_at: "2026-11-02T10:40:00Z",
    });

  it("a duplicate or not-planned P1 does not make a burst", () => {
    expect(outcome({ issues: [first, closedAs("duplicate")] }, "consider-rollback.p1-burst")).toBe("pass");
    expect(outcome({ issues: [first, closedAs("not_planned")] }, "consider-rollback.p1-burst")).toBe("pass");
  });

  it("a P1 fixed since (closed as completed) still counts: it was a real bug", () => {
    expect(outcome({ issues: [first, closedAs("completed")] }, "consider-rollback.p1-burst")).toBe("consider");
  });

  it("a duplicate closed only after now still counts at now", () => {
    expect(
      outcome({ issues: [first, closedAs("duplicate")], now: "2026-11-02T10:30:00Z" }, "consider-rollback.p1-burst"),
    ).toBe("consider");
  });
});
