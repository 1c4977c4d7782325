import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formField } from "../../src/triage/issue-form.js";
import { formSeverity } from "../../src/triage/severity.js";
import { config } from "./build.js";

interface FormItem {
  type: string;
  id?: string;
  attributes: { label?: string; options?: string[]; value?: string; default?: number };
  validations?: { required?: boolean };
}
const form = parse(readFileSync(join(import.meta.dirname, "../../templates/issue-forms/bug-report.yml"), "utf8")) as {
  name: string;
  description: string;
  body: FormItem[];
};

/** The issue body GitHub writes from a submitted form: `### Label`, blank line, answer. */
function render(answers: Record<string, string>): string {
  return form.body
    .filter((item) => item.type !== "markdown")
    .map((item) => `### ${item.attributes.label}\n\n${answers[item.id ?? ""] ?? "_No response_"}`)
    .join("\n\n");
}

describe("issue form template", () => {
  const triage = config().triage;
  const severity = form.body.find((item) => item.id === "severity");

  it("is a GitHub issue form with a required severity dropdown named as launchgate reads it", () => {
    expect(form.name).toMatch(/\S/);
    expect(form.description).toMatch(/\S/);
    expect(severity?.type).toBe("dropdown");
    expect(severity?.attributes.label).toBe(triage.form_field);
    // No severity preselected: the reporter must pick one (a default would be an unchosen claim).
    expect(severity?.attributes).not.toHaveProperty("default");
    expect(severity?.validations?.required).toBe(true);
    const ids = form.body.flatMap((item) => (item.id ? [item.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("maps each severity option to its severity, in order", () => {
    const options = severity?.attributes.options ?? [];
    expect(options.map((option) => formSeverity(render({ severity: option }), triage))).toEqual([
      "P0",
      "P1",
      "P2",
      "P3",
    ]);
  });

  it("has an affected users (%) field whose answer is read as its own section", () => {
    const field = form.body.find((item) => item.id === "affected-users");
    expect(field?.type).toBe("input");
    expect(field?.attributes.label).toBe("Affected users (%)");
    const body = render({ severity: "P1 — high", "affected-users": "35" });
    expect(formField(body, "Affected users (%)")).toBe("35");
    expect(formSeverity(body, triage)).toBe("P1");
  });
});

describe("form answers are read once per distinct body and field", () => {
  it("the same body answers each field for itself, and a memo past its bound still answers right", () => {
    const body = "### Severity\n\nP2\n\n### Affected users (%)\n\n25\n";
    expect(formField(body, "Severity")).toBe("P2");
    expect(formField(body, "Affected users (%)")).toBe("25");
    expect(formField(body, "Severity")).toBe("P2");
    // Another body with the same length and shape is not taken for it.
    expect(formField(body.replace("P2", "P0"), "Severity")).toBe("P0");
    for (let i = 0; i < 10_050; i++)
      expect(formField(`### Severity\n\nP${i % 4} #${i}\n`, "Severity")).toBe(`P${i % 4} #${i}`);
    expect(formField(body, "Severity")).toBe("P2");
    expect(formField("### Severity\n\n_No response_\n", "Severity")).toBeNull();
  });
});
