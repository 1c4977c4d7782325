import { proseLines } from "./markdown-text.js";

/**
 * Issue numbers a pull request body closes with GitHub's closing keywords (close, closes, closed,
 * fix, fixes, fixed, resolve, resolves, resolved; any case; optional colon): `Fixes #12`,
 * `resolves: #7`. Only same-repository `#N` references in the body's prose count (GitHub does
 * not link them in HTML comments such as PR templates' examples, or in code); offline stand-in
 * for GraphQL's `closingIssuesReferences`, which the live Action uses.
 */
export function closingIssueNumbers(body: string | null | undefined): number[] {
  if (!body) return [];
  const numbers = new Set<number>();
  const pattern = /(?<![\w/#-])(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?[ \t]+#(\d+)\b/gi;
  for (const line of proseLines(body)) {
    for (const match of line.matchAll(pattern)) numbers.add(Number(match[1]));
  }
  return [...numbers];
}
