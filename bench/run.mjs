// Runs every bench/*.bench.mjs in sequence (never in parallel: they time themselves).
// Each benchmark writes its own figures to bench/results/; this runner only reports failures.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const benches = readdirSync(here)
  .filter((name) => name.endsWith(".bench.mjs"))
  .sort();
const failed = [];
for (const name of benches) {
  console.log(`\n== ${name}`);
  const { status, signal } = spawnSync(process.execPath, [join(here, name)], { stdio: "inherit" });
  if (status !== 0) failed.push(`${name} (${signal ?? `exit ${status}`})`);
}
if (failed.length > 0) {
  console.error(`\nfailed: ${failed.join(", ")}`);
  process.exit(1);
}
