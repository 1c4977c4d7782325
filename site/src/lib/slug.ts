/**
 * A URL-safe, unique page slug for each id (gate ids come from gate files, rule ids from the
 * config: both untrusted); `fallback-N` for an id with nothing URL-safe in it.
 */
export function slugs(ids: readonly string[], fallback: string): string[] {
  const seen = new Set<string>();
  return ids.map((id, index) => {
    const base =
      id
        .toLowerCase()
        .replace(/[^a-z0-9_-]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 60) || `${fallback}-${index + 1}`;
    let slug = base;
    for (let n = 2; seen.has(slug); n++) slug = `${base}-${n}`;
    seen.add(slug);
    return slug;
  });
}

/** Each gate's page slug. */
export const gateSlugs = (ids: readonly string[]): string[] => slugs(ids, "gate");
