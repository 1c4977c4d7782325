import { enableCompileCache } from "node:module";
import { main } from "./main.js";

// Commands are loaded lazily; caching their compiled code makes repeated runs start faster.
enableCompileCache?.();

const color =
  process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== "0"
    ? true
    : process.stdout.isTTY === true && process.env.NO_COLOR === undefined && process.env.TERM !== "dumb";

main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color,
  stderrTTY: process.stderr.isTTY === true,
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not bad input: one line, a pointer to report it, and a failing exit code.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `launchgate: internal error: ${message} (please report this at the launchgate issue tracker)\n`,
    );
    process.exitCode = 2;
  },
);
