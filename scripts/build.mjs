// Bundles the Action (dist/index.js) and the CLI (dist/cli.js) as ESM for Node 24.
// Deterministic output, so CI can rebuild and compare with the committed dist/. Builds into a
// temporary folder and renames each file into dist/, so a process running dist/ never sees it half-written.
import { mkdir, mkdtemp, readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";

const requireShim =
  "import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);";
const tmp = await mkdtemp("dist.tmp-");
try {
  const shared = {
    bundle: true,
    platform: "node",
    target: "node24",
    format: "esm",
    sourcemap: true,
    sourcesContent: false,
    legalComments: "none",
    logLevel: "warning",
    outdir: tmp,
  };
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  await build({ ...shared, entryPoints: { index: "src/index.ts" }, banner: { js: requireShim } });
  await build({ ...shared, entryPoints: { cli: "src/cli.ts" }, banner: { js: `#!/usr/bin/env node\n${requireShim}` } });
  await mkdir("dist", { recursive: true });
  const built = await readdir(tmp);
  for (const name of built) await rename(join(tmp, name), join("dist", name));
  for (const name of await readdir("dist"))
    if (!built.includes(name)) await rm(join("dist", name), { recursive: true });
} finally {
  await rm(tmp, { recursive: true, force: true });
}
