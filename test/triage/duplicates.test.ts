import { describe, expect, it } from "vitest";
import { evaluateTriage } from "../../src/triage/evaluate.js";
import { config, issue } from "./build.js";

/** `gh api --paginate` can list an issue twice when it moves between pages during the export. */
const run = (issues: Parameters<typeof evaluateTriage>[0]["issues"]) =>
  evaluateTriage({ issues, comments: [], now: new Date("2026-11-02T10:10:00Z"), config: config() });

describe("an issue listed twice in an export", () => {
  it("is evaluated once, from its latest copy", () => {
    const open = issue(1, { labels: ["P0"], updated_at: "2026-11-02T10:00:00Z" });
    const closed = {
      ...open,
      state: "closed" as const,
      closed_at: "2026-11-02T10:06:00Z",
      updated_at: "2026-11-02T10:06:00Z",
    };
    const result = run([closed, open, open]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.state).toBe("closed");
    expect(result.breaches).toEqual([]);
  });
});
