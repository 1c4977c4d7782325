import { describe, expect, it } from "vitest";
import { classifyPhase } from "../../src/triage/issue-phase.js";
import { config } from "./build.js";

const triage = config().triage;

describe("phase", () => {
  it("comes from a phase label, case-insensitively", () => {
    expect(classifyPhase({ labels: ["bug", "Phase:5"] }, triage)).toEqual({ phase: "5", error: null });
  });

  it("comes from the milestone when no label names one", () => {
    expect(classifyPhase({ labels: [], milestone: { title: "Phase 5" } }, triage).phase).toBe("5");
    expect(classifyPhase({ labels: [], milestone: { title: "v1.1 stabilization" } }, triage).phase).toBe(
      "v1.1 stabilization",
    );
    expect(classifyPhase({ labels: ["phase:6"], milestone: { title: "Phase 5" } }, triage).phase).toBe("6");
  });

  it("is null without label or milestone, and an error with two different phase labels", () => {
    expect(classifyPhase({ labels: [], milestone: null }, triage)).toEqual({ phase: null, error: null });
    const conflict = classifyPhase({ labels: ["phase:5", "phase:6"] }, triage);
    expect(conflict.phase).toBeNull();
    expect(conflict.error).toMatch(/conflicting phase labels/);
  });
});
