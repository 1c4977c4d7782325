// Site build benchmark: 52 weekly snapshots over 10,000 issues (generated, seeded), built with the
// real Astro project from a cold cache, then the weight of what GitHub Pages would serve.
// Target: build ≤ 30 s on 2 cores. Writes bench/results/site.json and site.md.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { writeSnapshotHistory } from "./site-snapshots.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const siteDir = path.join(here, "..", "site");
const build = path.join(siteDir, "scripts", "build.mjs");
const WEEKS = 52;
const ISSUES = 10_000;
const TARGET_SECONDS = 30;

const work = await mkdtemp(path.join(tmpdir(), "launchgate-site-bench-"));
try {
  const snapshots = path.join(work, "snapshots");
  await writeSnapshotHistory(snapshots, { weeks: WEEKS, issues: ISSUES });
  const snapshotBytes = await totalBytes(snapshots);

  const runs = [];
  for (const label of ["cold cache", "warm cache"]) {
    const out = path.join(work, `dist-${runs.length}`);
    const cpuBefore = childCpuSeconds();
    const load = loadavg()[0];
    const started = performance.now();
    const result = spawnSync(process.execPath, [build, "--silent"], {
      cwd: siteDir,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: "1",
        LAUNCHGATE_SNAPSHOTS: snapshots,
        LAUNCHGATE_OUT: out,
        LAUNCHGATE_SITE_CACHE: path.join(work, "cache"),
        LAUNCHGATE_SITE: "https://acme.github.io",
        LAUNCHGATE_BASE: "/rocket/",
        LAUNCHGATE_NOW: "2026-12-30T00:00:00Z",
      },
      encoding: "utf8",
    });
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    if (result.status !== 0) {
      console.error(result.stdout, result.stderr);
      process.exit(1);
    }
    const cpuSeconds = Math.round((childCpuSeconds() - cpuBefore) * 10) / 10;
    runs.push({ label, seconds, cpuSeconds, loadAverage: Math.round(load * 10) / 10, out });
  }

  const pages = await listFiles(runs[0].out);
  const html = pages.filter((p) => p.file.endsWith(".html"));
  const byKind = (test) => html.filter((p) => test(p.rel));
  const sum = (list, key) => list.reduce((total, p) => total + p[key], 0);
  const largest = [...html].sort((a, b) => b.bytes - a.bytes).slice(0, 3);
  const newest = JSON.parse(await readFile(path.join(snapshots, `2026-W${WEEKS}.json`), "utf8"));
  const figures = {
    benchmark: "status site build",
    setup: {
      weeks: WEEKS,
      issues: ISSUES,
      openIssuesInNewestSnapshot: newest.issues.open.length,
      snapshotBytes,
    },
    machine: { node: process.version, cpus: cpus().length },
    targetSeconds: TARGET_SECONDS,
    runs: runs.map(({ label, seconds, cpuSeconds, loadAverage }) => ({
      label,
      seconds,
      cpuSeconds,
      loadAverage,
      withinTarget: seconds <= TARGET_SECONDS,
    })),
    weight: {
      files: pages.length,
      htmlPages: html.length,
      totalBytes: sum(pages, "bytes"),
      totalGzipBytes: sum(pages, "gzip"),
      overviewBytes: byKind((r) => r === "index.html")[0]?.bytes ?? 0,
      reportPageMedianBytes: median(byKind((r) => /^reports\/\d{4}-W\d{2}\//.test(r)).map((p) => p.bytes)),
      trendsBytes: byKind((r) => r === "trends/index.html")[0]?.bytes ?? 0,
      largest: largest.map((p) => ({ page: p.rel, bytes: p.bytes, gzipBytes: p.gzip })),
      javascriptFiles: pages.filter((p) => p.file.endsWith(".js")).length,
    },
  };
  await writeFile(path.join(here, "results", "site.json"), `${JSON.stringify(figures, null, 2)}\n`);
  await writeFile(path.join(here, "results", "site.md"), markdown(figures));
  console.log(markdown(figures));
  if (!runs[0].seconds || runs[0].seconds > TARGET_SECONDS) process.exitCode = 1;
} finally {
  await rm(work, { recursive: true, force: true });
}

async function listFiles(root) {
  const files = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const body = await readFile(file);
    files.push({ file, rel: path.relative(root, file), bytes: body.length, gzip: gzipSync(body).length });
  }
  return files;
}

/** CPU time (user + system) of waited-for child processes, from /proc/self/stat (Linux). */
function childCpuSeconds() {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  // After "pid (comm) ", cutime and cstime are the 14th and 15th fields, in clock ticks (100 Hz).
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

async function totalBytes(dir) {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(path.join(dir, name))).size;
  return total;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function markdown(f) {
  const w = f.weight;
  return `# Status site build: ${f.setup.weeks} weekly snapshots, ${f.setup.issues.toLocaleString("en-US")} issues

Generated history (bench/site-snapshots.mjs, seeded): ${f.setup.weeks} snapshots, ${kb(f.setup.snapshotBytes)} of JSON;
the newest lists ${f.setup.openIssuesInNewestSnapshot} open issues on the triage board. \`astro build\` of site/ with
the snapshots validated by src/snapshot/parse.ts. Target: ≤ ${f.targetSeconds} s.

| Run | Wall seconds | CPU seconds (user + system) | 1-min load average at start | Within target (wall) |
| --- | --- | --- | --- | --- |
${f.runs.map((r) => `| ${r.label} | ${r.seconds} | ${r.cpuSeconds} | ${r.loadAverage} | ${r.withinTarget ? "yes" : "no"} |`).join("\n")}

Wall time on a machine shared with other jobs depends on their load; CPU time is what the build itself
costs (on 2 free cores the wall time is close to it, Astro using mostly one core).

Page weight (what GitHub Pages serves; no JavaScript files: ${w.javascriptFiles}):

| What | Size |
| --- | --- |
| all ${w.files} files (${w.htmlPages} HTML pages) | ${kb(w.totalBytes)} (gzip ${kb(w.totalGzipBytes)}) |
| overview | ${kb(w.overviewBytes)} |
| one weekly report (median) | ${kb(w.reportPageMedianBytes)} |
| trends (5 SVG charts + tables) | ${kb(w.trendsBytes)} |
${w.largest.map((p) => `| largest: ${p.page} | ${kb(p.bytes)} (gzip ${kb(p.gzipBytes)}) |`).join("\n")}

Node ${f.machine.node}, ${f.machine.cpus} CPUs (shared with other work).
`;
}
