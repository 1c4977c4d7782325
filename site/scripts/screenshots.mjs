// The README's pictures of the site, taken from a built site (the demo's: `npm start` writes it to
// launchgate-demo/site) with Debian's Chromium: the overview on a desktop and on a 390 px phone, and
// a gate page with its blocking items on the phone.
//   node site/scripts/screenshots.mjs launchgate-demo/site docs/images
// CHROMIUM_PATH points at another Chromium, as in the tests.
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";

const [siteDir, outDir] = process.argv.slice(2);
if (!siteDir || !outDir) {
  process.stderr.write("usage: node site/scripts/screenshots.mjs SITE_DIR OUT_DIR\n");
  process.exit(2);
}
// playwright-core is a dev dependency of the repository root, not of site/.
const { chromium } = createRequire(path.resolve("package.json"))("playwright-core");

const server = createServer(async (req, res) => {
  let file = path.join(siteDir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
  try {
    if (!path.resolve(file).startsWith(path.resolve(siteDir))) throw new Error("outside the site");
    if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
    res.writeHead(200, { "content-type": file.endsWith(".html") ? "text/html; charset=utf-8" : "application/xml" });
    res.end(await readFile(file));
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
try {
  const shots = [
    { file: "overview.png", page: "", viewport: { width: 1280, height: 1000 }, scale: 1 },
    { file: "overview-phone.png", page: "", viewport: { width: 390, height: 844 }, scale: 2 },
    { file: "gate-phone.png", page: await failingGate(), viewport: { width: 390, height: 844 }, scale: 2 },
  ];
  for (const shot of shots) {
    const context = await browser.newContext({ viewport: shot.viewport, deviceScaleFactor: shot.scale });
    const page = await context.newPage();
    const response = await page.goto(`${origin}/${shot.page}`);
    if (response?.status() !== 200) throw new Error(`${shot.page || "/"}: HTTP ${response?.status()}`);
    await page.screenshot({ path: path.join(outDir, shot.file) });
    await context.close();
    process.stdout.write(`${path.join(outDir, shot.file)}\n`);
  }
} finally {
  await browser.close();
  server.close();
}

/** The first gate that has not passed (its page opens with blocking items), else the first gate. */
async function failingGate() {
  const html = await (await fetch(`${origin}/gates/`)).text();
  const gates = [...html.matchAll(/<a href="\/(gates\/[^"]+\/)">.*?<strong class="status-(\w+)">/gs)];
  const pick = gates.find((m) => m[2] === "red") ?? gates[0];
  if (!pick) throw new Error("the site has no gate pages");
  return pick[1];
}
