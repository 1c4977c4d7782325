import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Snapshot } from "../../src/snapshot/schema.js";
import { type BuiltSite, buildSite } from "./build-site.js";
import { axeViolations, crawl, launchChromium, phoneLayoutProblems } from "./chromium.js";
import { type StaticServer, serve } from "./serve.js";

/**
 * Builds the site from snapshot fixtures, serves it on 127.0.0.1 under a project-pages base path
 * and drives Debian's Chromium: every page reachable from the overview, the figures against the
 * fixtures, console errors, broken internal links, axe-core, and a hostile snapshot.
 */

const FIXTURES = fileURLToPath(new URL("../fixtures/snapshots/", import.meta.url));
const HOSTILE = fileURLToPath(new URL("./fixtures/hostile/", import.meta.url));
const BASE = "/launchgate/";
const SITE = "https://acme.example";

const load = (dir: string): Snapshot[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Snapshot);

const fixtures = load(FIXTURES);
const newest = fixtures.at(-1) as Snapshot;
const hostile = load(HOSTILE)[0] as Snapshot;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe("status site from the fixture snapshots", () => {
  let built: BuiltSite;
  let server: StaticServer;
  let context: BrowserContext;

  beforeAll(async () => {
    // One hour before the newest snapshot's deadline: the data is current.
    const now = new Date(Date.parse(newest.schedule.staleAfter) - 3_600_000).toISOString();
    built = await buildSite({ snapshots: FIXTURES, base: BASE, site: SITE, now });
    server = await serve(built.dist, BASE);
    context = await browser.newContext();
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await built?.remove();
  });

  it("every page loads without console errors, broken links or serious accessibility violations", async () => {
    const problems: string[] = [];
    const { visits, externalLinks } = await crawl(context, server.origin, BASE, async (page, url) => {
      for (const violation of await axeViolations(page)) problems.push(`${url}: ${violation}`);
    });
    const paths = visits.map((v) => new URL(v.url).pathname).sort();
    const expected = [
      "",
      "gates/",
      ...newest.gates.map((g) => `gates/${g.id}/`),
      "reports/",
      ...fixtures.map((s) => `reports/${s.week.id}/`),
      ...fixtures.map((s) => `reports/${s.week.id}/breaches/all/`),
      "rss.xml",
      "trends/",
      "triage/",
      "triage/breached/",
    ].map((p) => `${BASE}${p}`);
    expect(paths).toEqual(expected.sort());
    expect(visits.filter((v) => v.status !== 200)).toEqual([]);
    expect(server.missing).toEqual([]);
    expect(visits.flatMap((v) => v.consoleErrors)).toEqual([]);
    expect(problems).toEqual([]);
    for (const link of externalLinks) expect(link).toMatch(/^https?:\/\//);
    expect(externalLinks).toContain(newest.issues.open[0]?.url);
  }, 180_000);

  it("the overview shows the newest snapshot's figures", async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}${BASE}`);
    const text = (testId: string) => page.getByTestId(testId).innerText();
    expect(await text("status")).toBe("Green");
    expect(newest.status.overall).toBe("green");
    expect(await text("t-plus")).toBe(`T+${newest.launch.day}`);
    expect(await text("phase")).toContain("steady state");
    expect(await text("decision")).toBe("No release needed");
    expect(await text("readiness")).toBe(`${newest.release.readiness} / 100`);
    expect(await text("untriaged")).toBe(String(newest.issues.untriaged));
    const openIssues = new Set(newest.issues.open.map((i) => i.number));
    const openBreaches = newest.sla.breaches.filter((b) => b.stoppedAt === null && openIssues.has(b.number));
    expect(await text("breach-count")).toBe(String(openBreaches.length));
    expect(await page.getByTestId("stale-banner").count()).toBe(0);
    for (const sev of ["P0", "P1", "P2", "P3", "untriaged"] as const) {
      const row = page.locator(`[data-testid=severity-table] tr[data-severity=${sev}]`);
      const counts = newest.issues.bySeverity[sev];
      expect(await row.locator("[data-field=open]").innerText()).toBe(String(counts.open));
      expect(await row.locator("[data-field=new]").innerText()).toBe(String(counts.new));
      expect(await row.locator("[data-field=fixed]").innerText()).toBe(String(counts.fixed));
    }
    for (const gate of newest.gates) {
      const row = page.locator(`[data-testid=gates-table] tr[data-gate="${gate.id}"]`);
      expect(await row.locator("[data-field=required]").innerText()).toBe(`${gate.requiredDone} / ${gate.required}`);
      expect(await row.locator("[data-field=total]").innerText()).toBe(`${gate.done} / ${gate.total}`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: "/tmp/site-overview.png", fullPage: true });
    await page.close();
  });

  it("gate pages list every item with its owners and who signed it off", async () => {
    const page = await context.newPage();
    for (const gate of newest.gates) {
      await page.goto(`${server.origin}${BASE}gates/${gate.id}/`);
      expect(await page.getByTestId("gate-required").innerText()).toBe(`${gate.requiredDone} / ${gate.required}`);
      for (const item of gate.tasks.flatMap((t) => t.items)) {
        const li = page.locator(`li[data-line="${item.line}"]`);
        expect(await li.locator("[data-field=text]").innerText()).toBe(item.text);
        if (item.owners.length > 0)
          expect(await li.locator("[data-field=owners]").innerText()).toBe(item.owners.join(", "));
        if (item.checked) {
          expect(await li.locator("[data-field=signer]").innerText()).toMatch(
            item.signedOffBy ? `signed off by @${item.signedOffBy}` : /^not verified: /,
          );
        }
        const state = item.waived ? "waived" : item.checked ? "done" : item.optional ? "optional" : "open";
        expect(await li.locator(".state").innerText()).toBe(state);
      }
    }
    await page.close();
  });

  it("the triage board puts each open issue in its severity column with a GitHub link", async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}${BASE}triage/`);
    for (const issue of newest.issues.open) {
      const card = page.locator(`[data-column="${issue.severity ?? "untriaged"}"] li[data-issue="${issue.number}"]`);
      expect(await card.locator("[data-field=title]").innerText()).toBe(issue.title);
      expect(await card.locator("a").first().getAttribute("href")).toBe(issue.url);
      if (issue.resolution) {
        expect(await card.locator("[data-clock=resolution]").innerText()).toBe(issue.resolution.state);
      }
    }
    expect(await page.locator(".board li[data-issue]").count()).toBe(newest.issues.open.length);
    await page.close();
  });

  it("weekly reports show each week's figures and the change from the previous week", async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}${BASE}reports/`);
    for (const s of fixtures) {
      const row = page.locator(`tr[data-week="${s.week.id}"]`);
      expect(await row.locator("[data-field=p0]").innerText()).toBe(String(s.issues.bySeverity.P0.open));
      expect(await row.locator("[data-field=p1]").innerText()).toBe(String(s.issues.bySeverity.P1.open));
    }
    for (const [i, s] of fixtures.entries()) {
      await page.goto(`${server.origin}${BASE}reports/${s.week.id}/`);
      expect((await page.getByTestId("report-status").innerText()).toLowerCase()).toBe(s.status.overall);
      expect(await page.locator("[data-field=downloads]").innerText()).toBe(s.downloads.total?.toLocaleString("en-US"));
      expect(await page.locator("[data-field=stars]").innerText()).toBe(s.stars.total?.toLocaleString("en-US"));
      expect(await page.getByTestId("highlights").innerText()).toContain(s.notes.highlights[0] as string);
      const before = fixtures[i - 1];
      const p2 = page.locator("[data-testid=severity-table] tr[data-severity=P2]");
      if (before) {
        const change = (s.issues.bySeverity.P2.open ?? 0) - (before.issues.bySeverity.P2.open ?? 0);
        const shown = change === 0 ? "±0" : `${change > 0 ? "+" : "−"}${Math.abs(change)}`;
        expect(await p2.locator("[data-field=change]").innerText()).toBe(shown);
      } else {
        expect(await p2.locator("[data-field=change]").count()).toBe(0);
      }
    }
    await page.close();
  });

  it("trend charts are static SVG with a data table carrying the same figures", async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}${BASE}trends/`);
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.locator("figure.chart svg[role=img]").count()).toBe(5);
    const table = page.locator("figure.chart").filter({ hasText: "Open issues by severity" }).locator("table");
    for (const s of fixtures) {
      const cells = await table.locator(`tr:has(th:text-is("${s.week.id}")) td`).allInnerTexts();
      expect(cells).toEqual([
        ...(["P0", "P1", "P2", "P3"] as const).map((sev) => String(s.issues.bySeverity[sev].open)),
        String(s.issues.untriaged),
      ]);
    }
    const stars = page.locator("figure.chart").filter({ hasText: "GitHub stars" }).locator("tbody td");
    expect(await stars.allInnerTexts()).toEqual(fixtures.map((s) => String(s.stars.total)));
    // One line per series, drawn through one point per known week.
    const p0Points = page.locator("figure.chart").first().locator("g.series.s0 circle");
    expect(await p0Points.count()).toBe(fixtures.length);
    await page.close();
  });

  it("on a 390 px phone, tables reflow into cards or scroll inside their own box, never the page", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await phone.newPage();
    const pages = ["", "reports/", `reports/${newest.week.id}/`];
    let cards = 0;
    for (const p of pages) {
      await page.goto(`${server.origin}${BASE}${p}`);
      const overflow = await page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth",
      );
      expect(overflow, p).toBeLessThanOrEqual(0);
      // Every visible table: reflowed into cards (rows no longer table rows), or a wider one scrolls
      // its wrapper (a labelled, focusable region).
      const tables = await page.$$eval("main table:not(.sr-only)", (els) =>
        els.map((table) => {
          const box = table.parentElement;
          if (!box) throw new Error("a table without a parent");
          const wider = table.scrollWidth > box.clientWidth;
          box.scrollLeft = 40;
          const row = table.querySelector("tbody tr");
          return {
            cards:
              table.classList.contains("reflow") &&
              !!row &&
              row.computedStyleMap().get("display")?.toString() !== "table-row",
            wider,
            scrolled: box.scrollLeft > 0,
            role: box.getAttribute("role"),
            label: box.getAttribute("aria-label") ?? "",
            tabindex: box.getAttribute("tabindex"),
          };
        }),
      );
      expect(tables.length, p).toBeGreaterThan(0);
      for (const table of tables) {
        if (table.cards) expect(table.wider, p).toBe(false);
        expect(table.scrolled, p).toBe(table.wider);
        expect({ role: table.role, tabindex: table.tabindex }, p).toEqual({ role: "region", tabindex: "0" });
        expect(table.label, p).not.toBe("");
      }
      cards += tables.filter((t) => t.cards).length;
      expect(await axeViolations(page), p).toEqual([]);
    }
    // The many-column tables (gate progress, the reports index, breaches) are cards on a phone.
    expect(cards).toBeGreaterThanOrEqual(2);
    // …and tables again on a desktop.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.origin}${BASE}reports/`);
    expect(
      await page.$eval("[data-testid=reports-table] tbody tr", (row) =>
        row.computedStyleMap().get("display")?.toString(),
      ),
    ).toBe("table-row");
    await phone.close();
  }, 120_000);

  it("the RSS feed has one item per week with absolute links under the base path", async () => {
    const response = await fetch(`${server.origin}${BASE}rss.xml`);
    const xml = await response.text();
    const links = [...xml.matchAll(/<item>.*?<link>([^<]+)<\/link>/gs)].map((m) => m[1]);
    expect(links).toEqual(fixtures.toReversed().map((s) => `${SITE}${BASE}reports/${s.week.id}/`));
  });
});

