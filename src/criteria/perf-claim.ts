import { proseLines } from "./markdown-text.js";

export interface PerformanceClaim {
  percent: number;
  /** The words the figure was read from. */
  quote: string;
  source: "title" | "body";
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)\s?%`;
/** `perf: 25%`, `Performance: +25 %` at the start of a line or the title: an explicit claim. */
const TAG = new RegExp(String.raw`^\s*perf(?:ormance)?\s*:\s*\+?${NUMBER}`, "i");
/** `25% faster`, `25 % quicker`, `25% speed-up`, `25% performance improvement`, `faster by 25%`. */
const PHRASES = [
  new RegExp(String.raw`(?<![\w.\-+])${NUMBER}\s+(?:faster|quicker|speed-?up|(?:performance\s+)?improvement)\b`, "gi"),
  new RegExp(String.raw`\b(?:faster|quicker)\s+by\s+${NUMBER}`, "gi"),
];
const NEGATED = /\b(?:not|no|never|isn't|wasn't|without)\s+(?:even\s+|quite\s+)?$/i;

/**
 * The performance gain a pull request claims, read from its title and body prose (code, inline
 * code and HTML comments are ignored):
 *
 * 1. An explicit tag line `perf: N%` (title first, then body) is authoritative.
 * 2. Otherwise phrases such as "N% faster", "N% quicker", "N% speed-up", "N% improvement",
 *    "faster by N%"; negated ones ("not 25% faster") do not count. When several figures appear,
 *    the smallest is the claim: a release is not triggered by a best-case number.
 *
 * Returns null when nothing is claimed.
 */
export function performanceClaim(title: string, body: string | null | undefined): PerformanceClaim | null {
  const texts: [PerformanceClaim["source"], string[]][] = [
    ["title", [title]],
    ["body", body ? proseLines(body) : []],
  ];
  for (const [source, lines] of texts) {
    for (const line of lines) {
      const tag = TAG.exec(line);
      if (tag) return { percent: Number(tag[1]), quote: tag[0].trim(), source };
    }
  }
  let best: PerformanceClaim | null = null;
  for (const [source, lines] of texts) {
    for (const line of lines) {
      for (const pattern of PHRASES) {
        for (const match of line.matchAll(pattern)) {
          if (NEGATED.test(line.slice(0, match.index))) continue;
          const percent = Number(match[1]);
          if (!best || percent < best.percent) best = { percent, quote: match[0], source };
        }
      }
    }
  }
  return best;
}
