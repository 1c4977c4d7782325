import { describe, expect, it } from "vitest";
import { triageTarget } from "../../src/triage/untriaged.js";
import { config } from "./build.js";

const triage = config().triage;
const launch = { date: "2026-11-02", timezone: "America/New_York" };
const target = (at: string) => triageTarget(new Date(at), launch, triage);

describe("triage target by stabilization phase", () => {
  it("is 2h from launch day through T+7, 4h in week 2, 8h after and before", () => {
    expect(target("2026-11-02T05:00:00Z")).toBe("2h"); // launch day, 00:00 EST
    expect(target("2026-11-10T04:59:00Z")).toBe("2h"); // T+7, 23:59 EST
    expect(target("2026-11-10T05:00:00Z")).toBe("4h"); // T+8 begins at local midnight
    expect(target("2026-11-17T04:59:00Z")).toBe("4h"); // T+14
    expect(target("2026-11-17T05:00:00Z")).toBe("8h"); // T+15
    expect(target("2026-11-02T04:59:00Z")).toBe("8h"); // the day before launch
  });

  it("is the `later` target without a launch date, and follows configuration", () => {
    expect(triageTarget(new Date("2026-11-02T12:00:00Z"), { timezone: "UTC" }, triage)).toBe("8h");
    const custom = config("triage:\n  triage_target:\n    week1: 1h\n").triage;
    expect(triageTarget(new Date("2026-11-03T12:00:00Z"), launch, custom)).toBe("1h");
  });
});
