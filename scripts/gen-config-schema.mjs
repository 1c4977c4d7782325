// Writes schema/launchgate.schema.json from the zod config schema (src/config/json-schema.ts).
// `--check` fails instead when the committed file is out of date (for CI).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { importTypeScript } from "./import-ts.mjs";

const target = "schema/launchgate.schema.json";
const { configJsonSchema } = await importTypeScript('export { configJsonSchema } from "./src/config/json-schema.ts";');
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