describe("status site from a hostile snapshot", () => {
  let built: BuiltSite;
  let server: StaticServer;
  let context: BrowserContext;

  beforeAll(async () => {
    // A day past the snapshot's deadline: the stale banner must show.
    const now = new Date(Date.parse(hostile.schedule.staleAfter) + 86_400_000).toISOString();
    built = await buildSite({ snapshots: HOSTILE, base: BASE, now });
    server = await serve(built.dist, BASE);
    // Bypass the pages' Content-Security-Policy: escaping alone must keep the markup inert.
    context = await browser.newContext({ bypassCSP: true });
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await built?.remove();
  });

  it("a build without a site URL warns that the RSS links would point at localhost", () => {
    expect(built.output).toContain("no site URL configured");
    expect(built.output).toContain("--site");
  });

  it("nothing from the snapshot executes or becomes markup, and it all shows as text", async () => {
    const dialogs: string[] = [];
    context.on("page", (page) =>
      page.on("dialog", (dialog) => {
        dialogs.push(`${page.url()}: ${dialog.message()}`);
        void dialog.dismiss();
      }),
    );
    const { visits } = await crawl(context, server.origin, BASE, async (page, url) => {
      expect(await page.evaluate("typeof window.__pwned"), url).toBe("undefined");
      expect(
        await page.locator("script, iframe, img, marquee, svg[onload], [onerror], [onmouseover]").count(),
        url,
      ).toBe(0);
      const hrefs = await page.$$eval("a[href]", (els) => els.map((el) => el.getAttribute("href") ?? ""));
      for (const h of hrefs) expect(h, url).toMatch(/^(https?:\/\/|\/|#)/);
    });
    expect(visits.length).toBeGreaterThanOrEqual(8);
    expect(visits.flatMap((v) => v.consoleErrors)).toEqual([]);
    expect(dialogs).toEqual([]);

    const page = await context.newPage();
    await page.goto(`${server.origin}${BASE}triage/`);
    const triage = await page.locator("main").innerText();
    expect(triage).toContain(hostile.issues.open[0]?.title);
    expect(triage).toContain(hostile.issues.open[1]?.title);
    expect(triage).toContain("[click me](javascript:window.__pwned=1)");
    // An http(s) URL with markup in it stays one percent-encoded href, never a second element.
    expect(await page.locator('li[data-issue="30"] a').first().getAttribute("href")).toBe(
      "https://github.com/acme/caro/issues/30%22%3E%3Cscript%3Ewindow.__pwned=1%3C/script%3E",
    );

    const gate = hostile.gates[0];
    await page.goto(`${server.origin}${BASE}gates/`);
    await page.getByRole("link", { name: gate?.title }).click();
    const gateText = await page.locator("main").innerText();
    for (const item of gate?.tasks[0]?.items ?? []) expect(gateText).toContain(item.text);
    expect(gateText).toContain(gate?.tasks[0]?.heading);

    await page.goto(`${server.origin}${BASE}reports/${hostile.week.id}/`);
    const report = await page.locator("main").innerText();
    for (const note of [...hostile.notes.highlights, ...hostile.notes.challenges, ...hostile.notes.focus]) {
      expect(report).toContain(note);
    }
    await page.goto(`${server.origin}${BASE}`);
    expect(await page.getByTestId("stale-banner").innerText()).toContain("Data is stale");
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.getByTestId("status-reasons").innerText()).toContain(hostile.status.reasons[0]?.message.trim());
    await page.close();
  }, 180_000);
});

describe("status site from a history with a missed week, long and non-ASCII text", () => {
  let built: BuiltSite;
  let server: StaticServer;
  let context: BrowserContext;
  let work: string;
  const [w46, , w48] = fixtures as [Snapshot, Snapshot, Snapshot];
  const longTitle = `Crash when ${"the-import-path-is-very-long/".repeat(120)}end`;
  const unicode = "Überprüfung der Änderungen — 日本語のテスト 🚀 (RTL: שלום)";
  // W47 is missing; W48 is T+14, the last day of week 2 (T+8–14).
  const edited: Snapshot = {
    ...w48,
    previousWeek: w46.week.id,
    launch: { ...w48.launch, day: 14, phase: "medium-alert" },
    issues: { ...w48.issues, open: w48.issues.open.map((o, i) => (i === 0 ? { ...o, title: longTitle } : o)) },
    notes: { ...w48.notes, highlights: [unicode, ...w48.notes.highlights] },
    // The long title also in a breaches table and as a gate's and a task's name.
    sla: {
      ...w48.sla,
      breaches: w48.issues.open.slice(0, 1).map((o) => ({
        number: o.number,
        title: longTitle,
        url: o.url,
        severity: o.severity,
        clock: "response" as const,
        dueAt: w48.week.start,
        stoppedAt: null,
      })),
    },
    gates: w48.gates.map((g) => ({
      ...g,
      title: longTitle.slice(0, 400),
      tasks: g.tasks.map((t, i) => (i === 0 ? { ...t, heading: longTitle.slice(0, 300) } : t)),
    })),
  };

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), "launchgate-gap-"));
    writeFileSync(path.join(work, `${w46.week.id}.json`), JSON.stringify(w46));
    writeFileSync(path.join(work, `${w48.week.id}.json`), JSON.stringify(edited));
    const now = new Date(Date.parse(w48.schedule.staleAfter) - 3_600_000).toISOString();
    built = await buildSite({ snapshots: work, base: BASE, now });
    server = await serve(built.dist, BASE);
    context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await built?.remove();
    rmSync(work, { recursive: true, force: true });
  });

  it("numbers the weekly report like the Markdown report, and the trends show the missed week as a gap", async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}${BASE}reports/${w48.week.id}/`);
    // T+14 is in week 2; the page said "Week 3".
    expect(await page.locator("h1").innerText()).toMatch(/^Week 2 Post-Launch Report/);
    expect(await page.getByTestId("highlights").innerText()).toContain(unicode);

    await page.goto(`${server.origin}${BASE}trends/`);
    expect(await page.getByTestId("trend-weeks").innerText()).toContain("3 weeks, 2026-W46 to 2026-W48, 1 without");
    const row = page.locator("#open-issues-title").locator("..").locator("tbody tr").nth(1);
    expect(await row.locator("th").innerText()).toBe("2026-W47");
    expect(await row.locator("td").first().innerText()).toBe("unknown");

    await page.goto(`${server.origin}${BASE}triage/`);
    expect(await page.locator("main").innerText()).toContain(longTitle);
    // A 3,000-character title without spaces wraps instead of widening the page.
    const overflow = await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  }, 120_000);

  it("at 390 px a 3,000-character title and non-ASCII notes neither widen a page nor squeeze a column", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const problems: string[] = [];
    const { visits } = await crawl(phone, server.origin, BASE, async (page, url) => {
      for (const problem of await phoneLayoutProblems(page)) problems.push(`${new URL(url).pathname}: ${problem}`);
    });
    expect(visits.length).toBeGreaterThanOrEqual(10);
    expect(problems).toEqual([]);
    await phone.close();
  }, 120_000);
});
