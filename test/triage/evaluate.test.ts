import { describe, expect, it } from "vitest";
import { evaluateTriage, type TriageInput } from "../../src/triage/evaluate.js";
import { triageResultSchema } from "../../src/triage/result.js";
import { comment, config, issue, labeled } from "./build.js";

const NOW = new Date("2026-11-02T12:00:00Z");
const run = (input: Partial<TriageInput>) => {
  const result = evaluateTriage({ issues: [], comments: [], now: NOW, config: config(), ...input });
  triageResultSchema.parse(result);
  return result;
};
const one = (input: Partial<TriageInput>) => {
  const [first] = run(input).issues;
  if (!first) throw new Error("no issue");
  return first;
};

describe("first response", () => {
  const p1 = issue(1, { labels: ["P1"] });

  it("is the first comment by a member who is not the author", () => {
    const result = one({
      issues: [p1],
      comments: [
        comment(1, "2026-11-02T10:40:00Z", "maintainer", { author_association: "OWNER" }),
        comment(1, "2026-11-02T10:20:00Z", "helper", { author_association: "COLLABORATOR" }),
      ],
    });
    expect(result.response).toEqual({
      state: "met",
      dueAt: "2026-11-02T11:00:00.000Z",
      at: "2026-11-02T10:20:00.000Z",
    });
  });

  it("ignores the author's own comments, even when the author is a member", () => {
    const result = one({
      issues: [{ ...p1, user: { login: "Maintainer", type: "User" } }],
      comments: [comment(1, "2026-11-02T10:05:00Z", "maintainer", { author_association: "OWNER" })],
    });
    expect(result.response.state).toBe("breached");
  });

  it("ignores bots, by type and by login, and outsiders", () => {
    const result = one({
      issues: [p1],
      comments: [
        comment(1, "2026-11-02T10:01:00Z", "launchgate", { user: { login: "launchgate", type: "Bot" } }),
        comment(1, "2026-11-02T10:02:00Z", "renovate[bot]"),
        comment(1, "2026-11-02T10:03:00Z", "passerby", { author_association: "CONTRIBUTOR" }),
        comment(1, "2026-11-02T11:30:00Z", "maintainer"),
      ],
    });
    expect(result.response).toMatchObject({ state: "missed", at: "2026-11-02T11:30:00.000Z" });
  });

  it("counts bots and other associations when configured", () => {
    const yaml = "triage:\n  responders:\n    ignore_bots: false\n    associations: [OWNER, CONTRIBUTOR]\n";
    const result = one({
      issues: [p1],
      comments: [
        comment(1, "2026-11-02T10:01:00Z", "ci", { user: { login: "ci", type: "Bot" }, author_association: "OWNER" }),
      ],
      config: config(yaml),
    });
    expect(result.response.state).toBe("met");
    const ignored = one({
      issues: [p1],
      comments: [comment(1, "2026-11-02T10:01:00Z", "ci")],
      config: config("triage:\n  responders:\n    ignore: [CI]\n"),
    });
    expect(ignored.response.state).toBe("breached");
  });
});

describe("resolution", () => {
  it("is met when closed as completed within the target", () => {
    const result = one({
      issues: [
        issue(1, { labels: ["P0"], state: "closed", state_reason: "completed", closed_at: "2026-11-02T13:59:00Z" }),
      ],
      now: new Date("2026-11-03T00:00:00Z"),
    });
    expect(result.resolution).toEqual({
      state: "met",
      dueAt: "2026-11-02T14:00:00.000Z",
      at: "2026-11-02T13:59:00.000Z",
    });
  });

  it("stops without being met when closed as not planned", () => {
    const result = one({
      issues: [
        issue(1, { labels: ["P0"], state: "closed", state_reason: "not_planned", closed_at: "2026-11-02T11:00:00Z" }),
      ],
      now: new Date("2026-11-03T00:00:00Z"),
    });
    expect(result.resolution).toEqual({
      state: "stopped",
      dueAt: "2026-11-02T14:00:00.000Z",
      at: "2026-11-02T11:00:00.000Z",
    });
    // Closed without any response: the response clock stopped too, after its 5-minute target.
    expect(result.response.state).toBe("missed");
  });

  it("treats a legacy close without a reason as completed", () => {
    const result = one({ issues: [issue(1, { labels: ["P1"], state: "closed", closed_at: "2026-11-02T11:00:00Z" })] });
    expect(result.resolution.state).toBe("met");
  });

  it("gives P3 no resolution target by default: pending until closed, never breached", () => {
    const result = one({ issues: [issue(1, { labels: ["P3"] })], now: new Date("2027-11-02T00:00:00Z") });
    expect(result.resolution).toEqual({ state: "pending", dueAt: null, at: null });
    const configured = one({
      issues: [issue(1, { labels: ["P3"] })],
      now: new Date("2027-11-02T00:00:00Z"),
      config: config("triage:\n  sla:\n    P3:\n      resolution: 30d\n"),
    });
    expect(configured.resolution.state).toBe("breached");
  });
});

