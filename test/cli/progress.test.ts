import { describe, expect, it } from "vitest";
import { fetchProgress } from "../../src/cli/progress.js";

function recorder(isTTY: boolean) {
  const written: string[] = [];
  let now = 1_000_000;
  return {
    stream: { isTTY, write: (text: string) => written.push(text) },
    clock: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    written,
  };
}

describe("live fetch progress on stderr", () => {
  it("CI and pipes: a first line, then a plain line every 5 s, never a carriage return", () => {
    const r = recorder(false);
    const progress = fetchProgress("reading acme/shop", r.stream, r.clock);
    expect(r.written).toEqual(["reading acme/shop…\n"]);
    for (let n = 1; n <= 30; n++) {
      r.advance(400);
      progress.requests(n);
    }
    // 30 responses over 12 s: a line at 5.2 s and at 10.4 s, not one per response.
    expect(r.written).toEqual([
      "reading acme/shop…\n",
      "reading acme/shop: 13 requests, 5 s\n",
      "reading acme/shop: 26 requests, 10 s\n",
    ]);
    progress.done("read acme/shop: 30 requests in 12 s");
    expect(r.written.at(-1)).toBe("read acme/shop: 30 requests in 12 s\n");
    expect(r.written.join("")).not.toContain("\r");
  });

  it("a terminal: one line redrawn in place, at most every 100 ms, ended by the summary", () => {
    const r = recorder(true);
    const progress = fetchProgress("reading acme/shop", r.stream, r.clock);
    expect(r.written).toEqual([]);
    progress.requests(1);
    r.advance(150);
    progress.requests(2);
    r.advance(50);
    progress.requests(3);
    expect(r.written).toEqual(["\r\x1b[2Kreading acme/shop: 2 requests, 0 s"]);
    progress.done("read acme/shop: 3 requests in 0 s");
    expect(r.written.at(-1)).toBe("\r\x1b[2Kread acme/shop: 3 requests in 0 s\n");
    expect(r.written.filter((w) => w.includes("\n"))).toHaveLength(1);
  });
});
