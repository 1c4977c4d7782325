/**
 * Issue numbers a pull request body closes with GitHub's closing keywords (close, closes, closed,
 * fix, fixes, fixed, resolve, resolves, resolved; any case; optional colon): `Fixes #12`,
 * `resolves: #7`. Only same-repository `#N` references count; offline stand-in for GraphQL's
 * `closingIssuesReferences`, which the live Action uses.
 */
export function closingIssueNumbers(body: string | null | undefined): number[] {
  if (!body) return [];
  const numbers = new Set<number>();
  const pattern = /(?<![\w/#-])(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?[ \t]+#(\d+)\b/gi;
  for (const match of body.matchAll(pattern)) numbers.add(Number(match[1]));
  return [...numbers];
}
