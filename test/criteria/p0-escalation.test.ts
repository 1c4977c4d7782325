import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/load.js";
import type { RestIssueEvent } from "../../src/model/rest.js";
import { severityLabelTimes } from "../../src/triage/label-times.js";
import { evaluate, issue, NOW, rule } from "./build.js";

/**
 * "Unable to fix P0 within 4 hours → rollback": the 4 hours run from when the issue became a P0.
 * An old P2 escalated to P0 ten minutes ago is a hotfix, not an instant rollback.
 */
const labeled = (number: number, label: string, at: string): RestIssueEvent => ({
  event: "labeled",
  created_at: at,
  label: { name: label },
  issue: { number },
});

describe("rollback.p0-overdue after an escalation", () => {
  const escalated = issue({ number: 700, labels: ["P0"], created_at: "2026-11-03T09:00:00Z" });
  const events = [labeled(700, "P2", "2026-11-03T09:00:00Z"), labeled(700, "sev0", "2026-11-05T11:50:00Z")];
  const times = (list: RestIssueEvent[]) => severityLabelTimes(list, new Date(NOW), defaultConfig.triage);

  it("counts the 4 h from the P0 label, not from creation", () => {
    const result = evaluate({ issues: [escalated], extra: { events } });
    expect(rule(result, "rollback.p0-overdue").outcome).toBe("pass");
    expect(rule(result, "hotfix.open-p0").outcome).toBe("fire");
    expect(result.decision).toBe("hotfix");
  });

  it("fires once the escalated P0 has been a P0 for more than 4 h", () => {
    const result = evaluate({
      issues: [escalated],
      now: "2026-11-05T15:50:01Z",
      extra: { events },
    });
    expect(rule(result, "rollback.p0-overdue").outcome).toBe("fire");
  });

  it("keeps the first P0 label (a P0 relabelled later buys no time) and ignores events after now", () => {
    // Both labels are on the issue today; the P0 added after now was not there at now (sev0 was).
    const both = { ...escalated, labels: ["P0", "sev0"] };
    const relabelled = [
      labeled(700, "P0", "2026-11-05T07:00:00Z"),
      labeled(700, "sev0", "2026-11-05T11:00:00Z"),
      labeled(700, "P0", "2026-11-05T12:30:00Z"),
    ];
    expect(times(relabelled).get(700)?.P0).toBe(Date.parse("2026-11-05T07:00:00Z"));
    expect(rule(evaluate({ issues: [both], extra: { events: relabelled } }), "rollback.p0-overdue").outcome).toBe(
      "fire",
    );
    expect(times([labeled(700, "P0", "2026-11-05T12:30:00Z")]).size).toBe(0);
  });

  it("without events, counts from creation as before", () => {
    expect(rule(evaluate({ issues: [escalated] }), "rollback.p0-overdue").outcome).toBe("fire");
  });
});
