import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Snapshot, snapshotSchema } from "../../src/snapshot/schema.js";
import { CLI } from "../support/run-cli.js";
import { type BuiltSite, buildSite } from "./build-site.js";
import { axeViolations, crawl, launchChromium, phoneLayoutProblems } from "./chromium.js";
import { type StaticServer, serve } from "./serve.js";

/**
 * The site as a release manager reads it during an incident, on a phone and on a desktop, built from
 * the demo's own snapshots (`launchgate demo --no-site`, the built CLI as a real process). The
 * newest week is edited the way an Action-written snapshot differs from the offline demo: gate
 * paths relative to the repository with the commit they were read at, one verified and one
 * unverified sign-off; plus a running breach on a closed issue (never an open breach) and no
 * crash-rate samples in any week (a chart with no data).
 */

const BASE = "/aurora/";
const SITE = "https://northwind.example";
const SHA = "0123456789abcdef0123456789abcdef01234567";
const CLOSED_ISSUE = 999_001;

let browser: Browser;
let work: string;
let built: BuiltSite;
let server: StaticServer;
let desktop: BrowserContext;
let newest: Snapshot;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "launchgate-glance-"));
  const demo = spawnSync(process.execPath, [CLI, "demo", "--no-site", "--out", work], {
    cwd: work,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  expect(demo.status, demo.stderr).toBe(0);
  const dir = path.join(work, "snapshots");
  const files = (await readdir(dir)).sort();
  for (const [i, file] of files.entries()) {
    const s = snapshotSchema.parse(JSON.parse(await readFile(path.join(dir, file), "utf8")));
    s.metrics = s.metrics.filter((m) => m.name !== "crash_rate");
    if (i === files.length - 1) newest = actionLike(s);
    await writeFile(path.join(dir, file), JSON.stringify(i === files.length - 1 ? newest : s));
  }
  const now = new Date(Date.parse(newest.schedule.staleAfter) - 3_600_000).toISOString();
  built = await buildSite({ snapshots: dir, base: BASE, site: SITE, now });
  server = await serve(built.dist, BASE);
  browser = await launchChromium();
  desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
}, 300_000);

afterAll(async () => {
  await desktop?.close();
  await browser?.close();
  await server?.close();
  await built?.remove();
  if (work) await rm(work, { recursive: true, force: true });
});

function actionLike(s: Snapshot): Snapshot {
  const gates = s.gates.map((g) => ({
    ...g,
    path: `launch/gates/${path.basename(g.path)}`,
    ref: SHA,
    tasks: g.tasks.map((t) => ({
      ...t,
      items: t.items.map((item) => (item.checked && !item.waived ? { ...item, signedOffBy: null } : item)),
    })),
  }));
  const ticked = gates.flatMap((g) => g.tasks.flatMap((t) => t.items)).filter((i) => i.checked && !i.waived);
  if (ticked[0]) ticked[0].signedOffBy = "alice";
  if (ticked[1]) ticked[1].unverifiedReason = "ticked in an edit by @mallory, who is not an owner";
  const stillOpen = s.sla.breaches.find((b) => b.stoppedAt === null);
  if (!stillOpen) throw new Error("the demo has no running breach");
  const closedBreach = { ...stillOpen, number: CLOSED_ISSUE, title: "Closed issue with a running clock" };
  return { ...s, gates, sla: { ...s.sla, breaches: [...s.sla.breaches, closedBreach] } };
}

async function open(url: string, context = desktop): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(`${server.origin}${BASE}${url}`);
  expect(response?.status(), url).toBe(200);
  return page;
}

