import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { InputError } from "../../errors.js";
import { type Paint, plain } from "../../format/paint.js";
import { parseSnapshot } from "../../snapshot/parse.js";
import { weekBounds, weekOf, weekRange } from "../../time/weeks.js";
import type { Command } from "../command.js";
import type { FlagHelp } from "../help.js";
import { type CliIO, shownPath } from "../io.js";
import { packageRoot } from "../package-root.js";
import { siteWithDependencies } from "../site-deps.js";

export const usage = "launchgate demo [--out DIR] [--no-site]";
export const summary =
  "run check, triage, criteria, the weekly report and the site over the bundled example launch (offline)";

export const flags: FlagHelp[] = [
  { name: "out", value: "DIR", default: "./launchgate-demo", text: "where the demo's reports, snapshots and site go" },
  { name: "no-site", default: "off", text: "skip building the site" },
];
export const exits = { 0: "the demo ran" };

/** The demo replays the bundled data as of its last day, so every run shows the same picture. */
const DEMO_NOW = "2026-11-22T20:00:00Z";
const LAUNCH_DATE = "2026-10-12";
const TIME_ZONE = "Europe/Berlin";

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The demo composes the real commands (no second implementation): each step runs a command's
 * `run` with arguments pointing at examples/demo/ and writes what it printed under --out.
 */