describe("clock start", () => {
  it("starts at creation without events", () => {
    const result = one({ issues: [issue(1, { labels: ["P0"] })] });
    expect(result.clockStart).toBe("2026-11-02T10:00:00.000Z");
    expect(result.response.dueAt).toBe("2026-11-02T10:05:00.000Z");
  });

  it("starts at the severity label event", () => {
    const result = one({
      issues: [issue(1, { labels: ["P0"] })],
      events: [labeled(1, "bug", "2026-11-02T10:00:00Z"), labeled(1, "P0", "2026-11-02T11:58:00Z")],
    });
    expect(result.clockStart).toBe("2026-11-02T11:58:00.000Z");
    expect(result.response).toEqual({ state: "pending", dueAt: "2026-11-02T12:03:00.000Z", at: null });
  });

  it("an escalation starts the stricter targets at the escalation; the triage clock keeps the first label", () => {
    // P3 at 10:30, escalated to P1 at 11:50: the P1 hour runs from 11:50, not from 10:30
    // (which would make the escalation itself a breach).
    const result = one({
      issues: [issue(1, { labels: ["P1"] })],
      events: [labeled(1, "P3", "2026-11-02T10:30:00Z"), labeled(1, "P1", "2026-11-02T11:50:00Z")],
    });
    expect(result.severity).toBe("P1");
    expect(result.clockStart).toBe("2026-11-02T11:50:00.000Z");
    expect(result.response).toEqual({ state: "pending", dueAt: "2026-11-02T12:50:00.000Z", at: null });
    expect(result.triage).toMatchObject({ state: "met", at: "2026-11-02T10:30:00.000Z" });
  });

  it("a downgrade keeps the first start, with the new severity's targets (downgrading never buys time)", () => {
    const result = one({
      issues: [issue(1, { labels: ["P2"] })],
      events: [labeled(1, "P1", "2026-11-02T10:30:00Z"), labeled(1, "P2", "2026-11-02T11:50:00Z")],
    });
    expect(result.clockStart).toBe("2026-11-02T10:30:00.000Z");
    expect(result.response).toMatchObject({ state: "pending", dueAt: "2026-11-02T14:30:00.000Z" });
  });

  it("a P0 that was a P0 before (P0 → P2 → P0) keeps its first P0 start", () => {
    const result = one({
      issues: [issue(1, { labels: ["P0"] })],
      events: [
        labeled(1, "P0", "2026-11-02T10:30:00Z"),
        labeled(1, "P2", "2026-11-02T10:40:00Z"),
        labeled(1, "sev0", "2026-11-02T11:50:00Z"),
      ],
    });
    expect(result.clockStart).toBe("2026-11-02T10:30:00.000Z");
    expect(result.response).toMatchObject({ state: "breached", dueAt: "2026-11-02T10:35:00.000Z" });
  });

  it("starts at creation for a severity from the issue form", () => {
    const result = one({
      issues: [issue(1, { body: "### Severity\n\nP2 — medium\n" })],
      events: [labeled(1, "P2", "2026-11-02T11:00:00Z")],
    });
    expect(result).toMatchObject({ severity: "P2", severitySource: "form", clockStart: "2026-11-02T10:00:00.000Z" });
  });

  it("ignores events of other issues", () => {
    const result = one({ issues: [issue(1, { labels: ["P0"] })], events: [labeled(2, "P0", "2026-11-02T11:00:00Z")] });
    expect(result.clockStart).toBe("2026-11-02T10:00:00.000Z");
  });
});

describe("business hours for P2/P3 only", () => {
  const yaml = "triage:\n  business_hours:\n    timezone: America/New_York\n";
  it("pauses P2 overnight but not P1", () => {
    // Monday 2026-11-02 16:00 EST = 21:00Z; 4h P2 response → 1h Monday + 3h Tuesday = 12:00 EST.
    const created_at = "2026-11-02T21:00:00Z";
    const result = run({
      issues: [issue(1, { labels: ["P2"], created_at }), issue(2, { labels: ["P1"], created_at })],
      config: config(yaml),
      now: new Date("2026-11-03T14:00:00Z"),
    });
    expect(result.issues[0]?.response).toEqual({ state: "pending", dueAt: "2026-11-03T17:00:00.000Z", at: null });
    expect(result.issues[1]?.response).toMatchObject({ state: "breached", dueAt: "2026-11-02T22:00:00.000Z" });
  });
});

describe("untriaged issues and breaches", () => {
  it("lists open issues without severity, with a triage clock, and skips pull requests", () => {
    const result = run({
      issues: [
        issue(1),
        issue(2, { labels: ["P2"] }),
        issue(3, { state: "closed", closed_at: "2026-11-02T10:30:00Z" }),
        issue(4, { pull_request: {} }),
        issue(5, { labels: ["P1", "P2"] }),
      ],
    });
    expect(result.issues.map((i) => i.number)).toEqual([1, 2, 3, 5]);
    expect(result.untriaged).toEqual([1, 5]);
    expect(result.issues[0]).toMatchObject({ severity: null, triaged: false, clockStart: null });
    expect(result.issues[0]?.triage).toEqual({ state: "pending", dueAt: "2026-11-02T18:00:00.000Z", at: null });
    expect(result.issues[1]?.triage).toMatchObject({ state: "met", at: "2026-11-02T10:00:00.000Z" });
    expect(result.issues[2]?.triage.state).toBe("stopped");
    expect(result.issues[3]?.errors[0]).toMatch(/conflicting severity labels/);
  });

  it("reports breaches by severity, most overdue first, with overdue minutes", () => {
    const result = run({
      issues: [
        issue(1, { labels: ["P1"], created_at: "2026-11-02T09:00:00Z" }),
        issue(2, { labels: ["P0"], created_at: "2026-11-02T11:00:00Z" }),
        issue(3, { labels: ["P1"], created_at: "2026-11-02T08:00:00Z" }),
        issue(4, { created_at: "2026-11-01T00:00:00Z" }),
      ],
    });
    expect(result.breaches.map((b) => [b.number, b.clock, b.severity, b.overdueMinutes])).toEqual([
      [2, "response", "P0", 55],
      [3, "response", "P1", 180],
      [1, "response", "P1", 120],
      [4, "triage", null, 1680],
    ]);
  });
});
