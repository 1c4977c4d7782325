import { describe, expect, it } from "vitest";
import { evaluate, issue, outcome, pull, RELEASE_AT, release, rule, series } from "./build.js";

const t = (offsetSeconds: number) => new Date(Date.parse("2026-11-05T11:00:00Z") + offsetSeconds * 1000).toISOString();

describe("rollback.crash-rate", () => {
  it("fires above 10 % of users and not at exactly 10 %", () => {
    expect(outcome({ metricsYaml: series("crash_rate", [[t(0), 10.01]]) }, "rollback.crash-rate")).toBe("fire");
    expect(outcome({ metricsYaml: series("crash_rate", [[t(0), 10]]) }, "rollback.crash-rate")).toBe("pass");
  });

  it("reads the latest sample at or before now: a recovered crash rate does not fire", () => {
    const yaml = series("crash_rate", [
      [t(0), 25],
      [t(60), 2],
    ]);
    expect(outcome({ metricsYaml: yaml }, "rollback.crash-rate")).toBe("pass");
    expect(outcome({ metricsYaml: yaml, now: t(30) }, "rollback.crash-rate")).toBe("fire");
  });

  it("ignores samples from before the latest release and says so without a metrics file", () => {
    const yaml = series("crash_rate", [["2026-11-01T10:00:00Z", 40]]);
    expect(outcome({ metricsYaml: yaml }, "rollback.crash-rate")).toBe("pass");
    expect(rule(evaluate({}), "rollback.crash-rate").evidence[0]).toMatchObject({
      kind: "note",
      text: expect.stringContaining("no metrics file"),
    });
  });

  it("evidence points at the metric sample's line", () => {
    const r = rule(evaluate({ metricsYaml: series("crash_rate", [[t(0), 12]]) }), "rollback.crash-rate");
    expect(r.evidence[0]).toMatchObject({
      kind: "metric",
      metric: "crash_rate",
      value: 12,
      file: "metrics.yml",
      line: 4,
    });
  });
});

describe("rollback.error-rate: > 10 % sustained for 2 min", () => {
  it("a 1 min 59 s spike does not fire; 2 min does", () => {
    const spike = (seconds: number) =>
      series("error_rate", [
        [t(-30), 1],
        [t(0), 30],
        [t(60), 30],
        [t(seconds), 30],
        [t(seconds + 30), 1],
      ]);
    expect(outcome({ metricsYaml: spike(119) }, "rollback.error-rate")).toBe("pass");
    expect(outcome({ metricsYaml: spike(120) }, "rollback.error-rate")).toBe("fire");
  });

  it("one sample at or below the threshold breaks the window", () => {
    const yaml = series("error_rate", [
      [t(0), 20],
      [t(60), 10],
      [t(121), 20],
      [t(180), 20],
    ]);
    expect(outcome({ metricsYaml: yaml }, "rollback.error-rate")).toBe("pass");
  });

  it("threshold and duration come from config", () => {
    const yaml = series("error_rate", [
      [t(0), 6],
      [t(60), 6],
    ]);
    expect(outcome({ metricsYaml: yaml }, "rollback.error-rate")).toBe("pass");
    const config = { rollback: { errorRate: { threshold: 5, minutes: 1 } } };
    expect(outcome({ metricsYaml: yaml, config }, "rollback.error-rate")).toBe("fire");
  });

  it("evidence names the first and last sample of the window", () => {
    const yaml = series("error_rate", [
      [t(0), 15],
      [t(60), 16],
      [t(120), 17],
    ]);
    const r = rule(evaluate({ metricsYaml: yaml }), "rollback.error-rate");
    expect(r.evidence.map((e) => (e.kind === "metric" ? [e.value, e.line] : null))).toEqual([
      [15, 4],
      [17, 6],
    ]);
  });
});

describe("rollback.uptime: < 90 % sustained for 5 min", () => {
  it("fires at exactly 5 min below 90 %, not at 4 min 59 s, not at exactly 90 %", () => {
    const down = (seconds: number, value = 80) =>
      series("uptime", [
        [t(0), value],
        [t(seconds), value],
      ]);
    expect(outcome({ metricsYaml: down(300) }, "rollback.uptime")).toBe("fire");
    expect(outcome({ metricsYaml: down(299) }, "rollback.uptime")).toBe("pass");
    expect(outcome({ metricsYaml: down(600, 90) }, "rollback.uptime")).toBe("pass");
  });
});

describe("rollback.issue-label", () => {
  it("fires for an open pii-leak or data-corruption issue, not a closed one", () => {
    expect(outcome({ issues: [issue({ labels: ["pii-leak"] })] }, "rollback.issue-label")).toBe("fire");
    expect(outcome({ issues: [issue({ labels: ["Data-Corruption"] })] }, "rollback.issue-label")).toBe("fire");
    const closed = issue({ labels: ["pii-leak"], state: "closed", closed_at: "2026-11-04T00:00:00Z" });
    expect(outcome({ issues: [closed] }, "rollback.issue-label")).toBe("pass");
  });

  it("an open dangerous-command issue (the seed matrix's 'Dangerous command executed') means rollback", () => {
    const result = evaluate({ issues: [issue({ number: 640, labels: ["dangerous-command", "P1"] })] });
    expect(result.decision).toBe("rollback");
    expect(rule(result, "rollback.issue-label")).toMatchObject({
      outcome: "fire",
      evidence: [{ kind: "issue", number: 640, text: "open, labeled dangerous-command" }],
    });
  });
});

