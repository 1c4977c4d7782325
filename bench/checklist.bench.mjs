// Checklist engine benchmark: parse + evaluate generated gates of 1,000 and 10,000 items and the
// seed documents, and the whole-process time of `node dist/cli.js check` on the 1,000-item gate.
// Writes bench/results/checklist.json and bench/results/checklist.md.
//
// The engine is TypeScript with ".js" import suffixes, so it is bundled with esbuild into a temporary
// ESM file first. Each measurement runs in its own child process so its peak RSS is its own.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { mulberry32 } from "../scripts/prng.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
// Decided targets: remark (required) sets the parse floor, so launchgate may add at most 10 % to
// "remark alone"; a check of 1,000 items stays within a second.
const TARGET_OVER_REMARK = 1.1;
const TARGET_CLI_MS = 1000;
const CLI_RUNS = 10;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const round = (x, digits = 2) => Number(x.toFixed(digits));

if (process.argv[2] === "--worker") {
  await worker(process.argv[3], Number(process.argv[4]), process.argv.slice(5));
} else {
  await main();
}

/**
 * Child process: times readGateDocument (decode + parse) and evaluateGate separately on each file,
 * after warm-up runs, and prints the medians and this process's peak RSS as JSON.
 */
async function worker(bundle, iterations, files) {
  const { readGateDocument, evaluateGate, InputError, remarkAlone } = await import(pathToFileURL(bundle).href);
  const baselineRss = process.memoryUsage().rss;
  const results = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    // Seeds are not all gate documents (one has no task items, one has front matter of another
    // schema): parse those as plain Markdown and say so.
    // The engine's throughput is measured beyond the document size limit too (the 10,000-item
    // gate); bench/document-limit.bench.mjs measures the limit itself.
    let options = { allowEmpty: true, maxBytes: Number.POSITIVE_INFINITY };
    let note = null;
    try {
      readGateDocument(bytes, file, options);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      options = { ...options, frontMatter: false };
      note = `front matter rejected as a gate's (${error.message}); parsed without front matter`;
    }
    const warmups = iterations >= 10 ? 2 : 1;
    for (let i = 0; i < warmups; i++) evaluateGate(readGateDocument(bytes, file, options));
    const text = bytes.toString("utf8");
    for (let i = 0; i < warmups; i++) remarkAlone(text);
    const parseMs = [];
    const evaluateMs = [];
    const remarkMs = [];
    let doc;
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      doc = readGateDocument(bytes, file, options);
      const t1 = performance.now();
      evaluateGate(doc);
      evaluateMs.push(performance.now() - t1);
      parseMs.push(t1 - t0);
      const t2 = performance.now();
      remarkAlone(text);
      remarkMs.push(performance.now() - t2);
    }
    results.push({
      file,
      bytes: bytes.byteLength,
      items: doc.items.length,
      parseMs: median(parseMs),
      evaluateMs: median(evaluateMs),
      remarkMs: median(remarkMs),
      note,
    });
  }
  const peakRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ baselineRss, peakRss, results }));
}

/**
 * A realistic gate of `count` items: TASK headings with sections, prose, inline markup, owners,
 * nested and ordered items, ~40% ticked, ~5% optional, ~2% waived.
 */
/**
 * A gate of `count` items. `prose: false` leaves out each task's paragraph and shortens the items, so 1,000 fit the
 * 48 KiB a gate document may have (checklist/input.ts) for the whole-process `check` timing.
 */
