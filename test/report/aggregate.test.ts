import { describe, expect, it } from "vitest";
import { parseMetrics } from "../../src/metrics/parse.js";
import { weeksToBackfill } from "../../src/pipeline/report.js";
import { buildWeekSnapshot } from "../../src/pipeline/week-snapshot.js";
import { snapshotSchema } from "../../src/snapshot/schema.js";
import { inputErrorOf } from "../support/input-error.js";
import { config, issue, pull, release, sources } from "./helpers.js";

const W47_NOW = new Date("2026-11-20T22:00:00Z"); // Friday of 2026-W47, in New York

describe("weekly aggregation", () => {
  it("counts open, new and fixed issues per severity at the week's end", () => {
    const data = sources({
      issues: [
        issue(1, { labels: ["P0"], created_at: "2026-11-12T10:00:00Z" }), // open since W46
        issue(2, { labels: ["P1"], created_at: "2026-11-17T10:00:00Z" }), // new in W47
        issue(3, {
          labels: ["P1"],
          created_at: "2026-11-13T10:00:00Z",
          state: "closed",
          closed_at: "2026-11-18T10:00:00Z",
          state_reason: "completed",
        }), // fixed in W47
        issue(4, {
          labels: ["P2"],
          created_at: "2026-11-17T10:00:00Z",
          state: "closed",
          closed_at: "2026-11-18T10:00:00Z",
          state_reason: "not_planned",
        }), // closed, not fixed
        issue(5, { created_at: "2026-11-19T10:00:00Z" }), // untriaged
        issue(6, { labels: ["P3"], created_at: "2026-11-21T10:00:00Z" }), // after `now`: not yet there
        issue(7, { labels: ["P2"], pull_request: { merged_at: null } }), // a PR in the issues list
      ],
    });
    const s = buildWeekSnapshot(
      sources(data),
      { weekId: "2026-W47", now: W47_NOW, previous: null, backfilled: false },
      config(),
    );
    expect(snapshotSchema.safeParse(s).success).toBe(true);
    expect(s.issues.bySeverity.P0).toEqual({ open: 1, new: 0, fixed: 0 });
    expect(s.issues.bySeverity.P1).toEqual({ open: 1, new: 1, fixed: 1 });
    expect(s.issues.bySeverity.P2).toEqual({ open: 0, new: 1, fixed: 0 });
    expect(s.issues.bySeverity.P3).toEqual({ open: 0, new: 0, fixed: 0 });
    expect(s.issues.untriaged).toBe(1);
    expect(s.issues.open.map((i) => i.number)).toEqual([1, 2, 5]);
    expect(s.launch).toEqual({ date: "2026-11-10", day: 10, phase: "medium-alert" });
    expect(s.week.start).toBe("2026-11-16T00:00:00-05:00");
  });

  it("reports the state at a past week's end from events (labels and reopen undone)", () => {
    const data = sources({
      issues: [
        // P0 today, but it was only labeled P0 in W48; in W47 it was P2.
        issue(1, { labels: ["P0"], created_at: "2026-11-16T10:00:00Z" }),
        // Closed in W48: open at the end of W47.
        issue(2, {
          labels: ["P1"],
          state: "closed",
          closed_at: "2026-11-24T10:00:00Z",
          created_at: "2026-11-16T10:00:00Z",
        }),
      ],
      events: [
        { event: "labeled", created_at: "2026-11-16T10:05:00Z", label: { name: "P2" }, issue: { number: 1 } },
        { event: "unlabeled", created_at: "2026-11-24T09:00:00Z", label: { name: "P2" }, issue: { number: 1 } },
        { event: "labeled", created_at: "2026-11-24T09:00:00Z", label: { name: "P0" }, issue: { number: 1 } },
      ],
    });
    const now = new Date("2026-11-27T22:00:00Z");
    const s = buildWeekSnapshot(data, { weekId: "2026-W47", now, previous: null, backfilled: true }, config());
    expect(s.issues.bySeverity.P0.open).toBe(0);
    expect(s.issues.bySeverity.P2.open).toBe(1);
    expect(s.issues.bySeverity.P1.open).toBe(1);
    expect(s.issues.open.find((i) => i.number === 1)?.labels).toEqual(["P2"]);
    // Unknowable after the fact: unknown, not zero.
    expect(s.downloads.total).toBeNull();
    expect(s.stars.total).toBeNull();
    expect(s.backfilled).toBe(true);
  });

  it("computes download and star deltas against the previous snapshot", () => {
    const releases = [
      release("v1.1.0", "2026-11-10T17:00:00Z", [100, 40]),
      release("v1.1.1", "2026-11-16T17:00:00Z", [280]),
    ];
    const w46 = buildWeekSnapshot(
      sources({ releases: [release("v1.1.0", "2026-11-10T17:00:00Z", [100, 40])], stars: 310 }),
      { weekId: "2026-W46", now: new Date("2026-11-13T22:00:00Z"), previous: null, backfilled: false },
      config(),
    );
    expect(w46.downloads).toEqual({ total: 140, delta: null });
    const w47 = buildWeekSnapshot(
      sources({ releases, stars: 455 }),
      { weekId: "2026-W47", now: W47_NOW, previous: w46, backfilled: false },
      config(),
    );
    expect(w47.previousWeek).toBe("2026-W46");
    expect(w47.downloads).toEqual({ total: 420, delta: 280 });
    expect(w47.stars).toEqual({ total: 455, delta: 145 });
    // An unknown side gives an unknown delta, never a fake number.
    const unknownStars = buildWeekSnapshot(
      sources({ releases, stars: null }),
      { weekId: "2026-W47", now: W47_NOW, previous: w46, backfilled: false },
      config(),
    );
    expect(unknownStars.stars).toEqual({ total: null, delta: null });
  });

  it("lists merged PRs by non-members, not members or bots", () => {
    const data = sources({
      pulls: [
        pull(10),
        pull(11, { author_association: "MEMBER" }),
        pull(12, { user: { login: "dependabot[bot]", type: "Bot" } }),
        pull(13, { merged_at: null }),
        pull(14, {
          merged_at: "2026-11-12T10:00:00Z",
          closed_at: "2026-11-12T10:00:00Z",
          created_at: "2026-11-11T10:00:00Z",
        }),
      ],
    });
    const s = buildWeekSnapshot(
      data,
      { weekId: "2026-W47", now: W47_NOW, previous: null, backfilled: false },
      config(),
    );
    expect(s.community.mergedPulls).toBe(1);
    expect(s.community.pulls.map((p) => p.number)).toEqual([10]);
  });

  it("takes the latest metric sample in the week and judges it against the period's targets", () => {
    const metrics = parseMetrics(
      [
        "metric,at,value",
        "error_rate,2026-11-17T10:00:00Z,7",
        "error_rate,2026-11-19T10:00:00Z,2",
        "crash_rate,2026-11-12T10:00:00Z,0.5",
        "awu,2026-11-19T10:00:00Z,170",
      ].join("\n"),
      "metrics.csv",
    );
    const s = buildWeekSnapshot(
      sources({ metrics }),
      { weekId: "2026-W47", now: W47_NOW, previous: null, backfilled: false },
      config(),
    );
    const byName = Object.fromEntries(s.metrics.map((m) => [m.name, m]));
    expect(byName.error_rate).toMatchObject({
      value: 2,
      unit: "%",
      target: 5,
      comparison: "<",
      status: "ok",
      level: "must-have",
    });
    // Only a W46 sample: unknown in W47, not its old value and not 0.
    expect(byName.crash_rate).toMatchObject({ value: null, status: "unknown" });
    // Week 2 (T+8–14) target for AWU is ≥180.
    expect(byName.awu).toMatchObject({ value: 170, target: 180, comparison: ">=", status: "missed", level: "target" });
    expect(s.status.overall).toBe("yellow");
    expect(s.status.reasons.map((r) => r.rule)).toContain("target:awu");
  });

  it("reads targets only from the config's own keys, whatever a metric is called", () => {
    // A series named like an Object.prototype member was judged as a must-have with no target.
    const sample = { samples: [{ at: "2026-11-18T10:00:00Z", value: 3 }] };
    const metrics = parseMetrics(JSON.stringify({ metrics: { toString: sample, constructor: sample } }), "m.json");
    const s = buildWeekSnapshot(
      sources({ metrics }),
      { weekId: "2026-W47", now: W47_NOW, previous: null, backfilled: false },
      config(),
    );
    expect(snapshotSchema.safeParse(s).success).toBe(true);
    for (const name of ["toString", "constructor"]) {
      expect(s.metrics.find((m) => m.name === name)).toMatchObject({ value: 3, target: null, level: "target" });
    }
  });

  it("uses notes from the notes file before labels", () => {
    const data = sources({
      issues: [issue(1, { labels: ["highlight"], title: "Big win", created_at: "2026-11-17T10:00:00Z" })],
      pulls: [pull(9, { labels: ["challenge"], title: "Hard migration" })],
    });
    const fromLabels = buildWeekSnapshot(
      data,
      { weekId: "2026-W47", now: W47_NOW, previous: null, backfilled: false },
      config(),
    );
    expect(fromLabels.notes).toMatchObject({
      highlights: ["Big win (#1)"],
      challenges: ["Hard migration (#9)"],
      source: "labels",
    });
    const withFile = buildWeekSnapshot(
      { ...data, notes: new Map([["2026-W47", { highlights: ["From the file"], challenges: [], focus: ["Ship"] }]]) },
      { weekId: "2026-W47", now: W47_NOW, previous: null, backfilled: false },
      config(),
    );
    expect(withFile.notes).toEqual({
      highlights: ["From the file"],
      challenges: [],
      focus: ["Ship"],
      source: "notes-file",
    });
  });

  it("counts SLA clocks per severity and lists breaches", () => {
    const data = sources({
      issues: [
        issue(1, { labels: ["P1"], created_at: "2026-11-17T10:00:00Z", user: { login: "reporter" } }), // no response: breached
        issue(2, { labels: ["P1"], created_at: "2026-11-18T10:00:00Z", user: { login: "reporter" } }), // responded in 30 min
      ],
      comments: [
        {
          id: 1,
          issue_url: "https://api.github.com/repos/acme/caro/issues/2",
          user: { login: "maintainer" },
          author_association: "MEMBER",
          created_at: "2026-11-18T10:30:00Z",
        },
      ],
    });
    const s = buildWeekSnapshot(
      data,
      { weekId: "2026-W47", now: W47_NOW, previous: null, backfilled: false },
      config(),
    );
    const p1 = s.sla.bySeverity.P1;
    expect(p1.met).toBe(1); // #2's response
    expect(p1.breached).toBe(3); // #1's response, both resolutions (24 h)
    expect(p1.compliance).toBe(25);
    expect(
      s.sla.breaches
        .filter((b) => b.number === 1)
        .map((b) => b.clock)
        .sort(),
    ).toEqual(["resolution", "response"]);
    // Without comments, response clocks are unknown and left out.
    const noComments = buildWeekSnapshot(
      { ...data, comments: null },
      { weekId: "2026-W47", now: W47_NOW, previous: null, backfilled: false },
      config(),
    );
    expect(noComments.sla.bySeverity.P1).toMatchObject({ met: 0, breached: 2 });
    expect(noComments.issues.open[0]?.response).toBeNull();
  });

  it("links breaches and community PRs only to http(s) URLs, so the snapshot stays valid", () => {
    // An export's html_url is untrusted: a non-http one would make a snapshot its own schema rejects.
    const data = sources({
      issues: [issue(1, { labels: ["P0"], html_url: "javascript:alert(1)" })],
      pulls: [pull(3, { html_url: "javascript:alert(2)" })],
    });
    const s = buildWeekSnapshot(
      data,
      { weekId: "2026-W47", now: W47_NOW, previous: null, backfilled: false },
      config(),
    );
    expect(snapshotSchema.safeParse(s).success).toBe(true);
    expect(s.sla.breaches.length).toBeGreaterThan(0);
    for (const b of s.sla.breaches) expect(b.url).toBe("https://github.com/acme/caro/issues/1");
    expect(s.community.pulls.map((p) => p.url)).toEqual(["https://github.com/acme/caro/pull/3"]);
  });

  it("refuses to build a snapshot its own schema would reject (fail closed, nothing stored)", () => {
    // REST exports allow what a snapshot does not: issue number 0, negative download counts.
    const request = { weekId: "2026-W47", now: W47_NOW, previous: null, backfilled: false };
    const zero = inputErrorOf(() => buildWeekSnapshot(sources({ issues: [issue(0)] }), request, config()));
    expect(zero.file).toBe("snapshots/2026-W47.json");
    expect(zero.message).toContain("issues.open[0].number");
    const negative = sources({ releases: [release("v1", "2026-11-10T17:00:00Z", [-5])] });
    expect(inputErrorOf(() => buildWeekSnapshot(negative, request, config())).message).toContain("downloads.total");
  });

  it("finds the weeks to backfill and the previous snapshot", () => {
    expect(weeksToBackfill("2026-W48", new Set(["2026-W46"]), "2026-W45")).toEqual(["2026-W45", "2026-W47"]);
    expect(weeksToBackfill("2026-W48", new Set(), null)).toEqual([]);
    expect(weeksToBackfill("2027-W01", new Set(), "2026-W52")).toEqual(["2026-W52", "2026-W53"]);
  });
});
