/** A URL-safe, unique page slug for each gate id (ids come from gate files and are untrusted). */
export function gateSlugs(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.map((id, index) => {
    const base =
      id
        .toLowerCase()
        .replace(/[^a-z0-9_-]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 60) || `gate-${index + 1}`;
    let slug = base;
    for (let n = 2; seen.has(slug); n++) slug = `${base}-${n}`;
    seen.add(slug);
    return slug;
  });
}
