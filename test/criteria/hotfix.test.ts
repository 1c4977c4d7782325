import { describe, expect, it } from "vitest";
import { affectedUsersPercent } from "../../src/criteria/affected-users.js";
import { evaluate, issue, outcome, rule } from "./build.js";

const form = (share: string) =>
  `### What happened?\n\nIt crashes.\n\n### Affected users (%)\n\n${share}\n\n### Severity\n\nP1\n`;

describe("hotfix.open-p0", () => {
  it("fires for any open P0 and not for a closed one", () => {
    expect(outcome({ issues: [issue({ labels: ["P0"], created_at: "2026-11-05T11:00:00Z" })] }, "hotfix.open-p0")).toBe(
      "fire",
    );
    const closed = issue({
      labels: ["P0"],
      state: "closed",
      closed_at: "2026-11-05T11:30:00Z",
      created_at: "2026-11-05T11:00:00Z",
    });
    expect(outcome({ issues: [closed] }, "hotfix.open-p0")).toBe("pass");
  });

  it("uses triage's severity: aliases and the issue-form field count", () => {
    expect(
      outcome({ issues: [issue({ labels: ["sev0"], created_at: "2026-11-05T11:00:00Z" })] }, "hotfix.open-p0"),
    ).toBe("fire");
    const fromForm = issue({ body: "### Severity\n\nP0 — critical\n", created_at: "2026-11-05T11:00:00Z" });
    expect(outcome({ issues: [fromForm] }, "hotfix.open-p0")).toBe("fire");
  });
});

describe("hotfix.p1-affected-users: > 20 % of users", () => {
  it("fires at 20.1 %, not at 20 %", () => {
    expect(outcome({ issues: [issue({ labels: ["P1"], body: form("20.1") })] }, "hotfix.p1-affected-users")).toBe(
      "fire",
    );
    expect(outcome({ issues: [issue({ labels: ["P1"], body: form("20") })] }, "hotfix.p1-affected-users")).toBe("pass");
  });

  it("only for open P1s; the threshold is configurable", () => {
    expect(outcome({ issues: [issue({ labels: ["P2"], body: form("90") })] }, "hotfix.p1-affected-users")).toBe("pass");
    const config = { hotfix: { p1AffectedUsers: { percent: 10 } } };
    expect(outcome({ issues: [issue({ labels: ["P1"], body: form("15") })], config }, "hotfix.p1-affected-users")).toBe(
      "fire",
    );
  });

  it("reads the issue-form section", () => {
    expect(affectedUsersPercent(form("25%"), "Affected users (%)")).toBe(25);
    expect(affectedUsersPercent(form("25 %"), "affected users (%)")).toBe(25);
    expect(affectedUsersPercent(form("_No response_"), "Affected users (%)")).toBeNull();
    expect(affectedUsersPercent(form("about a quarter"), "Affected users (%)")).toBeNull();
    expect(affectedUsersPercent(form("150"), "Affected users (%)")).toBeNull();
    expect(affectedUsersPercent("Affected users (%): 50", "Affected users (%)")).toBeNull();
    expect(affectedUsersPercent("```\n### Affected users (%)\n\n50\n```", "Affected users (%)")).toBeNull();
  });
});

describe("hotfix.issue-label", () => {
  it("fires for an open security or data-integrity issue", () => {
    expect(outcome({ issues: [issue({ labels: ["security"] })] }, "hotfix.issue-label")).toBe("fire");
    expect(outcome({ issues: [issue({ labels: ["data-integrity"] })] }, "hotfix.issue-label")).toBe("fire");
    expect(outcome({ issues: [issue({ labels: ["secure-boot"] })] }, "hotfix.issue-label")).toBe("pass");
    const r = rule(evaluate({ issues: [issue({ labels: ["security"], number: 77 })] }), "hotfix.issue-label");
    expect(r.evidence[0]).toMatchObject({ kind: "issue", number: 77 });
  });
});
