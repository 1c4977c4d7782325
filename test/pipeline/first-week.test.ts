import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.js";
import { firstWeek } from "../../src/pipeline/report.js";
import { issue, pull } from "../report/helpers.js";

/** Without a launch date, a backfill starts in the week of the oldest issue or pull request. */
describe("the first week a backfill reconstructs", () => {
  const undated = configSchema.parse({ launch: { timezone: "America/New_York" } });

  it("is the launch week when the config names a launch date", () => {
    const dated = configSchema.parse({ launch: { date: "2026-11-10", timezone: "America/New_York" } });
    expect(firstWeek(dated, { issues: [issue(1, { created_at: "2026-01-05T12:00:00Z" })], pulls: [] })).toBe(
      "2026-W46",
    );
  });

  it("is the week of the oldest issue or pull request, in the launch time zone", () => {
    const issues = [issue(1, { created_at: "2026-11-20T12:00:00Z" })];
    // Monday 2026-11-16 03:00Z is still Sunday in New York: week 46.
    const pulls = [pull(2, { created_at: "2026-11-16T03:00:00Z" })];
    expect(firstWeek(undated, { issues, pulls })).toBe("2026-W46");
    expect(firstWeek(undated, { issues: [], pulls: [] })).toBeNull();
  });

  it("reads 200,000 issues (one argument each would overflow the stack)", () => {
    const issues = Array.from({ length: 200_000 }, (_, i) =>
      issue(i + 1, { created_at: i === 150_000 ? "2026-03-02T12:00:00Z" : "2026-11-20T12:00:00Z" }),
    );
    expect(firstWeek(undated, { issues, pulls: [] })).toBe("2026-W10");
  });
});
