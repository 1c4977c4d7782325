import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { InputError } from "../errors.js";
import type { CliIO } from "./io.js";
import { packageRoot } from "./package-root.js";

/**
 * site/ of this launchgate installation, with its locked dependencies (Astro) installed. They are
 * not launchgate's own dependencies — only `site` and `demo` need them, and the Action never
 * does — so a checkout and an installed package alike get them on first use, by `npm ci` into
 * site/ (the same install the composite site action runs). Progress goes to stderr.
 */
export async function siteWithDependencies(io: CliIO): Promise<string> {
  const site = path.join(packageRoot(), "site");
  if (!existsSync(path.join(site, "astro.config.mjs"))) {
    throw new InputError("this launchgate installation has no site/ directory", {
      fix: "reinstall launchgate, or run it from a checkout",
    });
  }
  if (existsSync(astroBin(site))) return site;
  const shown = homeRelative(io.cwd, site);
  io.stderr(
    `launchgate: installing the status site's locked dependencies into ${shown}/node_modules (first use only)…\n`,
  );
  const code = await npmCi(site, io).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`cannot run npm (${error.code ?? error.message})`, {
      file: `${shown}/package.json`,
      fix: "install npm, or run: npm ci --prefix <that directory>",
    });
  });
  if (code !== 0 || !existsSync(astroBin(site))) {
    throw new InputError(`installing the site's dependencies failed (npm ci exit ${code})`, {
      file: `${shown}/package.json`,
      fix: `check the network and write access, then run: npm ci --prefix ${shown}`,
    });
  }
  return site;
}

function astroBin(site: string): string {
  return path.join(site, "node_modules", "astro", "bin", "astro.mjs");
}

function npmCi(site: string, io: CliIO): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["ci", "--prefix", site, "--no-audit", "--no-fund"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk) => io.stderr(String(chunk)));
    child.stderr.on("data", (chunk) => io.stderr(String(chunk)));
    child.on("error", reject);
    child.on("close", resolve);
  });
}

/** A directory named relative to the working directory when below it, else below ~, else as is. */
function homeRelative(cwd: string, dir: string): string {
  const rel = path.relative(cwd, dir);
  if (rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel)) return rel;
  const home = path.relative(homedir(), dir);
  return home !== "" && !home.startsWith("..") && !path.isAbsolute(home) ? `~/${home}` : dir;
}
