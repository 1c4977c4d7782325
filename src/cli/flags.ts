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
  if (text === undefined) return new Date();
  return parseInstant(text, { name: "--now", fix: "e.g. --now 2026-11-02T12:00:00Z", error: UsageError });
}

/** `--config FILE` (the .github/launchgate.yml format), else every default. */
export async function configFlag(path: string | undefined): Promise<Config> {
  if (path === undefined) return defaultConfig;
  return parseConfig(await readUserText(path), path);
}
