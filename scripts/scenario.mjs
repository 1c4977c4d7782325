// npm run scenario -- FILE... : runs declarative scenarios (test/scenarios/README.md) against the
// fake GitHub with the built Action (dist/index.js) and prints one JSON result per scenario and
// line. Exits 1 when any expectation fails. The runner is TypeScript; esbuild bundles it first.
import { mkdir } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const files = args.filter((a) => !a.startsWith("--"));
if (files.length === 0) {
  console.error("usage: npm run scenario -- [--verbose] FILE.yml...");
  process.exit(2);
}
const outdir = "node_modules/.cache/launchgate-scenario";
await mkdir(outdir, { recursive: true });
await build({
  entryPoints: ["test/support/scenario-runner.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  packages: "external",
  outfile: `${outdir}/runner.mjs`,
  logLevel: "warning",
});
const { runScenarioFiles } = await import(pathToFileURL(`${outdir}/runner.mjs`).href);
const results = await runScenarioFiles(files);
for (const r of results) {
  const { stdout, stderr, requestLog, ...brief } = r;
  console.log(JSON.stringify(verbose ? r : brief));
  console.error(`${r.expectationsMet ? "✓" : "✗"} ${r.name} (${r.durationMs} ms)`);
  for (const f of r.failures) console.error(`    ${f}`);
  if (!r.expectationsMet && !verbose && stderr.trim())
    console.error(`    stderr: ${stderr.trim().split("\n").slice(-5).join("\n            ")}`);
}
process.exitCode = results.every((r) => r.expectationsMet) ? 0 : 1;
