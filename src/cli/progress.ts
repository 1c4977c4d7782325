/** Where progress goes: stderr, whose `isTTY` decides between a redrawn line and plain lines. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** After each API response: the requests made so far. */
  requests(count: number): void;
  /** The fetch is over: a last line saying what was read. */
  done(summary: string): void;
}

/** A terminal's line is redrawn at most this often. */
const REDRAW_MS = 100;
/** Without a terminal (CI logs, pipes), a plain line at most this often. */
const LINE_EVERY_MS = 5_000;

/**
 * Progress of a live fetch on stderr, so stdout stays the command's output. A terminal gets one
 * line redrawn in place; CI and pipes get a first line, then a plain line every few seconds while
 * the fetch lasts (never a carriage return in a log file).
 */
export function fetchProgress(label: string, stream: ProgressStream, clock: () => number = Date.now): Progress {
  const started = clock();
  const seconds = () => Math.round((clock() - started) / 1000);
  const tty = stream.isTTY === true;
  let last = started;
  if (!tty) stream.write(`${label}…\n`);
  return {
    requests(count) {
      const now = clock();
      if (now - last < (tty ? REDRAW_MS : LINE_EVERY_MS)) return;
      last = now;
      const text = `${label}: ${count} requests, ${seconds()} s`;
      stream.write(tty ? `\r\x1b[2K${text}` : `${text}\n`);
    },
    done(summary) {
      stream.write(tty ? `\r\x1b[2K${summary}\n` : `${summary}\n`);
    },
  };
}
