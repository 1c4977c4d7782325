// Gate document size limit: the whole `launchgate check` process on the worst shapes a document of
// a given size can take — many items in one piece (no headings to cut at), lists nested to the
// limit, long lines, inline-heavy items — at the limit (MAX_DOCUMENT_BYTES) and at twice it.
// The limit is right when every shape at the limit stays under 2 s and 300 MB.
// Writes bench/results/document-limit.json and its section of bench/results/checklist.md.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { importTypeScript } from "../scripts/import-ts.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const TARGET_SECONDS = 2;
const TARGET_MB = 300;
const RUNS = 3;
export const SECTION_START = "<!-- document-limit: written by bench/document-limit.bench.mjs -->";
export const SECTION_END = "<!-- /document-limit -->";

const { MAX_DOCUMENT_BYTES, MAX_NESTING } = await importTypeScript(
  'export { MAX_DOCUMENT_BYTES, MAX_NESTING } from "./src/checklist/input.ts";',
);

/** Each shape repeats a unit up to the size; every one is a valid gate the limit lets through. */
const SHAPES = {
  "many items, no headings": (i) => `- [ ] Item ${i} checks the thing @alice\n`,
  "items under a heading every 50": (i) => `${i % 50 === 0 ? `\n## Task ${i}\n\n` : ""}- [ ] Item ${i} @alice\n`,
  [`lists nested ${MAX_NESTING - 2} deep`]: () =>
    Array.from({ length: MAX_NESTING - 2 }, (_, d) => `${"  ".repeat(d)}- [ ] level ${d}\n`).join(""),
  [`quotes nested ${MAX_NESTING - 3} deep`]: (i) => `${">".repeat(MAX_NESTING - 3)} - [ ] quoted ${i}\n`,
  "long lines (10 KB items)": () => `- [ ] ${"word ".repeat(2000)}\n`,
  "inline-heavy items": (i) => `- [ ] **bold ${i}** _em_ \`code\` [link](https://x.y/${i}) ~~s~~ <b>h</b> @bob\n`,
};
/**
 * The slowest shape found: remark-parse's own cost for unclosed link openers in one paragraph grows
 * with their number times the paragraph's length (remark alone takes as long). Measured once at the
 * limit and reported apart: it is what bounds the limit from above.
 */
const RESIDUAL = {
  "unclosed links `[a](` in one paragraph (remark's quadratic case)": (size) =>
    `# Gate\n\n- [ ] ${"[a](".repeat((size - 16) / 4)}`.slice(0, size - 1).concat("\n"),
};

function generate(unit, size) {
  let text = "# Gate\n\n";
  for (let i = 0; text.length < size - 64; i++) text += unit(i);
  return `${text.slice(0, size - 16).replace(/[^\n]*$/, "")}- [ ] last\n`;
}

const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

/** One `node dist/cli.js check FILE` run: wall and CPU seconds, peak RSS (MB), and the exit code. */
function measure(file) {
  const args = [join(root, "dist/cli.js"), "check", file];
  const started = performance.now();
  const run = timeBin
    ? spawnSync(timeBin, ["-f", "__time %U %S %M", process.execPath, ...args], { encoding: "utf8" })
    : spawnSync(process.execPath, args, { encoding: "utf8" });
  const wall = (performance.now() - started) / 1000;
  const stats = /__time ([\d.]+) ([\d.]+) (\d+)/.exec(run.stderr ?? "");
  return {
    code: run.status,
    wall,
    cpu: stats ? Number(stats[1]) + Number(stats[2]) : null,
    rssMB: stats ? Number(stats[3]) / 1024 : null,
    error: (run.stderr ?? "").split("\n").find((line) => line.startsWith("launchgate")) ?? null,
  };
}

const round = (x, digits = 2) => (x === null ? null : Number(x.toFixed(digits)));