function generateGate(count, { prose = true } = {}) {
  const rand = mulberry32(count);
  const owners = ["@alice", "@bob-smith", "@acme/release-managers", "@acme/sre", "@carol"];
  const verbs = ["Verify", "Document", "Confirm", "Review", "Lock", "Monitor", "Test", "Publish"];
  const nouns = [
    "rollback plan",
    "feature flags",
    "error budget",
    "on-call rotation",
    "backups",
    "latency SLO",
    "audit trail",
    "release notes",
  ];
  const lines = [
    "---",
    `gate: generated-${count}`,
    `title: Generated gate of ${count} items`,
    "phase: 5",
    'applies_to: { base: [main, "release/*"], labels: [release] }',
    'approvers: ["@acme/release-managers"]',
    "---",
    "",
  ];
  let n = 0;
  for (let task = 1; n < count; task++) {
    lines.push(`# TASK ${task} — ${verbs[task % verbs.length]} ${nouns[task % nouns.length]}`, "");
    if (prose) {
      lines.push(
        `Work for task ${task}. Tick items only after **verification** passes; see [the runbook](https://example.com/runbook/${task}).`,
        "",
      );
    }
    for (let section = 1; section <= 4 && n < count; section++) {
      lines.push(`## Section ${task}.${section}`, "");
      const ordered = rand() < 0.2;
      for (let k = 1; k <= 8 && n < count; k++) {
        n++;
        const marker = ordered ? `${k}.` : "-";
        const r = rand();
        let text = `${verbs[n % verbs.length]} ${nouns[(n * 7) % nouns.length]} ${prose ? "for step " : ""}${n}`;
        if (rand() < 0.3) text += ` with \`config-${n}\``;
        if (rand() < 0.2) text = text.replace("for", "**for**");
        if (rand() < 0.1) text += ` ${owners[n % owners.length]}`;
        let line;
        if (r < 0.02) line = `${marker} [x] ~~${text}~~ N/A: not applicable to this service`;
        else if (r < 0.07) line = `${marker} [ ] ${text} (optional)`;
        else line = `${marker} [${r < 0.47 ? "x" : " "}] ${text}`;
        lines.push(line);
        if (n < count && rand() < 0.1) {
          n++;
          lines.push(`${" ".repeat(marker.length + 1)}- [${rand() < 0.5 ? "x" : " "}] Sub-check ${n} of step ${n - 1}`);
        }
      }
      lines.push("");
    }
  }
  return lines.join("\n");
}

async function bundleEngine(dir) {
  const { build } = await import("esbuild");
  const outfile = join(dir, "engine.mjs");
  await build({
    stdin: {
      contents: [
        'export { readGateDocument } from "./src/gates/document.ts";',
        'export { evaluateGate } from "./src/gates/evaluate.ts";',
        'export { InputError } from "./src/errors.ts";',
        'export { remarkAlone } from "./bench/remark-alone.mjs";',
      ].join("\n"),
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    target: "node24",
    format: "esm",
    outfile,
    logLevel: "warning",
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  });
  return outfile;
}

/** dist/-like bundle (minified ESM) of a script that reads a file and parses it with remark alone. */
async function bundleRemarkAlone(dir) {
  const { build } = await import("esbuild");
  const outfile = join(dir, "remark-alone.mjs");
  await build({
    stdin: {
      contents: [
        'import { readFileSync } from "node:fs";',
        'import { remarkAlone } from "./bench/remark-alone.mjs";',
        "remarkAlone(readFileSync(process.argv[2], 'utf8'));",
      ].join("\n"),
      resolveDir: root,
    },
    bundle: true,
    minify: true,
    platform: "node",
    target: "node24",
    format: "esm",
    outfile,
    logLevel: "warning",
  });
  return outfile;
}

function runWorker(bundle, iterations, files) {
  const out = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.url), "--worker", bundle, String(iterations), ...files],
    {
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (out.status !== 0) throw new Error(`worker failed (${out.status}): ${out.stderr}`);
  return JSON.parse(out.stdout);
}

/** Median wall time of a whole `node …` process, after one warm-up run (file cache, not the JIT). */
function timeProcess(args, runs = CLI_RUNS) {
  const times = [];
  let status;
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const out = spawnSync(process.execPath, args, {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      maxBuffer: 64 * 1024 * 1024,
    });
    const ms = performance.now() - t0;
    if (out.error) throw out.error;
    status = out.status;
    // 0 passed, 1 a gate that fails; anything else is an error, and its time would mean nothing.
    if (args.includes("check") && args.length > 2 && status !== 0 && status !== 1) {
      throw new Error(`${args.join(" ")} exited with ${status}: ${out.stderr.trim()}`);
    }
    if (i > 0) times.push(ms);
  }
  return {
    medianMs: round(median(times), 1),
    minMs: round(Math.min(...times), 1),
    maxMs: round(Math.max(...times), 1),
    exitCode: status,
  };
}