describe("rollback.p0-overdue", () => {
  const p0 = (created: string) => issue({ labels: ["P0"], created_at: created, number: 500 });
  it("fires for a P0 open longer than 4 h, not at exactly 4 h", () => {
    expect(outcome({ issues: [p0("2026-11-05T07:59:59Z")] }, "rollback.p0-overdue")).toBe("fire");
    expect(outcome({ issues: [p0("2026-11-05T08:00:00Z")] }, "rollback.p0-overdue")).toBe("pass");
  });

  it("a single P0 with a linked open fix PR is a hotfix, not a rollback", () => {
    const fix = pull({ state: "open", merged_at: null, closed_at: null, body: "Fixes #500" });
    const result = evaluate({ issues: [p0("2026-11-05T01:00:00Z")], pulls: [fix] });
    expect(rule(result, "rollback.p0-overdue").outcome).toBe("pass");
    expect(rule(result, "hotfix.open-p0").outcome).toBe("fire");
    expect(result.decision).toBe("hotfix");
  });

  it("two P0s: each overdue one needs its own fix PR, else it is a rollback", () => {
    const fix = pull({ state: "open", merged_at: null, closed_at: null, body: "Fixes #500" });
    const recent = issue({ labels: ["P0"], created_at: "2026-11-05T11:00:00Z" });
    expect(evaluate({ issues: [p0("2026-11-05T01:00:00Z"), recent], pulls: [fix] }).decision).toBe("hotfix");
    const overdue = issue({ number: 501, labels: ["P0"], created_at: "2026-11-05T02:00:00Z" });
    expect(evaluate({ issues: [p0("2026-11-05T01:00:00Z"), overdue], pulls: [fix] }).decision).toBe("rollback");
  });

  it("a merged fix PR (into any branch) is a clear fix too; the exemption can be turned off", () => {
    const merged = pull({
      body: "Fixes #500",
      merged_at: "2026-11-05T11:00:00Z",
      closed_at: "2026-11-05T11:00:00Z",
      base: { ref: "release/1.1" },
    });
    const result = evaluate({ issues: [p0("2026-11-05T01:00:00Z")], pulls: [merged] });
    expect(rule(result, "rollback.p0-overdue").outcome).toBe("pass");
    expect(result.decision).toBe("hotfix");
    expect(JSON.stringify(rule(result, "hotfix.open-p0").evidence)).toContain("merged fix PR for #500");
    // A fix PR closed without merging is no fix.
    const dropped = { ...merged, merged_at: null };
    expect(outcome({ issues: [p0("2026-11-05T01:00:00Z")], pulls: [dropped] }, "rollback.p0-overdue")).toBe("fire");
    const open = pull({ state: "open", merged_at: null, closed_at: null, body: "Fixes #500" });
    const config = { rollback: { p0Overdue: { clearFixIsHotfix: false } } };
    expect(outcome({ issues: [p0("2026-11-05T01:00:00Z")], pulls: [open], config }, "rollback.p0-overdue")).toBe(
      "fire",
    );
  });
});

describe("consider-rollback.p1-burst", () => {
  const p1At = (created: string) => issue({ labels: ["P1"], created_at: created });
  it("two P1s within the first hour after the latest release: consider", () => {
    const issues = [p1At("2026-11-02T10:05:00Z"), p1At("2026-11-02T11:00:00Z")];
    expect(outcome({ issues }, "consider-rollback.p1-burst")).toBe("consider");
    expect(evaluate({ issues }).decision).toBe("consider-rollback");
  });

  it("one P1, or the second one a second after the hour, does not", () => {
    expect(outcome({ issues: [p1At("2026-11-02T10:05:00Z")] }, "consider-rollback.p1-burst")).toBe("pass");
    const late = [p1At("2026-11-02T10:05:00Z"), p1At("2026-11-02T11:00:01Z")];
    expect(outcome({ issues: late }, "consider-rollback.p1-burst")).toBe("pass");
  });

  it("time zones: offsets in timestamps are honoured", () => {
    // 11:30+02:00 is 09:30Z, before the release at 10:00Z; 12:15+02:00 is 10:15Z, inside the hour.
    const issues = [p1At("2026-11-02T11:30:00+02:00"), p1At("2026-11-02T12:15:00+02:00")];
    expect(outcome({ issues }, "consider-rollback.p1-burst")).toBe("pass");
    const releases = [release({ published_at: "2026-11-02T11:20:00+02:00" })];
    expect(outcome({ issues, releases }, "consider-rollback.p1-burst")).toBe("consider");
  });

  it("does not apply without a published release", () => {
    const issues = [p1At(RELEASE_AT), p1At(RELEASE_AT)];
    expect(outcome({ issues, releases: [] }, "consider-rollback.p1-burst")).toBe("pass");
    expect(outcome({ issues, releases: [release({ draft: true })] }, "consider-rollback.p1-burst")).toBe("pass");
  });
});