const tmp = mkdtempSync(join(tmpdir(), "launchgate-doclimit-"));
try {
  spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
  const loadAtStart = loadavg()[0];
  const rows = [];
  for (const [shape, unit] of Object.entries(SHAPES)) {
    for (const size of [MAX_DOCUMENT_BYTES, 2 * MAX_DOCUMENT_BYTES]) {
      const file = join(tmp, "gate.md");
      // Twice the limit must be refused before parsing: its row shows what that refusal costs.
      writeFileSync(file, generate(unit, size));
      const runs = Array.from({ length: size === MAX_DOCUMENT_BYTES ? RUNS : 1 }, () => measure(file));
      const worst = (key) => Math.max(...runs.map((r) => r[key] ?? 0));
      rows.push({
        shape,
        bytes: size,
        code: runs[0].code,
        refused: runs[0].code === 2 ? runs[0].error : null,
        wallSeconds: round(worst("wall")),
        cpuSeconds: round(worst("cpu")),
        peakRssMB: round(worst("rssMB"), 0),
      });
      process.stdout.write(`${shape} @ ${size} B: ${JSON.stringify(rows.at(-1))}\n`);
    }
  }
  const atLimit = rows.filter((r) => r.bytes === MAX_DOCUMENT_BYTES);
  const residual = [];
  for (const [shape, text] of Object.entries(RESIDUAL)) {
    const file = join(tmp, "gate.md");
    writeFileSync(file, text(MAX_DOCUMENT_BYTES));
    const run = measure(file);
    residual.push({
      shape,
      bytes: MAX_DOCUMENT_BYTES,
      code: run.code,
      refused: null,
      wallSeconds: round(run.wall),
      cpuSeconds: round(run.cpu),
      peakRssMB: round(run.rssMB, 0),
    });
    process.stdout.write(`${shape}: ${JSON.stringify(residual.at(-1))}\n`);
  }
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    loadAverageAtStart: round(loadAtStart),
    limitBytes: MAX_DOCUMENT_BYTES,
    targets: {
      seconds: TARGET_SECONDS,
      rssMB: TARGET_MB,
      worstCpuSeconds: Math.max(...atLimit.map((r) => r.cpuSeconds ?? r.wallSeconds)),
      worstPeakRssMB: Math.max(...atLimit.map((r) => r.peakRssMB ?? 0)),
    },
    rows,
    residual,
  };
  mkdirSync(join(here, "results"), { recursive: true });
  writeFileSync(join(here, "results/document-limit.json"), `${JSON.stringify(result, null, 2)}\n`);
  writeSection(toMarkdown(result));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

function toMarkdown(r) {
  const kb = (bytes) => `${Math.round(bytes / 1024)} KiB`;
  return [
    SECTION_START,
    "## Document size limit (whole `launchgate check` process, worst shapes)",
    "",
    `${r.date} · Node ${r.node} · ${r.cpus} CPUs · load average ${r.loadAverageAtStart} at start · ` +
      `limit ${kb(r.limitBytes)} (\`MAX_DOCUMENT_BYTES\`). Worst at the limit: ${r.targets.worstCpuSeconds} s CPU, ` +
      `${r.targets.worstPeakRssMB} MB peak RSS (targets: ${r.targets.seconds} s, ${r.targets.rssMB} MB). ` +
      "CPU is user + system time of the process, which a loaded machine does not inflate as it does wall time.",
    "",
    "| shape | size | exit | wall | CPU | peak RSS |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...r.rows.map(
      (row) =>
        `| ${row.shape} | ${kb(row.bytes)} | ${row.refused ? "2 (refused: over the limit)" : row.code} | ${row.wallSeconds} s | ${row.cpuSeconds ?? "–"} s | ${row.peakRssMB ?? "–"} MB |`,
    ),
    "",
    "The slowest shape found, measured once: link openers that never close, in one paragraph, cost",
    "remark-parse their number times the paragraph's length (remark alone takes as long):",
    "",
    "| shape | size | exit | wall | CPU | peak RSS |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...r.residual.map(
      (row) =>
        `| ${row.shape} | ${kb(row.bytes)} | ${row.code} | ${row.wallSeconds} s | ${row.cpuSeconds ?? "–"} s | ${row.peakRssMB ?? "–"} MB |`,
    ),
    "",
    SECTION_END,
    "",
  ].join("\n");
}

/** Replaces this benchmark's section of checklist.md (or appends it); the rest is checklist.bench's. */
function writeSection(section) {
  const file = join(here, "results/checklist.md");
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  const start = text.indexOf(SECTION_START);
  const end = text.indexOf(SECTION_END);
  const next =
    start >= 0 && end > start
      ? `${text.slice(0, start)}${section}${text.slice(end + SECTION_END.length + 1)}`
      : `${text.trimEnd()}\n\n${section}`;
  writeFileSync(file, next);
}
