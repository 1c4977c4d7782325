// `npm start` and `npm test` build the site, whose locked dependencies live in site/ (installed
// apart from the Action's): install them on first use only.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("site/node_modules/astro/package.json")) {
  process.stderr.write("installing the site's locked dependencies (npm ci --prefix site)…\n");
  execFileSync("npm", ["ci", "--prefix", "site", "--no-audit", "--no-fund"], { stdio: "inherit" });
}
