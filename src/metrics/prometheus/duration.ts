/**
 * Prometheus duration strings (`15s`, `1m30s`, `2h`, `500ms`): units from largest to smallest,
 * each at most once, as Prometheus itself accepts them in `step` and range selectors.
 */
const UNITS: readonly [string, number][] = [
  ["y", 365 * 86_400_000],
  ["w", 7 * 86_400_000],
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["m", 60_000],
  ["s", 1000],
  ["ms", 1],
];
const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Milliseconds of a duration, or null when the text is not one (or is zero). */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text);
  if (!match || text === "") return null;
  let ms = 0;
  UNITS.forEach(([, size], i) => {
    const part = match[i + 1];
    if (part !== undefined) ms += Number(part) * size;
  });
  return ms > 0 && Number.isSafeInteger(ms) ? ms : null;
}

/** `90000` → `1m30s`: how a duration reads in messages. */
export function formatDuration(ms: number): string {
  let rest = ms;
  let out = "";
  for (const [unit, size] of UNITS) {
    if (unit === "y" || unit === "w") continue;
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out || "0s";
}
