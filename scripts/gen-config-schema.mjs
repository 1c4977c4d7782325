// Writes schema/launchgate.schema.json from the zod config schema (src/config/json-schema.ts).
// `--check` fails instead when the committed file is out of date (for CI).
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const target = "schema/launchgate.schema.json";
const bundle = join(tmpdir(), `launchgate-json-schema-${process.pid}.mjs`);
await build({
  entryPoints: ["src/config/json-schema.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  outfile: bundle,
  logLevel: "warning",
  // CommonJS dependencies (yaml) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
try {
  const { configJsonSchema } = await import(pathToFileURL(bundle).href);
  const text = `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
  if (process.argv.includes("--check")) {
    const current = await readFile(target, "utf8").catch(() => "");
    if (current !== text) {
      console.error(`${target} is out of date; run npm run schema`);
      process.exit(1);
    }
  } else {
    await mkdir("schema", { recursive: true });
    await writeFile(target, text);
    console.log(`wrote ${target}`);
  }
} finally {
  await rm(bundle, { force: true });
}
