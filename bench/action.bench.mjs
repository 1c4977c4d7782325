// Action benchmark: whole-process wall time of `node dist/index.js` (gate mode) on a 1,000-item
// gate with 50 owned items against the fake GitHub (test/support/), and the API requests per check.
// Targets: ≤ 1 s per check; requests ≤ 10 + the commits that touched the gate file.
// Writes bench/results/action.json and bench/results/action.md. Needs `npm run build` first.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { stringify } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const RUNS = Number(process.env.RUNS ?? 7);
const ITEMS = 1000;
const OWNED = 50;
const TARGET_MS = 1000;
const GATE = ".github/gates/release.md";

if (!existsSync(join(root, "dist/index.js"))) {
  console.error("dist/index.js is missing: run npm run build first");
  process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), "launchgate-action-bench-"));
try {
  // The scenario runner is TypeScript; bundle it like scripts/scenario.mjs does.
  const runner = join(root, "node_modules/.cache/launchgate-bench/runner.mjs");
  await build({
    entryPoints: [join(root, "test/support/scenario-runner.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outfile: runner,
    logLevel: "warning",
  });
  const { runScenarioFiles } = await import(pathToFileURL(runner).href);

  // Every 20th item is owned by @alice; the rest are unowned. Base: all open. The release branch
  // ticks them in 4 commits (alice the owned ones, bob the others).
  const owned = (i) => i % (ITEMS / OWNED) === 0;
  const gate = (tick) =>
    `# Release gate\n\n${Array.from({ length: ITEMS }, (_, k) => k + 1)
      .map(
        (i) =>
          `${i % 100 === 1 ? `\n## TASK ${Math.ceil(i / 100)}\n\n` : ""}- [${tick(i) ? "x" : " "}] Item ${i} checked${owned(i) ? " @alice" : ""}`,
      )
      .join("\n")}\n`;
  const commits = [
    { author: "bob", files: { [GATE]: gate((i) => !owned(i) && i <= 500) } },
    { author: "bob", files: { [GATE]: gate((i) => !owned(i)) } },
    { author: "alice", files: { [GATE]: gate((i) => !owned(i) || i <= 500) } },
    { author: "alice", files: { [GATE]: gate(() => true) } },
  ];
  const scenario = {
    name: "1,000-item gate, 50 owned items",
    users: { alice: {}, bob: {} },
    config: { gates: [GATE] },
    branches: {
      main: { commits: [{ author: "alice", files: { [GATE]: gate(() => false) } }] },
      "release/1.0": { from: "main", commits },
    },
    pulls: [{ number: 1, title: "Release 1.0", user: "alice", base: "main", head: "release/1.0", labels: ["release"] }],
    event: { name: "pull_request", action: "synchronize", number: 1 },
    expect: { exit_code: 0, check_runs: [{ conclusion: "success", title: `${ITEMS}/${ITEMS} required items done` }] },
  };
  const file = join(work, "bench.yml");
  writeFileSync(file, stringify(scenario, { lineWidth: 0 }));
  const touching = commits.length + 1;

  // Times the Action's own process: a wrapper spawns `node dist/index.js` and records its wall time.
  const timing = join(work, "ms");
  const wrapper = join(work, "timed-action.mjs");
  writeFileSync(
    wrapper,
    `import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
const started = performance.now();
const r = spawnSync(process.execPath, [${JSON.stringify(join(root, "dist/index.js"))}], { stdio: "inherit" });
writeFileSync(${JSON.stringify(timing)}, String(performance.now() - started));
process.exit(r.status ?? 1);
`,
  );
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const [result] = await runScenarioFiles([file], { action: wrapper });
    if (!result.expectationsMet) {
      console.error(`bench scenario failed: ${result.failures.join("; ")}\n${result.stderr}`);
      process.exit(1);
    }
    runs.push({ ms: Number(readFileSync(timing, "utf8")), requests: result.requests, writes: result.writes });
  }
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1];
  const requests = runs[0].requests;
  const result = {
    benchmark: "action gate mode, whole process",
    items: ITEMS,
    ownedItems: OWNED,
    commitsTouchingGate: touching,
    runs: RUNS,
    wallMs: { median: Math.round(median), min: Math.round(sorted[0]), max: Math.round(sorted.at(-1)) },
    requestsPerCheck: requests,
    writesPerCheck: runs[0].writes,
    targets: { wallMs: TARGET_MS, requests: 10 + touching },
    met: { wall: median <= TARGET_MS, requests: requests <= 10 + touching },
    machine: { node: process.version, cpus: cpus().length, loadavg1: Number(loadavg()[0].toFixed(2)) },
    date: new Date().toISOString(),
  };
  mkdirSync(join(here, "results"), { recursive: true });
  writeFileSync(join(here, "results/action.json"), `${JSON.stringify(result, null, 2)}\n`);
  const md = `# Action benchmark (gate mode)

Whole-process wall time of \`node dist/index.js\` against the fake GitHub, ${ITEMS}-item gate with
${OWNED} owned items, ${touching} commits touching the gate file, ${RUNS} runs.

| measure | value | target |
| --- | ---: | ---: |
| wall time, median | ${result.wallMs.median} ms | ≤ ${TARGET_MS} ms ${result.met.wall ? "✅" : "❌"} |
| wall time, min – max | ${result.wallMs.min} – ${result.wallMs.max} ms | |
| API requests per check | ${requests} | ≤ ${10 + touching} ${result.met.requests ? "✅" : "❌"} |
| of which writes | ${result.writesPerCheck} | |

Node ${process.version}, ${cpus().length} CPUs, load average ${result.machine.loadavg1} (shared machine).
`;
  writeFileSync(join(here, "results/action.md"), md);
  console.log(md);
  if (!result.met.requests) process.exitCode = 1;
} finally {
  if (!process.env.KEEP) rmSync(work, { recursive: true, force: true });
}
