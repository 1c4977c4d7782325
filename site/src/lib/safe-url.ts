/**
 * Returns the URL normalized by the WHATWG parser when it is an absolute http(s) URL, else
 * undefined. Snapshot URLs come from GitHub data, so `javascript:`, `data:`, protocol-relative and
 * relative URLs are never turned into links (the caller shows the text instead).
 */
export function safeUrl(value: string | null | undefined): string | undefined {
  if (typeof value !== "string") return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  if (url.username || url.password) return undefined;
  return url.href;
}
