import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { breachViews } from "../../site/src/lib/breaches.js";
import { reactionWords } from "../../site/src/lib/emoji.js";
import { blockingReason, type GateItem, lineUrl, sectionTrail, signerWords } from "../../site/src/lib/gate-view.js";
import { pagePath, pages } from "../../site/src/lib/paginate.js";
import type { SlaBreach, Snapshot, SnapshotGate } from "../../src/snapshot/schema.js";

const base = JSON.parse(
  readFileSync(new URL("../fixtures/snapshots/2026-W48.json", import.meta.url), "utf8"),
) as Snapshot;

const breach = (number: number, dueAt: string, stoppedAt: string | null): SlaBreach => ({
  number,
  title: `Issue ${number}`,
  url: `https://github.com/acme/caro/issues/${number}`,
  severity: "P1",
  clock: "response",
  dueAt,
  stoppedAt,
});

describe("breachViews", () => {
  const week = { ...base.week, start: "2026-11-23T00:00:00Z", end: "2026-11-30T00:00:00Z" };
  const open = base.issues.open.slice(0, 1).map((i) => ({ ...i, number: 1 }));
  const breaches = [
    breach(1, "2026-11-01T00:00:00Z", null), // open issue, overdue since before the week
    breach(2, "2026-11-25T00:00:00Z", null), // running, but issue 2 is not open (closed)
    breach(3, "2026-11-24T00:00:00Z", "2026-11-26T00:00:00Z"), // answered late this week
    breach(1, "2026-11-29T23:59:59Z", null), // open issue, new this week
  ];
  // An older snapshot: running and stopped-late clocks in one list.
  const s: Snapshot = {
    ...base,
    week,
    issues: { ...base.issues, open, openOmitted: 0 },
    sla: { ...base.sla, breaches, missed: [] },
  };

  it("lists running clocks on open issues as open breaches, and no closed issue", () => {
    expect(breachViews(s).open.map((b) => [b.number, b.dueAt])).toEqual([
      [1, "2026-11-01T00:00:00Z"],
      [1, "2026-11-29T23:59:59Z"],
    ]);
  });

  it("counts a breach as new when its deadline passed during the week, whether running or stopped late", () => {
    expect(breachViews(s).newThisWeek.map((b) => b.number)).toEqual([2, 3, 1]);
  });

  it("reads a current snapshot's two lists: running breaches and clocks missed this week", () => {
    const running = breaches.filter((b) => b.stoppedAt === null);
    const missed = breaches.filter((b) => b.stoppedAt !== null);
    const current = { ...s, sla: { ...s.sla, breaches: running, missed } };
    expect(breachViews(current).open.map((b) => b.number)).toEqual([1, 1]);
    expect(
      breachViews(current)
        .newThisWeek.map((b) => b.number)
        .toSorted(),
    ).toEqual([1, 2, 3]);
    expect(breachViews(current).all).toHaveLength(4);
  });

  it("keeps a running clock as open when the open list was capped and cannot tell", () => {
    const capped = { ...s, issues: { ...s.issues, openOmitted: 5 } };
    expect(breachViews(capped).open.map((b) => b.number)).toEqual([1, 2, 1]);
  });
});

describe("pages", () => {
  it("splits a list into pages of a hundred and keeps one empty page for an empty list", () => {
    const items = Array.from({ length: 250 }, (_, i) => i);
    expect(pages(items).map((p) => p.length)).toEqual([100, 100, 50]);
    expect(pages(items).flat()).toEqual(items);
    expect(pages([])).toEqual([[]]);
    expect([pagePath("triage/p2", 1), pagePath("triage/p2", 3)]).toEqual(["triage/p2/", "triage/p2/3/"]);
  });
});

describe("gate view", () => {
  const item: GateItem = {
    line: 42,
    text: "Rollback tested",
    checked: false,
    owners: ["@sre"],
    optional: false,
    waived: false,
    signedOffBy: null,
  };
  const gate = (path: string, ref?: string): SnapshotGate => ({
    id: "go-live",
    title: "Go-live",
    path,
    total: 1,
    done: 0,
    required: 1,
    requiredDone: 0,
    passed: false,
    tasks: [],
    ...(ref ? { ref } : {}),
  });

  it("links a line at the snapshot's commit, or at the default branch when it names none", () => {
    const repo = "https://github.com/acme/caro";
    expect(lineUrl(repo, gate("launch/gates/go live.md", "abc1234"), 42)).toBe(
      "https://github.com/acme/caro/blob/abc1234/launch/gates/go%20live.md#L42",
    );
    expect(lineUrl(repo, gate("launch/go-live.md"), 7)).toBe(
      "https://github.com/acme/caro/blob/HEAD/launch/go-live.md#L7",
    );
  });

  it("never links a path outside the repository", () => {
    const repo = "https://github.com/acme/caro";
    for (const path of ["/home/me/launch/go-live.md", "../other/go-live.md", "C:\\gates\\go-live.md", ""]) {
      expect(lineUrl(repo, gate(path), 1), path).toBeUndefined();
    }
  });

  it("says why an item blocks, from the snapshot or, in older snapshots, from its tick", () => {
    expect(blockingReason(item)).toBe("not ticked");
    expect(blockingReason({ ...item, optional: true })).toBeNull();
    expect(blockingReason({ ...item, checked: true, blocking: "waiver-without-reason" })).toBe(
      "waived without a reason",
    );
    expect(blockingReason({ ...item, checked: true, blocking: "unverified", unverifiedReason: "no history" })).toBe(
      "ticked, but the sign-off is not verified: no history",
    );
    expect(blockingReason({ ...item, blocking: null })).toBeNull();
  });

  it("puts the signer in words", () => {
    expect(signerWords(item)).toBeNull();
    expect(signerWords({ ...item, checked: true, signedOffBy: "alice" })).toBe("signed off by @alice");
    expect(signerWords({ ...item, checked: true, unverifiedReason: "ticked by a non-owner" })).toBe(
      "not verified: ticked by a non-owner",
    );
  });

  it("names the sections below the task heading", () => {
    const nested = { ...item, headings: ["Gate 5", "TASK 5.1", "Policy"] };
    expect(sectionTrail(nested, "TASK 5.1")).toEqual(["Policy"]);
    expect(sectionTrail(item, "TASK 5.1")).toEqual([]);
  });
});

describe("reactionWords", () => {
  it("spells out GitHub's reaction emoji and leaves other text alone", () => {
    expect(reactionWords("labeled frequent or ≥ 10 👍 — frequent complaint (20 👍) fixed by #403")).toBe(
      "labeled frequent or ≥ 10 thumbs-up — frequent complaint (20 thumbs-up) fixed by #403",
    );
    expect(reactionWords("❤️ and ❤ and 🎉")).toBe("heart and heart and hooray");
    expect(reactionWords("Überprüfung 日本語")).toBe("Überprüfung 日本語");
  });
});
