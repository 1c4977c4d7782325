import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const SITE_DIR = fileURLToPath(new URL("../../site/", import.meta.url));
const BUILD = path.join(SITE_DIR, "scripts/build.mjs");

export interface BuildOptions {
  snapshots: string;
  base?: string;
  site?: string;
  now?: string;
}

export interface BuiltSite {
  dist: string;
  /** What the build printed (stdout and stderr), e.g. its warnings. */
  output: string;
  /** Removes the output and the cache. */
  remove(): Promise<void>;
}

/** Builds the site into a fresh temporary directory, with its own cache. */
export async function buildSite(options: BuildOptions): Promise<BuiltSite> {
  const work = await mkdtemp(path.join(tmpdir(), "launchgate-site-test-"));
  const out = path.join(work, "dist");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: "1",
    LAUNCHGATE_SNAPSHOTS: options.snapshots,
    LAUNCHGATE_OUT: out,
    LAUNCHGATE_SITE_CACHE: path.join(work, "cache"),
    LAUNCHGATE_BASE: options.base ?? "/",
    LAUNCHGATE_SITE: options.site ?? "",
    LAUNCHGATE_NOW: options.now ?? "",
  };
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [BUILD, "--silent"], { cwd: SITE_DIR, env, stdio: "pipe" });
    child.stdout.on("data", (chunk) => output.push(String(chunk)));
    child.stderr.on("data", (chunk) => output.push(String(chunk)));
    child.on("error", reject);
    child.on("close", resolve);
  });
  const remove = () => rm(work, { recursive: true, force: true });
  if (code !== 0) {
    await remove();
    throw new Error(`astro build exited ${code}:\n${output.join("")}`);
  }
  return { dist: out, output: output.join(""), remove };
}
