import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { type Check, formatCheck } from "../../doctor/check.js";
import type { Paint } from "../../format/paint.js";
import { isGlob } from "../../gates/glob.js";
import {
  CONFIG_PATH,
  checkConfig,
  checkGateFile,
  checkGateMatches,
  checkWorkflow,
  gateLocations,
} from "../../init/doctor.js";
import { checkMetricsFile } from "../../init/metrics-file.js";
import { prometheusChecks } from "../../metrics/prometheus/doctor.js";
import type { FlagHelp } from "../help.js";
import { type CliIO, shownPath, UsageError } from "../io.js";

export const usage = "launchgate doctor [--dir DIR]";
export const summary =
  "check a repository's launchgate setup (config, gate files, workflow permissions and triggers): exit 0 when all pass, 1 when any fails";

export const flags: FlagHelp[] = [
  { name: "dir", value: "DIR", default: ". (the current directory)", text: "the repository to check" },
];
export const exits = { 0: "every check passes (warnings allowed)", 1: "a check fails" };

const WORKFLOWS = ".github/workflows";
/** Directories never searched for gate files matched by a glob. */
const SKIP_DIRS = new Set([".git", "node_modules"]);

export async function run(argv: string[], io: CliIO, paint: Paint): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { dir: { type: "string" } } });
  const dir = resolve(io.cwd, values.dir ?? ".");
  if (!(await stat(dir).catch(() => null))?.isDirectory())
    throw new UsageError(`${shownPath(io.cwd, values.dir ?? ".")} is not a directory`, {
      fix: "pass --dir DIR of a repository",
    });

  const checks: Check[] = [];
  const { checks: configChecks, config } = checkConfig(await readText(join(dir, CONFIG_PATH)));
  checks.push(...configChecks);

  if (config) {
    for (const location of gateLocations(config)) {
      const files = isGlob(location.pattern)
        ? (await listFiles(dir, location.root)).filter(location.matches)
        : (await stat(join(dir, location.pattern)).catch(() => null))?.isFile()
          ? [location.pattern]
          : [];
      const missing = checkGateMatches(location, files);
      if (missing) checks.push(missing);
      for (const file of files) checks.push(checkGateFile(file, await readFile(join(dir, file))));
    }
    checks.push(...(await prometheusChecks(config.metrics, process.env, CONFIG_PATH, new Date())));
  }

  const localAction = /^name:\s*['"]?launchgate['"]?\s*$/m.test((await readText(join(dir, "action.yml"))) ?? "");
  const names = (await readdir(join(dir, WORKFLOWS)).catch(() => [] as string[])).filter((n) => /\.ya?ml$/.test(n));
  let launchgateWorkflows = 0;
  for (const name of names.sort()) {
    const path = `${WORKFLOWS}/${name}`;
    const text = await readText(join(dir, path));
    if (text === null) continue;
    const report = checkWorkflow(path, text, { config, localAction });
    if (report.usesLaunchgate) launchgateWorkflows++;
    checks.push(...report.checks);
    for (const metrics of report.metrics) {
      checks.push(checkMetricsFile(metrics.path, metrics.where, await readText(join(dir, metrics.path))));
    }
  }
  if (launchgateWorkflows === 0) {
    checks.push({
      status: "fail",
      message: `no workflow in ${WORKFLOWS} uses launchgate`,
      fix: "run `npx launchgate init` to add the gate, triage and weekly workflows",
    });
  }

  const style = { pass: "green", fail: "red", warn: "yellow" } as const;
  for (const check of checks) {
    const line = formatCheck(check);
    io.stdout(`${paint(style[check.status], line.slice(0, 1))}${line.slice(1)}\n`);
  }
  const failed = checks.filter((c) => c.status === "fail").length;
  const warned = checks.filter((c) => c.status === "warn").length;
  io.stdout(
    failed === 0
      ? `\n${checks.length - warned} checks passed${warned > 0 ? `, ${warned} warnings` : ""}\n`
      : `\n${failed} of ${checks.length} checks failed: fix the ✗ lines above\n`,
  );
  return failed === 0 ? 0 : 1;
}

async function readText(path: string): Promise<string | null> {
  return readFile(path, "utf8").catch(() => null);
}

/** Repository-relative `/`-separated paths of the files below `root` (a directory in the repository). */
async function listFiles(dir: string, root: string): Promise<string[]> {
  const start = join(dir, root);
  const entries = await readdir(start, { recursive: true, withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/");
    if (path.split("/").some((part) => SKIP_DIRS.has(part))) continue;
    files.push(path);
  }
  return files.sort();
}
