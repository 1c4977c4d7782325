import { describe, expect, it } from "vitest";
import { evaluate, issue, outcome, rule } from "./build.js";

/**
 * Criteria fail closed on a triage error: an issue labeled with two different severities counts
 * as the most severe of them (triage still lists it as untriaged until one label goes).
 */
describe("conflicting severity labels in criteria", () => {
  it("an open issue labeled P0 and P2 still forces a hotfix and costs the readiness P0 part", () => {
    const conflicted = issue({ labels: ["P2", "P0"], created_at: "2026-11-05T11:00:00Z" });
    const result = evaluate({ issues: [conflicted] });
    expect(rule(result, "hotfix.open-p0").outcome).toBe("fire");
    expect(result.decision).toBe("hotfix");
    expect(result.readinessParts.find((p) => p.id === "p0")?.score).toBe(0);
  });

  it("aliases count too: sev1 with severity:low is a P1", () => {
    const form = "### Affected users (%)\n\n50\n";
    const conflicted = issue({ labels: ["severity:low", "sev1"], body: form });
    expect(outcome({ issues: [conflicted] }, "hotfix.p1-affected-users")).toBe("fire");
  });
});
