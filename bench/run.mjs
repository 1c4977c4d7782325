// Runs every bench/*.bench.mjs in sequence (never in parallel: they time themselves), or, with a
// name (`npm run bench -- scale --issues 10000 --json`), only bench/<name>.bench.mjs with the
// remaining arguments. Each benchmark writes its own figures to bench/results/; this runner only
// reports failures.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const [name, ...args] = process.argv.slice(2);
if (name !== undefined && !existsSync(join(here, `${name}.bench.mjs`))) {
  console.error(`no benchmark bench/${name}.bench.mjs`);
  process.exit(2);
}
const benches =
  name === undefined
    ? readdirSync(here)
        .filter((file) => file.endsWith(".bench.mjs"))
        .sort()
    : [`${name}.bench.mjs`];
const failed = [];
for (const file of benches) {
  // A single named benchmark owns stdout (`--json` prints one line there).
  if (name === undefined) console.log(`\n== ${file}`);
  const { status, signal } = spawnSync(process.execPath, [join(here, file), ...args], { stdio: "inherit" });
  if (status !== 0) failed.push(`${file} (${signal ?? `exit ${status}`})`);
}
if (failed.length > 0) {
  console.error(`\nfailed: ${failed.join(", ")}`);
  process.exit(1);
}