describe("the site at a glance, from the demo's snapshots", () => {
  it("at 390 px no page is wider than the screen, no table cell is narrower than six characters, no link is broken", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const problems: string[] = [];
    const { visits } = await crawl(phone, server.origin, BASE, async (page, url) => {
      for (const problem of await phoneLayoutProblems(page)) problems.push(`${new URL(url).pathname}: ${problem}`);
      for (const violation of await axeViolations(page)) problems.push(`${new URL(url).pathname}: ${violation}`);
    });
    expect(problems).toEqual([]);
    expect(visits.filter((v) => v.status !== 200 || v.consoleErrors.length > 0)).toEqual([]);
    expect(server.missing).toEqual([]);
    // Every kind of page was measured: overview, gates, triage (board, columns, breached), reports, breaches, trends.
    const paths = visits.map((v) => new URL(v.url).pathname);
    for (const p of [
      "",
      "gates/",
      "triage/",
      "triage/breached/",
      "reports/",
      `reports/${newest.week.id}/`,
      "trends/",
    ]) {
      expect(paths).toContain(`${BASE}${p}`);
    }
    expect(paths).toContain(`${BASE}reports/${newest.week.id}/breaches/open/`);
    // The overview, 22,840 px tall before, fits in a few screens of cards.
    const page = await phone.newPage();
    await page.goto(`${server.origin}${BASE}`);
    const row = page.locator(`[data-testid=gates-table] tr[data-gate] th`).first();
    expect((await row.boundingBox())?.width).toBeGreaterThan(300);
    await phone.close();
  }, 480_000);

  it("the phone measure itself catches one-letter columns and a page wider than the screen", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await phone.newPage();
    const cells = Array.from({ length: 12 }, (_, i) => `<td style="overflow-wrap:anywhere">Launch go/no-go ${i}</td>`);
    await page.setContent(`<table><tr>${cells.join("")}</tr></table>`);
    expect((await phoneLayoutProblems(page)).join("\n")).toContain("less than six characters");
    await page.setContent(`<div style="width:900px">wide</div>`);
    expect((await phoneLayoutProblems(page)).join("\n")).toMatch(/page is 9\d\d px wide in a 390 px viewport/);
    await page.setContent(`<table><tr><td>Launch go/no-go</td><td>Passed today</td></tr></table>`);
    expect(await phoneLayoutProblems(page)).toEqual([]);
    await phone.close();
  });

  it("every decision reason names and links its issue or PR, like the CLI", async () => {
    const page = await open("");
    const withNumbers = newest.release.fired.flatMap((r) =>
      (r.evidence ?? []).filter((e) => e.kind === "issue" || e.kind === "pull").map((e) => ({ rule: r.id, e })),
    );
    expect(withNumbers.length).toBeGreaterThan(0);
    for (const { rule, e } of withNumbers) {
      const link = page.locator(`[data-testid=fired-rules] li[data-rule="${rule}"] a`, { hasText: e.label }).first();
      expect(await link.getAttribute("href"), `${rule}: ${e.label}`).toBe(e.url);
      expect(e.label).toMatch(/^(issue|PR) #\d+$/);
    }
    const security = page.locator('[data-testid=fired-rules] li[data-rule="hotfix.issue-label"] li', {
      hasText: "security",
    });
    expect(await security.first().innerText()).toMatch(/^issue #\d+ \(.+\): open, labeled security$/);
    // "#403" inside evidence text links to that issue too.
    const fixedBy = page.locator("[data-testid=fired-rules] a", { hasText: /^#403$/ }).first();
    expect(await fixedBy.getAttribute("href")).toBe(`${newest.repo.url}/issues/403`);
    await page.close();
  });

  it("emoji in launchgate's own text become words (Debian's Chromium has no colour-emoji font)", async () => {
    expect(JSON.stringify(newest.release.fired)).toContain("👍");
    const page = await open("");
    const rules = await page.getByTestId("fired-rules").innerText();
    expect(rules).toContain("20 thumbs-up");
    expect(rules).not.toMatch(/\p{Extended_Pictographic}/u);
    await page.close();
  });

  it("the gates list is a list: one line per gate on a desktop", async () => {
    const page = await open("gates/");
    const items = page.locator("[data-testid=gate-list] > li");
    expect(await items.count()).toBe(newest.gates.length);
    // The site's line height is 1.5 em: each gate takes one line, not the three it took before.
    const fontSize = await items
      .first()
      .evaluate((el) => Number.parseFloat(String(el.computedStyleMap().get("font-size"))));
    const lineHeight = fontSize * 1.5;
    for (const box of await items.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height))) {
      expect(box).toBeLessThan(lineHeight * 1.5);
    }
    await page.close();
  });

  it("a gate page shows blocking items first, each linked to its line at the snapshot's commit, with its headings", async () => {
    const gate = newest.gates.find((g) => !g.passed);
    if (!gate) throw new Error("the demo has no failing gate");
    const page = await open(`gates/${gate.id}/`);
    const blocking = gate.tasks
      .flatMap((t) => t.items.map((item) => ({ item, task: t.heading })))
      .filter((x) => x.item.blocking);
    expect(blocking.length).toBe(gate.required - gate.requiredDone);
    // The blocking list comes before the per-task lists.
    const headings = await page.locator("main h2").allInnerTexts();
    expect(headings[0]).toBe(`Blocking: ${blocking.length} items`);
    const rows = page.locator("[data-testid=blocking] > li");
    expect(await rows.count()).toBe(blocking.length);
    for (const [i, { item, task }] of blocking.entries()) {
      const row = rows.nth(i);
      expect(await row.getAttribute("data-line")).toBe(String(item.line));
      expect(await row.locator("[data-field=text]").innerText()).toBe(item.text);
      expect(await row.locator("[data-field=reason]").innerText()).toBe("not ticked");
      const where = await row.locator("[data-field=where]").innerText();
      const headings = item.headings ?? [];
      expect(where).toContain([task, ...headings.slice(headings.indexOf(task) + 1)].join(" › "));
      expect(await row.getByRole("link", { name: `line ${item.line}` }).getAttribute("href")).toBe(
        `${newest.repo.url}/blob/${SHA}/${gate.path}#L${item.line}`,
      );
    }
    await page.close();
  });

  it("sign-off state reads as words", async () => {
    const items = newest.gates.flatMap((g) => g.tasks.flatMap((t) => t.items.map((item) => ({ gate: g.id, item }))));
    const signed = items.find((x) => x.item.signedOffBy === "alice");
    const unverified = items.find((x) => x.item.unverifiedReason);
    const plain = items.find(
      (x) => x.item.checked && !x.item.waived && !x.item.signedOffBy && !x.item.unverifiedReason,
    );
    if (!signed || !unverified || !plain) throw new Error("fixture lacks a sign-off case");
    const signer = async (x: typeof signed) => {
      const page = await open(`gates/${x.gate}/`);
      const text = await page
        .locator(`#items ~ section li[data-line="${x.item.line}"] [data-field=signer]`)
        .innerText();
      await page.close();
      return text;
    };
    expect(await signer(signed)).toBe("signed off by @alice");
    expect(await signer(unverified)).toBe("not verified: ticked in an edit by @mallory, who is not an owner");
    expect(await signer(plain)).toMatch(/^not verified: /);
  });

  it("open breaches now and new this week are separate, and a closed issue is never an open breach", async () => {
    const openIssues = new Set(newest.issues.open.map((i) => i.number));
    const openNow = newest.sla.breaches.filter((b) => b.stoppedAt === null && openIssues.has(b.number));
    const start = Date.parse(newest.week.start);
    const end = Date.parse(newest.week.end);
    const fresh = [...newest.sla.breaches, ...newest.sla.missed].filter(
      (b) => Date.parse(b.dueAt) >= start && Date.parse(b.dueAt) < end,
    );
    // The snapshot's own count (sla.breaches, what `launchgate triage` lists) but the closed issue.
    expect(openNow.length).toBe(newest.sla.breaches.length - 1);
    expect(openNow.length).toBeGreaterThan(0);
    expect(newest.sla.missed.length).toBeGreaterThan(0);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.length).not.toBe(openNow.length);

    const page = await open("");
    expect(await page.getByTestId("breach-count").innerText()).toBe(String(openNow.length));
    expect(await page.getByTestId("new-breach-count").innerText()).toBe(String(fresh.length));
    await page.goto(`${server.origin}${BASE}reports/${newest.week.id}/breaches/open/`);
    const listed = (await page
      .locator("[data-testid=breaches] tr[data-issue]")
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-issue"))))) as number[];
    expect(listed.toSorted()).toEqual(openNow.map((b) => b.number).toSorted());
    expect(listed).not.toContain(CLOSED_ISSUE);
    await page.goto(`${server.origin}${BASE}reports/${newest.week.id}/breaches/all/`);
    expect(await page.locator(`[data-testid=breaches] tr[data-issue="${CLOSED_ISSUE}"]`).count()).toBe(1);
    await page.close();
  });

  it("the triage board shows breached items only on a page of its own, with no scripts", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}${BASE}triage/`);
    await page.getByTestId("breached-link").click();
    expect(new URL(page.url()).pathname).toBe(`${BASE}triage/breached/`);
    const breached = newest.issues.open.filter((i) =>
      [i.triage, i.response, i.resolution].some((c) => c?.state === "breached"),
    );
    expect(breached.length).toBeGreaterThan(0);
    expect(breached.length).toBeLessThan(newest.issues.open.length);
    const shown = await page
      .locator("li[data-issue]")
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-issue"))));
    expect(shown.toSorted()).toEqual(breached.map((i) => i.number).toSorted());
    await context.close();
  });

  it("a chart with no data says so instead of drawing an empty axis", async () => {
    const page = await open("trends/");
    const crash = page.locator("figure.chart").filter({ hasText: "Crash rate" });
    expect(await crash.getByTestId("no-data").innerText()).toMatch(/^No data/);
    expect(await crash.locator("svg.chart-svg").count()).toBe(0);
    const errors = page.locator("figure.chart").filter({ hasText: "Error rate" });
    expect(await errors.getByTestId("no-data").count()).toBe(0);
    expect(await errors.locator("svg.chart-svg").count()).toBe(1);
    await page.close();
  });

  it("RSS links use the configured site URL", async () => {
    const xml = await (await fetch(`${server.origin}${BASE}rss.xml`)).text();
    const links = [...xml.matchAll(/<item>.*?<link>([^<]+)<\/link>/gs)].map((m) => m[1]);
    expect(links[0]).toBe(`${SITE}${BASE}reports/${newest.week.id}/`);
    const page = await open("");
    expect(await page.locator("link[rel=alternate]").getAttribute("href")).toBe(`${SITE}${BASE}rss.xml`);
    await page.close();
    expect(built.output).not.toContain("no site URL configured");
  });
});
