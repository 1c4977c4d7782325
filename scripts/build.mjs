// Bundles the Action (dist/index.js) and the CLI (dist/cli.js) as ESM for Node 24.
// Deterministic output, so CI can rebuild and compare with the committed dist/.
import { rm } from "node:fs/promises";
import { build } from "esbuild";

await rm("dist", { recursive: true, force: true });
const shared = {
  bundle: true,
  platform: "node",
  target: "node24",
  format: "esm",
  sourcemap: true,
  sourcesContent: false,
  legalComments: "linked",
  logLevel: "warning",
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);",
  },
};
await build({ ...shared, entryPoints: { index: "src/index.ts" }, outdir: "dist" });
await build({
  ...shared,
  entryPoints: { cli: "src/cli.ts" },
  outdir: "dist",
  splitting: false,
  banner: { js: `#!/usr/bin/env node\n${shared.banner.js}` },
});