export async function run(argv: string[], io: CliIO, paint: Paint): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: "string", default: "launchgate-demo" }, "no-site": { type: "boolean", default: false } },
  });
  const out = resolve(io.cwd, values.out);
  await requireDirectoryOrNothing(out, values.out);
  await rm(join(out, "snapshots"), { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  // The steps read the example launch by paths relative to its root, as in a repository, so the
  // gate paths in snapshots and on the site read "gates/…", never this machine's directories.
  const previousDir = process.cwd();
  process.chdir(join(packageRoot(), "examples", "demo"));
  try {
    return await runSteps(out, !values["no-site"], io, paint);
  } finally {
    process.chdir(previousDir);
  }
}

async function runSteps(out: string, withSite: boolean, io: CliIO, paint: Paint): Promise<number> {
  const common = ["--config", "launchgate.yml", "--now", DEMO_NOW];
  const weeks = weekRange(
    weekOf(new Date(`${LAUNCH_DATE}T12:00:00Z`), TIME_ZONE),
    weekOf(new Date(DEMO_NOW), TIME_ZONE),
  );
  const steps = 4 + (withSite ? 1 : 0);
  const started = performance.now();
  let step = 0;
  const progress = (text: string) => io.stderr(`${paint("dim", `[${++step}/${steps}]`)} ${text}\n`);

  progress("checking the gate documents");
  const gateFiles = ["gates/launch-go-no-go.md", "gates/production-go-live.md"];
  const gates = await call("check", ["--format", "json", ...gateFiles], io);
  await writeFile(join(out, "gates.json"), gates.stdout);
  const gateResult = JSON.parse(gates.stdout) as {
    files: { gate: { title: string }; requiredDone: number; required: number }[];
  };

  progress("triaging 300 issues against their SLAs");
  const issueArgs = ["--issues", "issues.json", "--comments", "comments.json", "--events", "events.json"];
  const triage = await call("triage", [...issueArgs, ...common, "--format", "json"], io);
  await writeFile(join(out, "triage.json"), triage.stdout);

  progress("computing the release decision");
  const releaseArgs = ["--pulls", "pulls.json", "--releases", "releases.json", "--metrics", "metrics.yml"];
  const gateArgs = gateFiles.flatMap((file) => ["--gate", file]);
  const criteria = await call(
    "criteria",
    [...issueArgs, ...releaseArgs, ...gateArgs, ...common, "--format", "json"],
    io,
  );
  await writeFile(join(out, "criteria.json"), criteria.stdout);

  progress(`writing ${weeks.length} weekly reports (${weeks[0]} … ${weeks.at(-1)})`);
  for (const week of weeks) {
    const end = Math.min(weekBounds(week, TIME_ZONE).end.getTime() - 1000, Date.parse(DEMO_NOW));
    await call(
      "report",
      [
        ...issueArgs,
        ...releaseArgs,
        "--config",
        "launchgate.yml",
        "--now",
        new Date(end).toISOString(),
        "--week",
        week,
        "--notes",
        "notes",
        "--gates",
        join(out, "gates.json"),
        "--snapshots",
        join(out, "snapshots"),
        "--out",
        out,
      ],
      io,
      [0],
    );
  }

  const where = shownPath(io.cwd, out);
  let siteLine = "";
  if (withSite) {
    // Installed here rather than inside the site step, whose output is captured: a first run
    // shows that it is downloading the site's dependencies.
    await siteWithDependencies(io);
    progress("building the status site");
    await call("site", ["--snapshots", join(out, "snapshots"), "--out", join(out, "site"), "--now", DEMO_NOW], io, [0]);
    const site = `${where}/site`;
    siteLine = `site:       ${site}/index.html — preview: python3 -m http.server -d ${site} 8080`;
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  // The summary quotes the newest snapshot: the same figures the site shows.
  const latest = weeks.at(-1) as string;
  const snapshot = parseSnapshot(await readFile(join(out, "snapshots", `${latest}.json`), "utf8"), latest);
  const status = snapshot.status.overall;
  const light = paint(status === "green" ? "green" : status === "yellow" ? "yellow" : "red", status);
  io.stdout(
    [
      paint("bold", `launchgate demo — Aurora, six weeks after launch (as of ${DEMO_NOW})`),
      ...gateResult.files.map(
        (g) => `gate:       ${g.gate.title}: ${g.requiredDone}/${g.required} required items done`,
      ),
      `triage:     ${snapshot.issues.untriaged} untriaged, ${snapshot.sla.breaches.length} SLA breaches`,
      `decision:   ${snapshot.release.decision ?? "unknown"} (readiness ${snapshot.release.readiness ?? "unknown"}/100${snapshot.release.readinessNote ? `; ${snapshot.release.readinessNote}` : ""})`,
      `this week:  ${latest} is ${light}`,
      `reports:    ${where}/reports/ (${weeks.length} weeks), snapshots in ${where}/snapshots/`,
      siteLine,
      `done in ${seconds} s`,
      "",
    ]
      .filter((line) => line !== "")
      .join("\n")
      .concat("\n"),
  );
  return 0;
}

/**
 * The commands the demo composes, loaded as main.ts loads them (only when used). They are imported
 * here rather than taken from main.ts's table, which imports this module: no import cycle.
 */
const demoCommands = {
  check: () => import("./check.js"),
  triage: () => import("./triage.js"),
  criteria: () => import("./criteria.js"),
  report: () => import("./report.js"),
  site: () => import("./site.js"),
} satisfies Record<string, () => Promise<Command>>;

/** Runs one command with its output captured; an exit code outside `okCodes` fails the demo. */
async function call(
  name: keyof typeof demoCommands,
  args: string[],
  io: CliIO,
  okCodes: number[] = [0, 1],
): Promise<Captured> {
  const command: Command = await demoCommands[name]();
  const captured: Captured = { code: 0, stdout: "", stderr: "" };
  const sink: CliIO = {
    ...io,
    cwd: process.cwd(),
    color: false,
    stdout: (text) => {
      captured.stdout += text;
    },
    stderr: (text) => {
      captured.stderr += text;
    },
  };
  captured.code = await command.run(args, sink, plain);
  if (!okCodes.includes(captured.code)) {
    throw new InputError(`demo step "launchgate ${name}" failed (exit ${captured.code}): ${captured.stderr.trim()}`);
  }
  return captured;
}

/** --out is created when missing; an existing file there is an input error, not a crash. */
async function requireDirectoryOrNothing(dir: string, given: string): Promise<void> {
  const found = await stat(dir).catch(() => null);
  if (found && !found.isDirectory()) {
    throw new InputError("--out names a file, not a directory", {
      file: given,
      fix: "name a directory (it is created when missing), e.g. --out launchgate-demo",
    });
  }
}
