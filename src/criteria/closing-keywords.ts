import { proseLines } from "./markdown-text.js";

/**
 * Issue numbers a pull request body closes with GitHub's closing keywords (close, closes, closed,
 * fix, fixes, fixed, resolve, resolves, resolved; any case; optional colon), as GitHub links them:
 * `Fixes #12`, `resolves: #7`, `Fixes owner/name#12` and `Fixes https://github.com/owner/name/issues/12`
 * when owner/name is this repository (another repository's issue is not ours to count). Only the
 * body's prose counts (GitHub does not link them in HTML comments such as PR templates' examples,
 * or in code); offline stand-in for GraphQL's `closingIssuesReferences`, which the live Action uses.
 */
export function closingIssueNumbers(
  body: string | null | undefined,
  repo: { owner: string; name: string } | null = null,
): number[] {
  if (!body) return [];
  const numbers = new Set<number>();
  const same = (owner: string | undefined, name: string | undefined) =>
    repo !== null &&
    owner?.toLowerCase() === repo.owner.toLowerCase() &&
    name?.toLowerCase() === repo.name.toLowerCase();
  for (const line of proseLines(body)) {
    for (const match of line.matchAll(PATTERN)) {
      const [, short, owner, name, number, urlOwner, urlName, urlNumber] = match;
      if (short) numbers.add(Number(short));
      else if (number && same(owner, name)) numbers.add(Number(number));
      else if (urlNumber && same(urlOwner, urlName)) numbers.add(Number(urlNumber));
    }
  }
  return [...numbers];
}

const KEYWORD = String.raw`(?<![\w/#-])(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?[ \t]+`;
const REFERENCE = String.raw`(?:#(\d+)|([\w.-]+)\/([\w.-]+)#(\d+)|https?:\/\/[^\s/]+\/([\w.-]+)\/([\w.-]+)\/issues\/(\d+))\b`;
const PATTERN = new RegExp(KEYWORD + REFERENCE, "gi");
