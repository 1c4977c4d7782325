// The licence notices of every npm package whose code the bundle contains, from esbuild's
// metafile inputs: MIT, ISC and BSD licences require the notice to travel with the code.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

const PACKAGE_DIR = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//;
const LICENCE_FILE = /^(licen[cs]e|copying|notice)(\.(md|txt|markdown))?$/i;

/** Markdown listing each bundled package (name, version, licence) with its licence files' text. */
export async function thirdPartyNotices(inputs) {
  const dirs = new Set();
  for (const input of inputs) {
    const dir = PACKAGE_DIR.exec(input)?.[1];
    if (dir) dirs.add(dir);
  }
  const packages = [];
  for (const dir of dirs) {
    const manifest = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
    const files = (await readdir(dir)).filter((name) => LICENCE_FILE.test(name)).sort();
    const texts = await Promise.all(files.map(async (name) => (await readFile(join(dir, name), "utf8")).trim()));
    packages.push({ name: manifest.name, version: manifest.version, license: licenseOf(manifest), texts });
  }
  packages.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  const sections = packages.map((p) =>
    [
      `## ${p.name}@${p.version} — ${p.license}`,
      "",
      ...(p.texts.length > 0
        ? p.texts.map((text) => ["```text", text.replaceAll("```", "'''"), "```"].join("\n"))
        : [`The package ships no licence file; its package.json declares ${p.license}.`]),
      "",
    ].join("\n"),
  );
  return [
    "# Third-party notices",
    "",
    "launchgate's `dist/` bundles the following npm packages (found by esbuild's metafile when",
    "`npm run build` wrote it). Their licence texts follow, as each package ships them.",
    "",
    ...sections,
  ].join("\n");
}

function licenseOf(manifest) {
  if (typeof manifest.license === "string") return manifest.license;
  if (manifest.license?.type) return manifest.license.type;
  if (Array.isArray(manifest.licenses)) return manifest.licenses.map((l) => l.type ?? l).join(" OR ");
  return "UNKNOWN";
}
