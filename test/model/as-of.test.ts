import { describe, expect, it } from "vitest";
import { worldAt } from "../../src/model/as-of.js";
import type { RepoData } from "../../src/model/repo-data.js";
import type { RestIssue, RestIssueEvent } from "../../src/model/rest.js";

/** The one as-of reconstruction triage, criteria and the report share: hand-computed cases. */
const issue = (fields: Partial<RestIssue> = {}): RestIssue => ({
  number: 1,
  title: "Crash",
  state: "open",
  user: { login: "bob" },
  labels: [],
  created_at: "2026-11-02T10:00:00Z",
  closed_at: null,
  ...fields,
});
const event = (e: string, at: string, extra: Partial<RestIssueEvent> = {}): RestIssueEvent => ({
  event: e,
  created_at: at,
  issue: { number: 1 },
  ...extra,
});
const data = (issues: RestIssue[], events: RestIssueEvent[] | null): RepoData => ({
  issues,
  comments: null,
  events,
  pulls: [],
  releases: [],
});
const at = (iso: string) => Date.parse(iso);
const only = (d: RepoData) => d.issues[0];

describe("worldAt: an issue's state and close reason at an instant, from its events", () => {
  // Fixed (completed) on the 3rd, reopened on the 5th, closed as not planned on the 6th: today it is
  // closed as not planned, but on the 4th it was a fix.
  const history = [
    event("closed", "2026-11-03T10:00:00Z", { state_reason: "completed" }),
    event("reopened", "2026-11-05T10:00:00Z"),
    event("closed", "2026-11-06T10:00:00Z", { state_reason: "not_planned" }),
  ];
  const today = issue({ state: "closed", closed_at: "2026-11-06T10:00:00Z", state_reason: "not_planned" });

  it.each([
    ["2026-11-02T12:00:00Z", "open", null, null],
    ["2026-11-03T10:00:00Z", "closed", "2026-11-03T10:00:00Z", "completed"],
    ["2026-11-04T00:00:00Z", "closed", "2026-11-03T10:00:00Z", "completed"],
    ["2026-11-05T10:00:00Z", "open", null, null],
    ["2026-11-06T09:59:59Z", "open", null, null],
    ["2026-11-07T00:00:00Z", "closed", "2026-11-06T10:00:00Z", "not_planned"],
  ])("at %s: %s (closed_at %s, reason %s)", (instant, state, closedAt, reason) => {
    expect(only(worldAt(data([today], history), at(instant)))).toMatchObject({
      state,
      closed_at: closedAt,
      state_reason: reason,
    });
  });

  it("a not-planned close later re-closed as completed is not a fix before the re-close", () => {
    const reclosed = issue({ state: "closed", closed_at: "2026-11-08T10:00:00Z", state_reason: "completed" });
    const events = [
      event("closed", "2026-11-03T10:00:00Z", { state_reason: "not_planned" }),
      event("reopened", "2026-11-07T10:00:00Z"),
      event("closed", "2026-11-08T10:00:00Z", { state_reason: "completed" }),
    ];
    expect(only(worldAt(data([reclosed], events), at("2026-11-04T00:00:00Z")))?.state_reason).toBe("not_planned");
    expect(only(worldAt(data([reclosed], events), at("2026-11-09T00:00:00Z")))?.state_reason).toBe("completed");
  });

  it("a closed event without a reason takes today's reason only when it is today's close", () => {
    const closed = issue({ state: "closed", closed_at: "2026-11-06T10:00:00Z", state_reason: "duplicate" });
    const events = [
      event("closed", "2026-11-03T10:00:00Z"),
      event("reopened", "2026-11-05T10:00:00Z"),
      event("closed", "2026-11-06T10:00:00Z"),
    ];
    expect(only(worldAt(data([closed], events), at("2026-11-04T00:00:00Z")))?.state_reason).toBeNull();
    expect(only(worldAt(data([closed], events), at("2026-11-07T00:00:00Z")))?.state_reason).toBe("duplicate");
  });

  it("without events, closed_at and today's reason stand in; labels are today's", () => {
    const closed = issue({
      state: "closed",
      closed_at: "2026-11-03T10:00:00Z",
      state_reason: "completed",
      labels: ["P1"],
    });
    expect(only(worldAt(data([closed], null), at("2026-11-03T09:59:59Z")))).toMatchObject({ state: "open" });
    expect(only(worldAt(data([closed], null), at("2026-11-03T10:00:00Z")))).toMatchObject({
      state: "closed",
      state_reason: "completed",
      labels: ["P1"],
    });
  });

  it("undoes label changes after the instant, and drops what did not exist yet", () => {
    const labelled = issue({ labels: ["P0"] });
    const events = [
      event("labeled", "2026-11-02T10:00:00Z", { label: { name: "P2" } }),
      event("unlabeled", "2026-11-04T10:00:00Z", { label: { name: "P2" } }),
      event("labeled", "2026-11-04T10:00:00Z", { label: { name: "P0" } }),
    ];
    expect(only(worldAt(data([labelled], events), at("2026-11-03T00:00:00Z")))?.labels).toEqual(["P2"]);
    expect(only(worldAt(data([labelled], events), at("2026-11-04T10:00:00Z")))?.labels).toEqual(["P0"]);
    expect(worldAt(data([labelled], events), at("2026-11-02T09:59:59Z")).issues).toEqual([]);
  });
});
