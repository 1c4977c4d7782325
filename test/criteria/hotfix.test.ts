import { describe, expect, it } from "vitest";
import { affectedUsers } from "../../src/criteria/affected-users.js";

const affectedUsersPercent = (body: string, field: string) => affectedUsers(body, field)?.percent ?? null;

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
    // A reporter's claimed P0 is a proposal: no hotfix until a label (or a member's form) confirms it.
    expect(outcome({ issues: [fromForm] }, "hotfix.open-p0")).toBe("pass");
    expect(outcome({ issues: [{ ...fromForm, author_association: "CONTRIBUTOR" }] }, "hotfix.open-p0")).toBe("pass");
    expect(outcome({ issues: [{ ...fromForm, author_association: "MEMBER" }] }, "hotfix.open-p0")).toBe("fire");
    expect(outcome({ issues: [{ ...fromForm, labels: ["P0"] }] }, "hotfix.open-p0")).toBe("fire");
  });

  it("a claimed P0 open for days is no rollback either, until confirmed", () => {
    const claimed = issue({ body: "### Severity\n\nP0\n", created_at: "2026-11-01T00:00:00Z" });
    const result = evaluate({ issues: [claimed] });
    expect(result.decision).toBe("none");
    expect(evaluate({ issues: [{ ...claimed, labels: ["P0"] }] }).decision).toBe("rollback");
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

  it.each([
    ["~25%", 25],
    ["about 25 %", 25],
    ["About 25%", 25],
    ["approx. 30 %", 30],
    ["25-30", 25],
    ["25 – 30 %", 25],
    ["25% to 30%", 25],
    [">20%", 20],
    ["> 20 %", 20],
    ["more than 20%", 20],
    ["0.5", 0.5],
    ["30-25", null],
    ["20-150", null],
    ["25, maybe 30", null],
    ["most", null],
  ])("reads free text %j as %s", (answer, percent) => {
    expect(affectedUsersPercent(form(answer), "Affected users (%)")).toBe(percent);
  });

  it("free-text shares decide like numbers: a range at its lower bound, '>20%' is over 20", () => {
    const at = (answer: string) =>
      outcome({ issues: [issue({ labels: ["P1"], body: form(answer) })] }, "hotfix.p1-affected-users");
    expect(at("~25%")).toBe("fire");
    expect(at("about 25 %")).toBe("fire");
    expect(at("25-30")).toBe("fire");
    expect(at(">20%")).toBe("fire");
    expect(at("~20%")).toBe("pass");
    expect(at("15-30")).toBe("pass");
    expect(at(">19%")).toBe("pass");
    expect(at(">15%")).toBe("pass");
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
