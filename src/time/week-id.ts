/**
 * An ISO week id like "2026-W47" (year, then week 01–53). A time concept the snapshot schema and
 * file names also read; its own module, so reading a week id loads neither a schema nor week arithmetic.
 */
export const weekIdPattern = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;

/** A week id of a week that exists: W53 only in a 53-week year (2026 has one, 2027 does not). */
export function isIsoWeekId(id: string): boolean {
  const match = weekIdPattern.exec(id);
  return match !== null && (match[2] !== "53" || hasWeek53(Number(match[1])));
}

/** A year has 53 ISO weeks when it starts on a Thursday, or is a leap year starting on a Wednesday. */
function hasWeek53(year: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, 0, 1); // not Date.UTC, which reads years 0–99 as 1900–1999
  const jan1 = date.getUTCDay();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3);
}
