import { describe, expect, it } from "vitest";
import { evaluateTriage } from "../../src/triage/evaluate.js";
import { comment, config, issue, labeled } from "./build.js";

/**
 * `--now` replays a past instant (docs/triage.md): what happened after it — issues opened,
 * comments written, labels added, issues closed — must not count yet.
 */
const NOW = new Date("2026-11-02T10:10:00Z");
const run = (input: Partial<Parameters<typeof evaluateTriage>[0]>) =>
  evaluateTriage({ issues: [], comments: [], now: NOW, config: config(), ...input });

describe("triage at a past --now", () => {
  it("leaves out issues opened after now", () => {
    const result = run({ issues: [issue(1, { labels: ["P0"], created_at: "2026-11-02T10:30:00Z" })] });
    expect(result.issues).toEqual([]);
  });

  it("does not count a response written after now: the P0 response clock is breached", () => {
    const result = run({
      issues: [issue(1, { labels: ["P0"] })],
      comments: [comment(1, "2026-11-02T10:30:00Z", "maintainer")],
    });
    expect(result.issues[0]?.response).toEqual({ state: "breached", dueAt: "2026-11-02T10:05:00.000Z", at: null });
    expect(result.breaches.map((b) => b.clock)).toEqual(["response"]);
  });

  it("treats an issue closed after now as still open", () => {
    const result = run({
      issues: [
        issue(1, { labels: ["P0"], state: "closed", state_reason: "completed", closed_at: "2026-11-02T11:00:00Z" }),
      ],
    });
    expect(result.issues[0]?.state).toBe("open");
    expect(result.issues[0]?.resolution).toEqual({ state: "pending", dueAt: "2026-11-02T14:00:00.000Z", at: null });
  });

  it("winds labels back to now: a label added after now was not there yet", () => {
    const result = run({ issues: [issue(1, { labels: ["P1"] })], events: [labeled(1, "P1", "2026-11-02T10:40:00Z")] });
    expect(result.issues[0]).toMatchObject({ severity: null, triaged: false, clockStart: null });
    expect(result.issues[0]?.triage.at).toBeNull();
    expect(result.untriaged).toEqual([1]);
  });
});
