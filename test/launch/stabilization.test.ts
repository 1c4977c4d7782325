import { describe, expect, it } from "vitest";
import { postLaunchWeek } from "../../src/launch/stabilization.js";

describe("postLaunchWeek", () => {
  it("numbers week N as T+7N−6 to T+7N, as the plan's week 1 (T+1–7) and week 2 (T+8–14)", () => {
    expect(postLaunchWeek(null)).toBeNull();
    expect(postLaunchWeek(-3)).toBeNull();
    expect(postLaunchWeek(0)).toBeNull();
    expect([1, 7, 8, 14, 15, 30, 31].map(postLaunchWeek)).toEqual([1, 1, 2, 2, 3, 5, 5]);
  });
});
