import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

/** Debian's Chromium through playwright-core, the crawler and axe-core, shared by the site's browser tests. */

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    // Debian's chromium package (what .ci/run installs); CHROMIUM_PATH points elsewhere, e.g. at the
    // Chrome preinstalled on GitHub's Ubuntu runners.
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface Visit {
  url: string;
  status: number;
  consoleErrors: string[];
}

/** Visits every internal page reachable from the home page; returns each visit and the links seen. */
export async function crawl(
  context: BrowserContext,
  origin: string,
  base: string,
  perPage?: (page: Page, url: string) => Promise<void>,
) {
  const start = `${origin}${base}`;
  const queue = [start];
  const seen = new Set(queue);
  const visits: Visit[] = [];
  const externalLinks = new Set<string>();
  while (queue.length > 0) {
    const url = queue.shift() as string;
    if (!url.endsWith("/")) {
      // Feeds and other files: the browser would show them as XML and ask for /favicon.ico.
      const response = await context.request.get(url);
      visits.push({ url, status: response.status(), consoleErrors: [] });
      continue;
    }
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") consoleErrors.push(msg.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    const response = await page.goto(url, { waitUntil: "load" });
    visits.push({ url, status: response?.status() ?? 0, consoleErrors });
    if (response?.headers()["content-type"]?.startsWith("text/html")) {
      const links = await page.$$eval("a[href], link[rel=alternate][href]", (els) =>
        els.map((el) => el.getAttribute("href") ?? ""),
      );
      for (const link of links) {
        const target = new URL(link, url);
        if (target.origin !== origin) {
          externalLinks.add(target.href);
          continue;
        }
        if (target.hash && target.pathname === new URL(url).pathname) {
          const id = decodeURIComponent(target.hash.slice(1));
          expect(await page.locator(`[id="${id}"]`).count(), `fragment ${link} on ${url}`).toBe(1);
        }
        target.hash = "";
        if (!seen.has(target.href)) {
          seen.add(target.href);
          queue.push(target.href);
        }
      }
      if (perPage) await perPage(page, url);
    }
    await page.close();
  }
  return { visits, externalLinks };
}

/** axe-core's serious and critical violations on the open page. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(AXE, "utf8"));
  const results = (await page.evaluate(`axe.run(document, { resultTypes: ["violations"] })`)) as {
    violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[];
  };
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

/**
 * What makes the open page unreadable on a phone: the page wider than the viewport, or a table cell
 * with text narrower than six characters of its own font (the "Lau / nch / go/n / o-go" columns).
 * Cells of a wide table may extend past the screen inside their own scrolling box; hidden cells
 * (screen-reader tables, collapsed rows) do not count.
 */
export async function phoneLayoutProblems(page: Page): Promise<string[]> {
  return (await page.evaluate(PHONE_LAYOUT_PROBLEMS)) as string[];
}

// Runs in the page (a string: the tests compile without the DOM library).
const PHONE_LAYOUT_PROBLEMS = `(() => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) {
    problems.push("page is " + root.scrollWidth + " px wide in a " + root.clientWidth + " px viewport");
  }
  const canvas = document.createElement("canvas").getContext("2d");
  for (const cell of document.querySelectorAll("th, td")) {
    const text = cell.innerText.trim();
    if (!text || cell.closest(".sr-only")) continue;
    const box = cell.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    canvas.font = getComputedStyle(cell).font;
    const six = canvas.measureText("000000").width;
    if (box.width + 0.5 < six) {
      problems.push('cell "' + text.slice(0, 40) + '" is ' + box.width.toFixed(0) + " px wide, less than six characters (" + six.toFixed(0) + " px)");
    }
  }
  return problems;
})()`;