async function main() {
  const tmp = mkdtempSync(join(tmpdir(), "launchgate-bench-"));
  try {
    const loadAtStart = loadavg()[0];
    const bundle = await bundleEngine(tmp);

    const generated = [];
    const gateFiles = {};
    for (const [count, iterations] of [
      [1_000, 10],
      [10_000, 2],
    ]) {
      const file = join(tmp, `gate-${count}.md`);
      writeFileSync(file, generateGate(count));
      gateFiles[count] = file;
      console.error(`parsing a generated gate of ${count} items…`);
      const { baselineRss, peakRss, results } = runWorker(bundle, iterations, [file]);
      const [r] = results;
      generated.push({
        items: r.items,
        bytes: r.bytes,
        parseMs: round(r.parseMs),
        evaluateMs: round(r.evaluateMs),
        parseMBps: round(r.bytes / 1e6 / (r.parseMs / 1000)),
        remarkAloneMs: round(r.remarkMs),
        remarkAloneMBps: round(r.bytes / 1e6 / (r.remarkMs / 1000)),
        msPer1000Items: round(((r.parseMs + r.evaluateMs) / r.items) * 1000),
        peakRssMB: round(peakRss / 1048576, 1),
        rssAfterLoadMB: round(baselineRss / 1048576, 1),
      });
    }

    const seedDir = resolve(root, "../shared/seeds");
    let seeds = [];
    if (existsSync(seedDir)) {
      const files = readdirSync(seedDir)
        .filter((f) => f.endsWith(".md"))
        .sort()
        .map((f) => join(seedDir, f));
      seeds = runWorker(bundle, 5, files).results.map((r) => ({
        file: relative(root, r.file),
        bytes: r.bytes,
        items: r.items,
        parseMs: round(r.parseMs, 3),
        evaluateMs: round(r.evaluateMs, 3),
        parseMBps: round(r.bytes / 1e6 / (r.parseMs / 1000)),
        note: r.note,
      }));
    }

    // `npm run build` first, so the figures are for the current source. In a shared work tree the
    // build can fail on someone else's unfinished module: then time the dist/cli.js already there.
    console.error("npm run build, then timing dist/cli.js…");
    const buildOut = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, encoding: "utf8" });
    const buildError =
      buildOut.status === 0
        ? null
        : (buildOut.stderr.split("\n").find((l) => l.includes("ERROR")) ?? "build failed").trim();
    if (buildError) console.error(`warning: npm run build failed (${buildError}); timing the existing dist/cli.js`);
    const cliGateFile = join(tmp, "gate-1000-cli.md");
    writeFileSync(cliGateFile, generateGate(1_000, { prose: false }));
    const cliGate = relative(root, cliGateFile);
    const cli = {
      file: "generated gate of 1,000 items without task paragraphs (within the 48 KiB document limit)",
      bytes: statSync(cliGateFile).size,
      runs: CLI_RUNS,
      check: timeProcess(["dist/cli.js", "check", cliGate]),
      checkJson: timeProcess(["dist/cli.js", "check", "--format", "json", cliGate]),
      // Where the time goes: bare Node start-up, loading the bundle (help only), loading the check
      // command and its dependencies (usage error before any file is read).
      nodeStartup: timeProcess(["-e", "0"]),
      bundleLoadHelp: timeProcess(["dist/cli.js", "--help"]),
      checkCommandLoad: timeProcess(["dist/cli.js", "check"]),
      // The floor set by the parser the project requires: a bundle of remark alone, same file.
      remarkAloneProcess: timeProcess([await bundleRemarkAlone(tmp), cliGate]),
      // dist/ is code-split: the CLI entry, the Action entry and their shared chunks.
      bundleBytes: readdirSync(join(root, "dist"), { recursive: true })
        .filter((name) => String(name).endsWith(".js"))
        .reduce((sum, name) => sum + statSync(join(root, "dist", String(name))).size, 0),
      rebuilt: buildError === null,
      buildError,
    };

    const overRemark = Math.max(...generated.map((g) => round(g.parseMs / g.remarkAloneMs)));
    const result = {
      benchmark: "checklist",
      date: new Date().toISOString(),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      loadAverageAtStart: round(loadAtStart),
      targets: {
        parseOverRemarkAlone: {
          target: `<= ${TARGET_OVER_REMARK}×`,
          value: `${overRemark}×`,
          met: overRemark <= TARGET_OVER_REMARK,
        },
        wholeProcess1000ItemsMs: {
          target: `<= ${TARGET_CLI_MS}`,
          value: cli.check.medianMs,
          met: cli.check.medianMs <= TARGET_CLI_MS,
        },
      },
      generated,
      seeds,
      cli,
    };
    mkdirSync(join(here, "results"), { recursive: true });
    writeFileSync(join(here, "results/checklist.json"), `${JSON.stringify(result, null, 2)}\n`);
    const markdown = toMarkdown(result);
    writeFileSync(join(here, "results/checklist.md"), `${markdown}${documentLimitSection()}`);
    process.stdout.write(markdown);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The section bench/document-limit.bench.mjs keeps in checklist.md, carried over when this rewrites it. */
