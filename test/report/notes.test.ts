import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { notesFromLabels, parseNotes } from "../../src/report/notes.js";

describe("weekly notes", () => {
  it("reads Highlights, Challenges and Next Week Focus sections", () => {
    const text = [
      "---",
      "week: 2026-W47",
      "---",
      "# Week 2 notes",
      "",
      "## Highlights",
      "- v1.1.1 shipped",
      "- First community PR",
      "  - nested detail",
      "",
      "## Challenges",
      "Windows paths break history import.",
      "",
      "### Mitigation",
      "- CI job on Windows",
      "",
      "## Next week focus",
      "1. Patch release",
      "2. **Grow** AWU",
      "",
      "## Other",
      "- not a note",
    ].join("\n");
    expect(parseNotes(text)).toEqual({
      highlights: ["v1.1.1 shipped", "First community PR", "nested detail"],
      challenges: ["Windows paths break history import.", "CI job on Windows"],
      focus: ["Patch release", "Grow AWU"],
    });
  });

  it("skips the template's bracketed placeholders and missing sections", () => {
    expect(parseNotes("## Highlights\n- [Major win or milestone]\n- Real win\n")).toEqual({
      highlights: ["Real win"],
      challenges: [],
      focus: [],
    });
    expect(parseNotes("")).toEqual({ highlights: [], challenges: [], focus: [] });
  });

  it("reads nothing from the untouched template, something once filled in", () => {
    const template = readFileSync(join(import.meta.dirname, "../../templates/report.md"), "utf8");
    expect(parseNotes(template)).toEqual({ highlights: [], challenges: [], focus: [] });
    const filled = template.replace("- [The second]", "- Windows CI");
    expect(parseNotes(filled).focus).toEqual(["Windows CI"]);
  });

  it("takes labeled issues and PRs active in the week", () => {
    const notes = notesFromLabels(
      [
        { number: 3, title: "Launch blog post", labels: ["Highlight"], active: true },
        { number: 1, title: "Old win", labels: ["highlight"], active: false },
        { number: 2, title: "Flaky CDN", labels: ["challenge"], active: true },
      ],
      { highlight: "highlight", challenge: "challenge" },
    );
    expect(notes).toEqual({ highlights: ["Launch blog post (#3)"], challenges: ["Flaky CDN (#2)"] });
  });
});
