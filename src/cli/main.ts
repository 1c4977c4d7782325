import { readFileSync } from "node:fs";
import { join } from "node:path";
import { styleText } from "node:util";
import { InputError } from "../errors.js";
import type { Paint } from "../format/paint.js";
import type { Command } from "./command.js";
import { parseArgsMessage, renderHelp } from "./help.js";
import type { CliIO } from "./io.js";
import { packageRoot } from "./package-root.js";

/** Each command is its own module, loaded only when used. */
export const commands: Record<string, () => Promise<Command>> = {
  check: () => import("./commands/check.js"),
  triage: () => import("./commands/triage.js"),
  criteria: () => import("./commands/criteria.js"),
  report: () => import("./commands/report.js"),
  metrics: () => import("./commands/metrics.js"),
  site: () => import("./commands/site.js"),
  init: () => import("./commands/init.js"),
  doctor: () => import("./commands/doctor.js"),
  demo: () => import("./commands/demo.js"),
};

/** The command list with each command's one-line summary (loads every command: help only). */
async function helpText(): Promise<string> {
  const names = Object.keys(commands);
  const width = Math.max(...names.map((n) => n.length));
  const lines = await Promise.all(
    names.map(
      async (name) => `  ${name.padEnd(width)}  ${(await (commands[name] as () => Promise<Command>)()).summary}`,
    ),
  );
  return [
    "usage: launchgate <command> [options]   (launchgate <command> --help for its flags and exit codes)",
    "       launchgate --version",
    "",
    "commands:",
    ...lines,
    "",
  ].join("\n");
}

/** Runs the CLI; returns the exit code (0 ok, 1 a gate/check failed, 2 usage or input error). */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(await helpText());
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-V" || name === "version") {
    io.stdout(`${version()}\n`);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`launchgate: unknown command "${name}"\n${await helpText()}`);
    return 2;
  }
  const command = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(renderHelp(command));
    return 0;
  }
  const paint: Paint = (style, text) => (io.color ? styleText(style, text, { validateStream: false }) : text);
  try {
    return await command.run(rest, io, paint);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`launchgate ${name}: ${error.format()}\n`);
      return 2;
    }
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`launchgate ${name}: ${parseArgsMessage(name, error, command)}\n`);
      return 2;
    }
    throw error;
  }
}

/** The installed package's version (package.json next to dist/ or src/). */
function version(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string };
  return manifest.version;
}
