import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { worldAt } from "../../src/model/as-of.js";
import type { RepoData } from "../../src/model/repo-data.js";
import type { RestIssue, RestIssueEvent, RestPull } from "../../src/model/rest.js";

/**
 * The weekly report winds the repository back once per week and hands that world to triage and
 * the criteria, which wind their input back again (for their own entry points): worldAt passes a
 * list it already wound back to the same instant on as it is. That is only sound because the
 * reconstruction is a fixed point; these properties check it on histories with closes, reopens,
 * close reasons and relabels, with a fixed seed so a failure replays.
 */

const T0 = Date.parse("2026-11-02T00:00:00Z");
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const LABELS = ["P0", "P1", "P2", "bug", "Security"] as const;
const REASONS = ["completed", "not_planned", "duplicate", null] as const;

type Step =
  | { kind: "label" | "unlabel"; label: string; hours: number }
  | { kind: "close"; reason: string | null; hours: number }
  | { kind: "reopen"; hours: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constantFrom("label" as const, "unlabel" as const),
    label: fc.constantFrom(...LABELS),
    hours: fc.integer({ min: 0, max: 48 }),
  }),
  fc.record({
    kind: fc.constant("close" as const),
    reason: fc.constantFrom(...REASONS),
    hours: fc.integer({ min: 0, max: 48 }),
  }),
  fc.record({ kind: fc.constant("reopen" as const), hours: fc.integer({ min: 0, max: 48 }) }),
);

interface IssueHistory {
  createdHours: number;
  labels: string[];
  steps: Step[];
  closedWithoutEvents: boolean;
}

const issueHistory: fc.Arbitrary<IssueHistory> = fc.record({
  createdHours: fc.integer({ min: 0, max: 200 }),
  labels: fc.subarray([...LABELS]),
  steps: fc.array(step, { maxLength: 6 }),
  /** Closed today without any close event (older exports). */
  closedWithoutEvents: fc.boolean(),
});

/** Issues whose state today agrees with their events (as GitHub's would), and the events. */
function repository(histories: IssueHistory[]): RepoData {
  const issues: RestIssue[] = [];
  const events: RestIssueEvent[] = [];
  histories.forEach((h, i) => {
    const number = i + 1;
    const created = T0 + h.createdHours * HOUR;
    const labels = new Set<string>(h.labels);
    let t = created;
    let closed: { at: number; reason: string | null } | null = null;
    for (const s of h.steps) {
      t += s.hours * HOUR;
      const base = { created_at: iso(t), issue: { number } };
      if (s.kind === "label" || s.kind === "unlabel") {
        if (s.kind === "label") labels.add(s.label);
        else labels.delete(s.label);
        events.push({ ...base, event: s.kind === "label" ? "labeled" : "unlabeled", label: { name: s.label } });
      } else if (s.kind === "close") {
        closed = { at: t, reason: s.reason };
        events.push({ ...base, event: "closed", ...(s.reason ? { state_reason: s.reason } : {}) });
      } else {
        closed = null;
        events.push({ ...base, event: "reopened" });
      }
    }
    const closedNoEvents = h.steps.every((s) => s.kind !== "close" && s.kind !== "reopen") && h.closedWithoutEvents;
    if (closedNoEvents) closed = { at: t + HOUR, reason: "completed" };
    issues.push({
      number,
      title: `Issue ${number}`,
      state: closed ? "closed" : "open",
      state_reason: closed?.reason ?? null,
      user: { login: "reporter" },
      labels: [...labels],
      created_at: iso(created),
      updated_at: iso(t + HOUR),
      closed_at: closed ? iso(closed.at) : null,
    });
  });
  const pulls: RestPull[] = [
    {
      number: 900,
      title: "Fix",
      state: "closed",
      user: { login: "dev" },
      labels: [],
      created_at: iso(T0 + 10 * HOUR),
      closed_at: iso(T0 + 90 * HOUR),
      merged_at: iso(T0 + 90 * HOUR),
    },
  ];
  return { issues, comments: [], events, pulls, releases: [] };
}

/** The same world in lists worldAt has never seen: it must recompute them. */
const copied = (d: RepoData): RepoData => ({
  issues: [...d.issues],
  comments: d.comments && [...d.comments],
  events: d.events && [...d.events],
  pulls: [...d.pulls],
  releases: [...d.releases],
});

const instant = fc.integer({ min: 0, max: 600 }).map((h) => T0 + h * HOUR);

describe("worldAt is a fixed point, so a world already wound back to an instant is reused", () => {
  it("winding a world back to its own instant again gives the same world (recomputed from copies)", () => {
    fc.assert(
      fc.property(fc.array(issueHistory, { minLength: 1, maxLength: 8 }), instant, (histories, at) => {
        const world = worldAt(repository(histories), at);
        expect(worldAt(copied(world), at)).toEqual(world);
      }),
      { numRuns: 400, seed: 1616 },
    );
  });

  it("the lists of a world already at the instant are passed on, not copied; another instant recomputes", () => {
    fc.assert(
      fc.property(fc.array(issueHistory, { minLength: 1, maxLength: 8 }), instant, (histories, at) => {
        const data = repository(histories);
        const world = worldAt(data, at);
        const again = worldAt(world, at);
        expect(again.issues).toBe(world.issues);
        expect(again.events).toBe(world.events);
        expect(again.pulls).toBe(world.pulls);
        // The source lists are not a world: they are wound back, not passed on.
        expect(worldAt(data, at).issues).not.toBe(data.issues);
        const earlier = worldAt(world, at - HOUR);
        expect(earlier.issues).not.toBe(world.issues);
        expect(earlier).toEqual(worldAt(copied(data), at - HOUR));
      }),
      { numRuns: 200, seed: 1617 },
    );
  });

  it("issues of a world are not reused with events from elsewhere (their labels would not follow)", () => {
    const data = repository([{ createdHours: 0, labels: ["P2"], steps: [], closedWithoutEvents: false }]);
    const world = worldAt(data, T0 + 10 * HOUR);
    const relabelled: RestIssueEvent[] = [
      { event: "labeled", created_at: iso(T0 + 20 * HOUR), label: { name: "P2" }, issue: { number: 1 } },
    ];
    // The P2 label came later by these events: at the world's instant the issue had no label.
    expect(worldAt({ ...world, events: relabelled }, T0 + 10 * HOUR).issues[0]?.labels).toEqual([]);
  });

  it("an issue or pull request unchanged at the instant is the object itself; a changed one is a copy", () => {
    fc.assert(
      fc.property(fc.array(issueHistory, { minLength: 1, maxLength: 8 }), instant, (histories, at) => {
        const data = repository(histories);
        const world = worldAt(data, at);
        for (const issue of world.issues) {
          const source = data.issues.find((i) => i.number === issue.number) as RestIssue;
          const changedAfter = (data.events ?? []).some(
            (e) => e.issue?.number === issue.number && Date.parse(e.created_at) > at,
          );
          const sorted = source.labels.every((l, i) => i === 0 || (source.labels[i - 1] as string) < l);
          const closedLater = source.closed_at != null && Date.parse(source.closed_at) > at;
          if (!changedAfter && sorted && !closedLater) expect(issue).toBe(source);
          if (issue === source)
            expect({ ...issue }).toEqual(worldAt(copied({ ...data, issues: [{ ...source }] }), at).issues[0]);
        }
        const pull = data.pulls[0] as RestPull;
        expect(world.pulls[0] === pull).toBe(at >= Date.parse(pull.closed_at as string));
      }),
      { numRuns: 200, seed: 1618 },
    );
  });
});
