import { describe, expect, it } from "vitest";
import { evaluate, issue, outcome, pull } from "./build.js";

/**
 * `gh api --paginate` can list an item twice when it moves between pages while the export runs.
 * One issue is one issue: its later copy (by `updated_at`) stands.
 */
describe("an issue or PR listed twice in an export", () => {
  it("one P1 listed twice is not a first-hour burst", () => {
    const p1 = issue({ labels: ["P1"], created_at: "2026-11-02T10:05:00Z" });
    expect(outcome({ issues: [p1, { ...p1 }] }, "consider-rollback.p1-burst")).toBe("pass");
  });

  it("counts one open P0 and keeps the latest copy's state", () => {
    const p0 = issue({ labels: ["P0"], created_at: "2026-11-05T11:00:00Z", updated_at: "2026-11-05T11:00:00Z" });
    const result = evaluate({ issues: [p0, { ...p0 }] });
    expect(result.readinessParts.find((p) => p.id === "p0")?.detail).toBe("1 open P0");
    const closedLater = {
      ...p0,
      state: "closed" as const,
      state_reason: "completed",
      closed_at: "2026-11-05T11:30:00Z",
      updated_at: "2026-11-05T11:30:00Z",
    };
    expect(outcome({ issues: [closedLater, p0] }, "hotfix.open-p0")).toBe("pass");
  });

  it("a merged PR listed twice is one piece of evidence", () => {
    const feature = pull({ labels: ["feature"] });
    const result = evaluate({ pulls: [feature, { ...feature }] });
    expect(result.rules.find((r) => r.id === "feature.feature-pr")?.evidence).toHaveLength(1);
  });
});
