import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The launchgate package's root (the directory whose package.json is named "launchgate"), where
 * templates/, examples/ and site/ live: dist/cli.js and its chunks sit below it when installed,
 * src/cli/ when run from the sources in tests.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === "launchgate"
    ) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find launchgate's package.json above its own module");
    dir = parent;
  }
}
