import { describe, expect, it } from "vitest";
import { formField } from "../../src/triage/issue-form.js";
import {
  classifySeverity,
  decisionSeverity,
  formSeverity,
  labelSeverity,
  severityLabel,
} from "../../src/triage/severity.js";
import { config } from "./build.js";

const triage = config().triage;
const form = (answer: string) =>
  `### What happened?\n\nIt crashed.\n\n### Severity\n\n${answer}\n\n### Affected users (%)\n\n40\n`;

describe("severity from labels", () => {
  it.each([
    ["P0", "P0"],
    ["p1", "P1"],
    ["SEV2", "P2"],
    ["sev0", "P0"],
    ["severity:critical", "P0"],
    ["Severity:High", "P1"],
    ["severity:medium", "P2"],
    ["severity:low", "P3"],
    [" P3 ", "P3"],
  ])("label %s is %s", (label, severity) => {
    expect(labelSeverity(label, triage)).toBe(severity);
    expect(classifySeverity({ labels: ["bug", label] }, triage)).toEqual({
      severity,
      source: "label",
      confirmed: true,
      triaged: true,
      error: null,
    });
  });

  it("ignores labels that name no severity", () => {
    expect(labelSeverity("P4", triage)).toBeNull();
    expect(labelSeverity("priority:high", triage)).toBeNull();
    expect(classifySeverity({ labels: ["bug", "phase:5"] }, triage).severity).toBeNull();
  });

  it("accepts two labels naming the same severity", () => {
    expect(classifySeverity({ labels: ["P1", "severity:high"] }, triage).severity).toBe("P1");
  });

  it("conflicting labels: untriaged on the board, counted at the most severe one (one rule for every surface)", () => {
    const result = classifySeverity({ labels: ["sev2", "P1"] }, triage);
    expect(result).toMatchObject({ severity: "P1", source: "label", confirmed: true, triaged: false });
    expect(result.error).toMatch(/conflicting severity labels "sev2" and "P1": counted as P1/);
    expect(decisionSeverity({ labels: ["P3", "sev0", "P2"] }, triage)).toBe("P0");
  });

  it("follows a configured mapping, and labels the Action applies come first in it", () => {
    const custom = config("triage:\n  severity_labels:\n    P0: [blocker, P0]\n").triage;
    expect(labelSeverity("Blocker", custom)).toBe("P0");
    expect(severityLabel("P0", custom)).toBe("blocker");
    expect(severityLabel("P2", custom)).toBe("P2");
    expect(labelSeverity("sev1", custom)).toBe("P1");
  });
});

describe("severity from the issue form", () => {
  it.each([
    ["P1", "P1"],
    ["P0 — critical: crashes, data loss, security", "P0"],
    ["P2 (medium)", "P2"],
    ["sev3", "P3"],
    ["High", "P1"],
    ["severity:low", "P3"],
  ])("answer %j is %s", (answer, severity) => {
    expect(formSeverity(form(answer), triage)).toBe(severity);
    // A reporter's answer is a proposal: it sets the clocks, but the issue stays untriaged.
    expect(classifySeverity({ labels: [], body: form(answer) }, triage)).toEqual({
      severity,
      source: "form",
      confirmed: false,
      triaged: false,
      error: null,
    });
    expect(decisionSeverity({ labels: [], body: form(answer) }, triage)).toBeNull();
  });

  it.each([
    ["OWNER", true],
    ["MEMBER", true],
    ["collaborator", true],
    ["CONTRIBUTOR", false],
    ["NONE", false],
    [undefined, false],
  ])("a form filed by %s is confirmed: %s", (association, confirmed) => {
    const issue = { labels: [], body: form("P0"), ...(association ? { author_association: association } : {}) };
    expect(classifySeverity(issue, triage)).toMatchObject({
      severity: "P0",
      source: "form",
      confirmed,
      triaged: confirmed,
    });
    expect(decisionSeverity(issue, triage)).toBe(confirmed ? "P0" : null);
  });

  it("reads no severity from an unanswered field, a missing field or an unknown answer", () => {
    expect(formSeverity(form("_No response_"), triage)).toBeNull();
    expect(formSeverity("### What happened?\n\nP0 everything is down\n", triage)).toBeNull();
    expect(formSeverity(form("urgent!!"), triage)).toBeNull();
    expect(formSeverity("", triage)).toBeNull();
  });

  it("parses Markdown, not text: a Severity line inside a code block is not the field", () => {
    const body = "### Logs\n\n```\n### Severity\n\nP0\n```\n";
    expect(formField(body, "Severity")).toBeNull();
    expect(formSeverity(body, triage)).toBeNull();
  });

  it("takes the answer up to the next heading, whatever its exact heading level", () => {
    expect(formField("## severity\n\nP2\n\n## Other\n\nP0\n", "Severity")).toBe("P2");
    expect(formField("### Severity\n\n**P1**\n", "Severity")).toBe("P1");
  });

  it("lets labels win over the form", () => {
    expect(classifySeverity({ labels: ["P3"], body: form("P0") }, triage)).toEqual({
      severity: "P3",
      source: "label",
      confirmed: true,
      triaged: true,
      error: null,
    });
  });

  it("reads a configured field name", () => {
    const custom = config("triage:\n  form_field: Impact\n").triage;
    expect(formSeverity("### Impact\n\nP1\n", custom)).toBe("P1");
    expect(formSeverity(form("P1"), custom)).toBeNull();
  });
});