function documentLimitSection() {
  const file = join(here, "results/checklist.md");
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  const start = text.indexOf("<!-- document-limit:");
  const end = text.indexOf("<!-- /document-limit -->");
  return start >= 0 && end > start ? `\n${text.slice(start, end)}<!-- /document-limit -->\n` : "";
}

function toMarkdown(r) {
  const yes = (met) => (met ? "met" : "**missed**");
  const t = r.targets;
  const lines = [
    "# Checklist engine benchmark",
    "",
    `${r.date} · Node ${r.node} · ${r.platform} · ${r.cpus} CPUs (${r.cpuModel}) · load average ${r.loadAverageAtStart} at start`,
    "",
    "| target | goal | measured | |",
    "| --- | --- | --- | --- |",
    `| parse time over remark alone (worst generated gate) | ${t.parseOverRemarkAlone.target} | ${t.parseOverRemarkAlone.value} | ${yes(t.parseOverRemarkAlone.met)} |`,
    `| \`node dist/cli.js check\`, 1,000 items, median of ${r.cli.runs} | ${t.wholeProcess1000ItemsMs.target} ms | ${t.wholeProcess1000ItemsMs.value} ms | ${yes(t.wholeProcess1000ItemsMs.met)} |`,
    "",
    "## Generated gates (in-process, medians)",
    "",
    "| items | size | parse | evaluate | parse MB/s | remark alone | remark alone MB/s | ms per 1,000 items | peak RSS | RSS after load |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...r.generated.map(
      (g) =>
        `| ${g.items} | ${(g.bytes / 1024).toFixed(0)} KiB | ${g.parseMs} ms | ${g.evaluateMs} ms | ${g.parseMBps} | ${g.remarkAloneMs} ms | ${g.remarkAloneMBps} | ${g.msPer1000Items} | ${g.peakRssMB} MB | ${g.rssAfterLoadMB} MB |`,
    ),
    "",
    '"remark alone" is unified + remark-parse + remark-gfm on the same pieces (bench/remark-alone.mjs),',
    "with nothing of launchgate's: the floor that the required parser sets.",
    "",
    "## Seed documents",
    "",
    "| file | size | items | parse | MB/s | note |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
    ...r.seeds.map(
      (s) =>
        `| ${s.file} | ${(s.bytes / 1024).toFixed(1)} KiB | ${s.items} | ${s.parseMs} ms | ${s.parseMBps} | ${s.note ?? ""} |`,
    ),
    "",
    "## Whole process (medians; where the time goes)",
    "",
    "| command | median | min | max |",
    "| --- | ---: | ---: | ---: |",
    ...[
      ["`node -e 0` (Node start-up)", r.cli.nodeStartup],
      ["`node dist/cli.js --help` (load the bundle)", r.cli.bundleLoadHelp],
      ["`node dist/cli.js check` (load the check command; usage error)", r.cli.checkCommandLoad],
      ["`node dist/cli.js check <1,000 items>`", r.cli.check],
      ["`node dist/cli.js check --format json <1,000 items>`", r.cli.checkJson],
      ["remark alone, bundled, parsing the same file (the parser's floor)", r.cli.remarkAloneProcess],
    ].map(([name, m]) => `| ${name} | ${m.medianMs} ms | ${m.minMs} ms | ${m.maxMs} ms |`),
    "",
    `The whole-process gate is ${r.cli.file}: ${(r.cli.bytes / 1024).toFixed(0)} KiB.`,
    "",
    `dist/ holds ${(r.cli.bundleBytes / 1e6).toFixed(2)} MB of JavaScript (the CLI loads only the chunks of the command it runs)${r.cli.rebuilt ? "" : ` (not rebuilt: ${r.cli.buildError})`}.`,
    "",
  ];
  return lines.join("\n");
}
