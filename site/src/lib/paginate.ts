/**
 * Long lists are split into pages so no page grows past what a phone on a bad connection loads
 * quickly (issue 16: no page over 500 kB with 4,000 open issues).
 */
export const PAGE_SIZE = 100;

/** The items of page `n` (1-based) and the page count (at least 1, so an empty list has a page). */
export function pages<T>(items: readonly T[], size = PAGE_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

/** `prefix/` for page 1, `prefix/N/` after it (prefix without a trailing slash). */
export function pagePath(prefix: string, n: number): string {
  return n <= 1 ? `${prefix}/` : `${prefix}/${n}/`;
}

/** The `[...page]` route parameter for page n: undefined (the bare prefix) for page 1. */
export function pageParam(n: number): string | undefined {
  return n <= 1 ? undefined : String(n);
}
