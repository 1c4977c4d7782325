import type { Paint } from "../format/paint.js";
import type { CommandHelp } from "./help.js";
import type { CliIO } from "./io.js";

/** What each module under src/cli/commands/ exports: its help, and `run`, which returns the exit code. */
export interface Command extends CommandHelp {
  run(argv: string[], io: CliIO, paint: Paint): Promise<number>;
}
