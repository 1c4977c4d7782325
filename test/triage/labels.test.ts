import { describe, expect, it } from "vitest";
import { evaluateTriage } from "../../src/triage/evaluate.js";
import { formatSweepSummary } from "../../src/triage/format-markdown.js";
import { eventLabelChange, requestsFor, sweepLabelChanges } from "../../src/triage/labels.js";
import { config, issue } from "./build.js";

const triage = config().triage;

describe("labels on issue events", () => {
  it("adds needs-triage to an open issue without severity, once", () => {
    expect(eventLabelChange({ number: 1, state: "open", labels: ["bug"] }, triage)).toEqual({
      number: 1,
      add: ["needs-triage"],
      remove: [],
    });
    expect(eventLabelChange({ number: 1, state: "open", labels: ["bug", "Needs-Triage"] }, triage)).toEqual({
      number: 1,
      add: [],
      remove: [],
    });
  });

  it("removes needs-triage (as spelled on the issue) once a severity label is there", () => {
    expect(eventLabelChange({ number: 1, state: "open", labels: ["Needs-Triage", "sev1"] }, triage).remove).toEqual([
      "Needs-Triage",
    ]);
  });

  it("applies the form's severity as a label when a member filed it, and can be told not to", () => {
    const body = "### Severity\n\nP1 — high\n";
    const member = { number: 1, state: "open" as const, labels: ["needs-triage"], body, author_association: "MEMBER" };
    expect(eventLabelChange(member, triage)).toEqual({ number: 1, add: ["P1"], remove: ["needs-triage"] });
    const off = config("triage:\n  label_from_form: false\n").triage;
    expect(eventLabelChange({ ...member, labels: [] }, off)).toEqual({ number: 1, add: [], remove: [] });
  });

  it("a reporter's form answer is a proposal: needs-triage, no severity label", () => {
    const body = "### Severity\n\nP0\n";
    const reporter = { number: 1, state: "open" as const, labels: [], body, author_association: "NONE" };
    expect(eventLabelChange(reporter, triage)).toEqual({ number: 1, add: ["needs-triage"], remove: [] });
  });

  it("keeps needs-triage on conflicting severity labels", () => {
    expect(eventLabelChange({ number: 1, state: "open", labels: ["P1", "P3"] }, triage).add).toEqual(["needs-triage"]);
  });

  it("takes sla:breached and needs-triage off a closed issue", () => {
    const change = eventLabelChange({ number: 1, state: "closed", labels: ["needs-triage", "sla:breached"] }, triage);
    expect(change.remove).toEqual(["needs-triage", "sla:breached"]);
    expect(requestsFor(change)).toBe(2);
  });
});

describe("labels in a sweep", () => {
  const now = new Date("2026-11-02T12:00:00Z");
  const issues = [
    issue(1, { labels: ["P2"], created_at: "2026-11-02T07:00:00Z" }), // response due 11:00 → breached
    issue(2, { labels: ["P0", "sla:breached"], created_at: "2026-11-02T11:58:00Z" }), // not breached any more
    issue(3, { labels: [], created_at: "2026-11-02T11:00:00Z" }), // untriaged, in time
    issue(4, { labels: ["P0"], created_at: "2026-11-02T10:00:00Z" }), // P0 breached
    issue(5, { labels: ["P1", "sla:breached"], created_at: "2026-11-02T08:00:00Z" }), // breached, labelled already
  ];
  const result = evaluateTriage({ issues, comments: [], now, config: config() });
  const labelsOf = new Map(issues.map((i) => [i.number, i.labels]));

  it("puts the most urgent first: breaches by severity, other additions, removals; unchanged issues not at all", () => {
    expect(sweepLabelChanges(result, labelsOf, triage)).toEqual([
      { number: 4, add: ["sla:breached"], remove: [] },
      { number: 1, add: ["sla:breached"], remove: [] },
      { number: 3, add: ["needs-triage"], remove: [] },
      { number: 2, add: [], remove: ["sla:breached"] },
    ]);
  });

  it("summarises breaches by severity with links, oldest first, and the request budget", () => {
    const summary = formatSweepSummary(result, { written: 4, deferred: 1, requests: 9, budget: 11, incomplete: [7] });
    expect(summary).toContain("**3** SLA breaches, **1** untriaged.");
    const p0 = summary.indexOf("### P0 (1)");
    const p1 = summary.indexOf("### P1 (1)");
    const p2 = summary.indexOf("### P2 (1)");
    expect(p0).toBeGreaterThan(0);
    expect(p1).toBeGreaterThan(p0);
    expect(p2).toBeGreaterThan(p1);
    expect(summary).toContain(
      "| [#4](https://github.com/o/r/issues/4) Issue 4 | response | 1h55m | 2026-11-02T10:05:00.000Z |",
    );
    expect(summary).toContain("4 changes written, 1 left for the next sweep (request budget). API requests: 9 of 11.");
    expect(summary).toContain("Comments not fully read (labels unchanged): #7.");
  });

  it("escapes table cells and says when nothing is breached", () => {
    const calm = evaluateTriage({
      issues: [issue(9, { title: "a | b\nc", labels: ["P3"] })],
      comments: [],
      now,
      config: config(),
    });
    expect(formatSweepSummary(calm, { written: 0, deferred: 0, requests: 4, budget: 11, incomplete: [] })).toContain(
      "No SLA breaches.",
    );
  });
});
