// Imports the project's TypeScript modules from a plain Node script: bundles `source` (module code
// that may import src/**/*.ts) with esbuild into a temporary ESM file, imports it, and removes it.
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

export async function importTypeScript(source) {
  const bundle = join(tmpdir(), `launchgate-import-${process.pid}-${Date.now()}.mjs`);
  await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: "ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: bundle,
    logLevel: "warning",
    // CommonJS dependencies (yaml) call require(); give the ESM bundle one.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  try {
    return await import(pathToFileURL(bundle).href);
  } finally {
    await rm(bundle, { force: true });
  }
}
