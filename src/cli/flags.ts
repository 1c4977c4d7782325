import { defaultConfig, parseConfig } from "../config/load.js";
import type { Config } from "../config/schema.js";
import { parseInstant } from "../time/now.js";
import { readUserText, UsageError } from "./io.js";

/** `--format`: one of the command's formats, else a usage error listing them. */
export function formatFlag<F extends string>(value: string | undefined, formats: readonly F[], fallback: F): F {
  const format = (value ?? fallback) as F;
  if (!formats.includes(format)) {
    throw new UsageError(`unknown --format "${value}"`, { fix: `use ${formats.join(" or ")}` });
  }
  return format;
}

/** `--now`: an ISO-8601 instant with an offset (replays the past), else the current time. */
export function nowFlag(text: string | undefined): Date {
  return text === undefined ? new Date() : instantFlag("--now", text);
}

/** A flag naming an instant (`--now`, `--from`, `--to`): ISO-8601 with an offset, as every entry point reads one. */
export function instantFlag(name: string, text: string): Date {
  return parseInstant(text, { name, fix: `e.g. ${name} 2026-11-02T12:00:00Z`, error: UsageError });
}

/**
 * The export files a command reads when it does not read GitHub live: each of `names` must be
 * given (`--repo OWNER/NAME` alone reads them from GitHub instead).
 */
export function requireExports<K extends string>(
  values: Partial<Record<K, string | undefined>>,
  names: readonly K[],
  usage: string,
): void {
  for (const name of names) {
    if (!values[name])
      throw new UsageError(`--${name} is required (or --repo OWNER/NAME to read GitHub live)`, { fix: usage });
  }
}

/** `--config FILE` (the .github/launchgate.yml format), else every default. */
export async function configFlag(path: string | undefined): Promise<Config> {
  if (path === undefined) return defaultConfig;
  return parseConfig(await readUserText(path), path);
}
