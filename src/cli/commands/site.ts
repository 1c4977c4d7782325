import { spawn } from "node:child_process";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { InputError } from "../../errors.js";
import { checkFileWeek } from "../../snapshot/file-week.js";
import { snapshotFileWeek } from "../../snapshot/files.js";
import { parseSnapshot } from "../../snapshot/parse.js";
import { nowFlag } from "../flags.js";
import type { FlagHelp } from "../help.js";
import { type CliIO, readUserText, shownPath, UsageError } from "../io.js";
import { siteWithDependencies } from "../site-deps.js";

export const usage = "launchgate site --snapshots DIR [--out DIR] [--site URL] [--base PATH] [--now ISO-8601]";
export const summary =
  "build the static status site (site/, Astro) from a directory of weekly snapshots; default output ./_site";

export const flags: FlagHelp[] = [
  { name: "snapshots", value: "DIR", default: "required", text: "directory of <week>.json snapshots" },
  { name: "out", value: "DIR", default: "./_site", text: "where the site is written" },
  {
    name: "site",
    value: "URL",
    default: "none: RSS links stay relative",
    text: "the published origin, e.g. https://owner.github.io",
  },
  { name: "base", value: "PATH", default: "/", text: "base path, e.g. /repo/ for project pages" },
  {
    name: "now",
    value: "ISO-8601",
    default: "the current time",
    text: "the time the stale-data banner is computed at",
  },
];
export const exits = { 0: "the site was built", 1: "the Astro build failed" };

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      snapshots: { type: "string" },
      out: { type: "string", default: "_site" },
      site: { type: "string" },
      base: { type: "string", default: "/" },
      now: { type: "string" },
    },
  });
  if (!values.snapshots) throw new UsageError("--snapshots is required", { fix: usage });
  if (values.site !== undefined && !/^https?:\/\/[^/]+/.test(values.site)) {
    throw new UsageError(`--site "${values.site}" is not an http(s) origin`, {
      fix: "e.g. --site https://owner.github.io",
    });
  }
  if (!values.base.startsWith("/")) {
    throw new UsageError(`--base "${values.base}" must start with /`, { fix: "e.g. --base /repo/ for project pages" });
  }
  if (values.now !== undefined) nowFlag(values.now);
  const snapshots = path.resolve(io.cwd, values.snapshots);
  const weeks = await checkSnapshots(snapshots, shownPath(io.cwd, values.snapshots));
  const siteDir = await siteWithDependencies(io);
  const out = path.resolve(io.cwd, values.out);
  io.stderr(`launchgate site: building ${weeks} weeks from ${shownPath(io.cwd, values.snapshots)}\n`);
  const code = await spawnBuild(path.join(siteDir, "scripts", "build.mjs"), siteDir, io, {
    LAUNCHGATE_SNAPSHOTS: snapshots,
    LAUNCHGATE_OUT: out,
    LAUNCHGATE_BASE: values.base,
    LAUNCHGATE_SITE: values.site ?? "",
    LAUNCHGATE_NOW: values.now ?? "",
  });
  if (code !== 0) {
    io.stderr(`launchgate site: astro build failed (exit ${code})\n`);
    return 1;
  }
  io.stdout(`${shownPath(io.cwd, values.out)}\n`);
  return 0;
}

/** Validates every snapshot up front: a bad file is an input error (exit 2), not a build crash. */
async function checkSnapshots(dir: string, shown: string): Promise<number> {
  let names: string[];
  try {
    if (!(await stat(dir)).isDirectory()) throw new InputError("is not a directory", { file: shown });
    names = (await readdir(dir)).filter((name) => snapshotFileWeek(name) !== null);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError("cannot read the snapshot directory", {
      file: shown,
      fix: "pass the directory holding <ISO week>.json files (snapshots/ on the launchgate-data branch)",
    });
  }
  if (names.length === 0) {
    throw new InputError("no snapshots (<ISO week>.json) in the directory", {
      file: shown,
      fix: "run launchgate report first, or check out the launchgate-data branch",
    });
  }
  for (const name of names) {
    const file = path.join(shown, name);
    const text = await readUserText(path.join(dir, name)).catch((error: unknown) => {
      throw error instanceof InputError
        ? new InputError(error.message, { file, ...(error.fix ? { fix: error.fix } : {}) })
        : error;
    });
    checkFileWeek(parseSnapshot(text, file), name.slice(0, -".json".length), file);
  }
  return names.length;
}

/** site/scripts/build.mjs: `astro build`, serialized with any other build of the same site/. */
function spawnBuild(script: string, cwd: string, io: CliIO, env: Record<string, string>): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Astro's progress goes to stderr so stdout carries only the output directory.
    child.stdout.on("data", (chunk) => io.stderr(String(chunk)));
    child.stderr.on("data", (chunk) => io.stderr(String(chunk)));
    child.on("error", reject);
    child.on("close", resolve);
  });
}
