import { describe, expect, it } from "vitest";
import type { RestIssueEvent } from "../../src/model/rest.js";
import { buildWeekSnapshot } from "../../src/pipeline/week-snapshot.js";
import { config, issue, sources } from "./helpers.js";

/**
 * Weeks rebuilt later (a backfill, a Monday run after a reopen) must say what was true that week:
 * each close with its own reason, and every figure taken at the week's last instant.
 */
const event = (number: number, e: string, at: string, extra: Partial<RestIssueEvent> = {}): RestIssueEvent => ({
  event: e,
  created_at: at,
  issue: { number },
  ...extra,
});
const LATER = new Date("2026-11-30T12:00:00Z");
const week = (id: string, s: ReturnType<typeof sources>, c = config()) =>
  buildWeekSnapshot(s, { weekId: id, now: LATER, previous: null, backfilled: true }, c);

describe("past weeks take each close's own reason", () => {
  it("a fix reopened later stays a fix in its week", () => {
    // P1 fixed on Thursday of W46, reopened in W47 (GitHub's current state_reason is then "reopened").
    const reopened = issue(1, { labels: ["P1"], state: "open", state_reason: "reopened" });
    const events = [
      event(1, "labeled", "2026-11-11T12:00:00Z", { label: { name: "P1" } }),
      event(1, "closed", "2026-11-12T15:00:00Z", { state_reason: "completed" }),
      event(1, "reopened", "2026-11-18T15:00:00Z"),
    ];
    const s = sources({ issues: [reopened], events });
    expect(week("2026-W46", s).issues.bySeverity.P1).toMatchObject({ open: 0, fixed: 1 });
    expect(week("2026-W47", s).issues.bySeverity.P1).toMatchObject({ open: 1, fixed: 0 });
  });

  it("a not-planned close later re-closed as completed is a fix only in the week of the completed close", () => {
    const reclosed = issue(2, {
      labels: ["P1"],
      state: "closed",
      state_reason: "completed",
      closed_at: "2026-11-19T15:00:00Z",
    });
    const events = [
      event(2, "closed", "2026-11-12T15:00:00Z", { state_reason: "not_planned" }),
      event(2, "reopened", "2026-11-17T15:00:00Z"),
      event(2, "closed", "2026-11-19T15:00:00Z", { state_reason: "completed" }),
    ];
    const s = sources({ issues: [reclosed], events });
    expect(week("2026-W46", s).issues.bySeverity.P1.fixed).toBe(0);
    expect(week("2026-W47", s).issues.bySeverity.P1.fixed).toBe(1);
  });
});

describe("a week is judged at its last instant, everywhere", () => {
  // Launch on Monday 2026-11-09: W46's Sunday is T+6, the Monday after is T+7 (the scheduled patch).
  const c = config({ launch: { date: "2026-11-09", timezone: "America/New_York" } });

  it("W1's decision is taken on its Sunday (T+6), not the next Monday (T+7)", () => {
    const snapshot = week("2026-W46", sources(), c);
    expect(snapshot.launch.day).toBe(6);
    expect(snapshot.release.fired.map((r) => r.id)).not.toContain("patch.end-of-week");
  });

  it("the next week's T+N and the end-of-week rule agree on the day", () => {
    const snapshot = week("2026-W47", sources(), c);
    expect(snapshot.launch.day).toBe(13);
    const patch = snapshot.release.fired.find((r) => r.id === "patch.end-of-week");
    expect(patch?.reason).toContain("today is T+13");
  });

  it("an issue closed in the week's last second counts in that week; one a second later does not", () => {
    // W46 ends at Monday 2026-11-16 00:00 in New York = 05:00Z.
    const lastSecond = issue(3, { labels: ["P1"], state: "closed", closed_at: "2026-11-16T04:59:59Z" });
    const nextWeek = issue(4, { labels: ["P1"], state: "closed", closed_at: "2026-11-16T05:00:00Z" });
    const snapshot = week("2026-W46", sources({ issues: [lastSecond, nextWeek], events: null }), c);
    expect(snapshot.issues.bySeverity.P1).toMatchObject({ fixed: 1, open: 1 });
  });
});
