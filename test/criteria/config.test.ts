import { describe, expect, it } from "vitest";
import { configJsonSchema } from "../../src/config/json-schema.js";
import { parseConfig } from "../../src/config/load.js";
import { InputError } from "../../src/errors.js";

describe("criteria config", () => {
  it("defaults are the seeds' numbers", () => {
    const { criteria } = parseConfig("", "launchgate.yml");
    expect(criteria.rollback.crashRate.threshold).toBe(10);
    expect(criteria.rollback.p0Overdue.hours).toBe(4);
    expect(criteria.rollback.errorRate).toMatchObject({ threshold: 10, minutes: 2 });
    expect(criteria.rollback.uptime).toMatchObject({ threshold: 90, minutes: 5 });
    expect(criteria.considerRollback.p1Burst).toMatchObject({ count: 2, minutes: 60 });
    expect(criteria.hotfix.p1AffectedUsers.percent).toBe(20);
    expect(criteria.patch.p1Fixes.count).toBe(3);
    expect(criteria.patch.performance.percent).toBe(20);
    expect(criteria.feature.performance.percent).toBe(30);
    expect(criteria.feature.p2Fixes.count).toBe(5);
  });

  it("the published description of p0Overdue.hours says when the P0 clock starts", () => {
    type Node = { properties?: Record<string, Node>; description?: string };
    const at = (node: Node | undefined, ...path: string[]): Node | undefined =>
      path.reduce((n, key) => n?.properties?.[key], node);
    const hours = at(configJsonSchema() as Node, "criteria", "rollback", "p0Overdue", "hours");
    expect(hours?.description).toContain("from its first P0 label when label events are known, else from creation");
  });

  it("a partial override keeps the other defaults", () => {
    const { criteria } = parseConfig("criteria:\n  rollback:\n    errorRate:\n      minutes: 3\n", "launchgate.yml");
    expect(criteria.rollback.errorRate).toEqual({ enabled: true, threshold: 10, minutes: 3 });
    expect(criteria.rollback.uptime.minutes).toBe(5);
  });

  it("a typo is an error with its line and the nearest key", () => {
    try {
      parseConfig("criteria:\n  patch:\n    p1Fixs:\n      count: 2\n", "launchgate.yml");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).format()).toBe(
        'launchgate.yml:3:5: unknown key "criteria.patch.p1Fixs" — did you mean "p1Fixes"?',
      );
    }
  });

  it("rejects out-of-range thresholds", () => {
    expect(() => parseConfig("criteria:\n  rollback:\n    crashRate:\n      threshold: 120\n", "c.yml")).toThrow(
      /criteria.rollback.crashRate.threshold/,
    );
  });
});
