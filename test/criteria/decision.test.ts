import { describe, expect, it } from "vitest";
import { decide } from "../../src/criteria/evaluate.js";
import type { RuleResult } from "../../src/criteria/result.js";
import { evaluate, fixed, issue, pull, series } from "./build.js";

const fired = (level: RuleResult["level"]): RuleResult => ({
  id: `${level}.x`,
  level,
  rule: "",
  outcome: level === "consider-rollback" ? "consider" : "fire",
  evidence: [],
});
const passed = (level: RuleResult["level"]): RuleResult => ({ ...fired(level), outcome: "pass" });

describe("decision precedence: rollback > consider-rollback > hotfix > patch > feature > none", () => {
  it("the highest firing level wins, in every order", () => {
    const levels = ["feature", "patch", "hotfix", "consider-rollback", "rollback"] as const;
    for (let top = 0; top < levels.length; top++) {
      const rules = levels.slice(0, top + 1).map(fired);
      expect(decide(rules)).toBe(levels[top]);
      expect(decide([...rules].reverse())).toBe(levels[top]);
    }
    expect(decide(levels.map(passed))).toBe("none");
    expect(decide([])).toBe("none");
  });

  it("end to end: a crash spike beats an open P0, which beats a feature PR", () => {
    const issues = [issue({ labels: ["P0"], created_at: "2026-11-05T11:00:00Z" })];
    const pulls = [pull({ labels: ["feature"] })];
    expect(evaluate({ pulls }).decision).toBe("feature");
    expect(evaluate({ issues, pulls }).decision).toBe("hotfix");
    const metricsYaml = series("crash_rate", [["2026-11-05T11:30:00Z", 11]]);
    const result = evaluate({ issues, pulls, metricsYaml });
    expect(result.decision).toBe("rollback");
    expect(result.rules.filter((r) => r.outcome === "fire").map((r) => r.id)).toEqual([
      "rollback.crash-rate",
      "hotfix.open-p0",
      "feature.feature-pr",
    ]);
  });

  it("nothing due is none, and every rule is reported with a unique id", () => {
    const result = evaluate({ issues: [fixed({ labels: ["P3"] })] });
    expect(result.decision).toBe("none");
    const ids = result.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(17);
  });
});
