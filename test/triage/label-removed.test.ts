import { describe, expect, it } from "vitest";
import { evaluateTriage } from "../../src/triage/evaluate.js";
import { config, issue, labeled } from "./build.js";

/** The triage clock is done at the first severity label; removing the label later does not undo that. */
const unlabeled = (number: number, label: string, at: string) => ({
  event: "unlabeled",
  created_at: at,
  label: { name: label },
  issue: { number },
});

describe("removing a severity label", () => {
  // Opened 10:00, labelled P2 at 11:00 (triage done), label removed at 13:00; it is the next day.
  const opened = issue(1, { created_at: "2026-11-02T10:00:00Z", labels: [] });
  const events = [labeled(1, "P2", "2026-11-02T11:00:00Z"), unlabeled(1, "P2", "2026-11-02T13:00:00Z")];
  const result = evaluateTriage({
    issues: [opened],
    comments: [],
    events,
    now: new Date("2026-11-03T12:00:00Z"),
    config: config(),
  });

  it("is not a triage breach: the clock was met at the first label", () => {
    expect(result.issues[0]?.triage).toMatchObject({ state: "met", at: "2026-11-02T11:00:00.000Z" });
    expect(result.breaches).toEqual([]);
  });

  it("puts the issue back on the board as untriaged, with no severity", () => {
    expect(result.untriaged).toEqual([1]);
    expect(result.issues[0]).toMatchObject({ severity: null, triaged: false, confirmed: false });
  });

  it("never labelled, the same issue is a triage breach (the honest case still fires)", () => {
    const never = evaluateTriage({
      issues: [opened],
      comments: [],
      events: [],
      now: new Date("2026-11-03T12:00:00Z"),
      config: config(),
    });
    expect(never.breaches.map((b) => b.clock)).toEqual(["triage"]);
  });

  it("a reporter's form severity does not end the triage clock; a member's does", () => {
    const body = "### Severity\n\nP1\n";
    const now = new Date("2026-11-03T12:00:00Z");
    const reporter = evaluateTriage({
      issues: [issue(2, { body, created_at: "2026-11-02T10:00:00Z" })],
      comments: [],
      now,
      config: config(),
    });
    expect(reporter.issues[0]).toMatchObject({
      severity: "P1",
      severitySource: "form",
      confirmed: false,
      triaged: false,
    });
    expect(reporter.breaches.map((b) => b.clock)).toContain("triage");
    const member = evaluateTriage({
      issues: [issue(2, { body, created_at: "2026-11-02T10:00:00Z", author_association: "MEMBER" })],
      comments: [],
      now,
      config: config(),
    });
    expect(member.issues[0]).toMatchObject({ confirmed: true, triaged: true });
    expect(member.breaches.map((b) => b.clock)).not.toContain("triage");
  });

  it("a claimed P0 gets the P0 response target from creation", () => {
    const body = "### Severity\n\nP0\n";
    const claimed = evaluateTriage({
      issues: [issue(3, { body, created_at: "2026-11-02T10:00:00Z" })],
      comments: [],
      now: new Date("2026-11-02T10:06:00Z"),
      config: config(),
    });
    expect(claimed.issues[0]?.response).toMatchObject({ state: "breached", dueAt: "2026-11-02T10:05:00.000Z" });
    expect(claimed.untriaged).toEqual([3]);
  });
});
