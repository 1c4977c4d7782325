import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltSite, buildSite } from "./build-site.js";

// A snapshot marked partial (the report ran out of rate limit before reading every issue) is
// flagged on the site: the newest one on every page, an older one on its own report page.
const FIXTURES = fileURLToPath(new URL("../fixtures/snapshots/", import.meta.url));
let work: string;
let site: BuiltSite;

async function mark(file: string, partial: unknown): Promise<void> {
  const snapshot = JSON.parse(await readFile(file, "utf8"));
  await writeFile(file, JSON.stringify({ ...snapshot, partial }));
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "launchgate-site-partial-"));
  await cp(FIXTURES, work, { recursive: true });
  await mark(path.join(work, "2026-W48.json"), { issuesRead: 42_000, issuesTotal: 100_000, since: null });
  await mark(path.join(work, "2026-W46.json"), {
    issuesRead: 400,
    issuesTotal: 5_000,
    since: "2026-11-06T22:00:00Z",
  });
  site = await buildSite({ snapshots: work, now: "2026-11-28T12:00:00Z" });
}, 240_000);

afterAll(async () => {
  await site?.remove();
  await rm(work, { recursive: true, force: true });
});

const page = (p: string) => readFile(path.join(site.dist, p, "index.html"), "utf8");
const banners = (html: string) =>
  [...html.matchAll(/data-testid="partial-banner"[^>]*>([\s\S]*?)<\/div>/g)].map((m) =>
    m[1]
      ?.replace(/<[^>]+>/g, "")
      .replace(/\s+/g, " ")
      .trim(),
  );

describe("site: partial snapshots", () => {
  it("says on every page that the newest snapshot read 42,000 of 100,000 issues", async () => {
    for (const p of ["", "triage", "reports", "reports/2026-W48", "reports/2026-W47"]) {
      const found = banners(await page(p));
      expect(found, p).toHaveLength(1);
      expect(found[0]).toMatch(
        /^Partial data \(2026-W48\)\. 42,000 of 100,000 issues read before GitHub's rate limit ran low/,
      );
    }
  });

  it("flags an older partial week on its own page, and a complete week not at all", async () => {
    const w46 = banners(await page("reports/2026-W46"));
    expect(w46).toHaveLength(2);
    expect(w46[1]).toMatch(
      /^Partial data \(2026-W46\)\. 400 of 5,000 issues changed since 2026-11-06 22:00 UTC were read/,
    );
    expect(banners(await page("reports/2026-W47")).some((b) => b?.includes("2026-W47"))).toBe(false);
  });
});
