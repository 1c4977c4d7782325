import { nearestKey } from "../nearest-key.js";

/** One flag of a command, as its --help lists it. */
export interface FlagHelp {
  /** The flag's name without dashes, exactly as parseArgs knows it. */
  name: string;
  /** The value's placeholder (FILE, DIR, …); absent for a switch. */
  value?: string;
  /** May be given more than once. */
  repeat?: boolean;
  /** What happens without the flag, in words ("required", "off", "./_site", "the current time"). */
  default: string;
  text: string;
}

/** What `launchgate <command> --help` prints from: every command module exports these. */
export interface CommandHelp {
  usage: string;
  summary: string;
  flags: readonly FlagHelp[];
  /** Meaning of exit codes 0 and 1 for this command; 2 is always a usage or input error. */
  exits: { 0: string; 1?: string };
}

/** Exit code 2 means the same for every command. */
const EXIT_2 = "a usage or input error (one line naming the file and line, never a stack trace)";

export function renderHelp(command: CommandHelp): string {
  const left = command.flags.map((f) => `--${f.name}${f.value ? ` ${f.value}` : ""}${f.repeat ? " (repeatable)" : ""}`);
  const width = Math.max(0, ...left.map((l) => l.length));
  const exits: [string, string][] = [["0", command.exits[0]]];
  if (command.exits[1]) exits.push(["1", command.exits[1]]);
  exits.push(["2", EXIT_2]);
  return [
    `usage: ${command.usage}`,
    command.summary,
    "",
    "flags:",
    ...(command.flags.length === 0 ? ["  (none)"] : []),
    ...command.flags.map((f, i) => `  ${(left[i] as string).padEnd(width)}  ${f.text} (default: ${f.default})`),
    `  ${"--help".padEnd(width)}  print this help`,
    "",
    "exit codes:",
    ...exits.map(([code, text]) => `  ${code}  ${text}`),
    "",
  ].join("\n");
}

/**
 * parseArgs' own messages run to several sentences; the CLI prints one line naming the flag, the
 * nearest known one when it looks like a typo, and where the flags are listed.
 */
export function parseArgsMessage(name: string, error: Error & { code?: unknown }, command: CommandHelp): string {
  const unknown = /Unknown option '(-{1,2}[^']*)'/.exec(error.message)?.[1];
  const more = `launchgate ${name} --help lists the flags`;
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && unknown) {
    const near = nearestKey(
      unknown.replace(/^-+/, ""),
      command.flags.map((f) => f.name),
    );
    return `unknown flag ${unknown}${near ? ` (did you mean --${near}?)` : ""} — ${more}`;
  }
  const first = error.message.split(/\.\s/)[0]?.replace(/\.$/, "") ?? error.message;
  return `${first} — ${more}`;
}
