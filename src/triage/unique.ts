/**
 * One copy per number. `gh api --paginate` can list an issue or PR twice when it moves between
 * pages while the export runs; the later copy stands unless the earlier one was updated later.
 */
export function uniqueByNumber<T extends { number: number; updated_at?: string | undefined }>(
  items: readonly T[],
): T[] {
  const kept = new Map<number, T>();
  for (const item of items) {
    const known = kept.get(item.number);
    if (!known || !(Date.parse(known.updated_at ?? "") > Date.parse(item.updated_at ?? "")))
      kept.set(item.number, item);
  }
  return [...kept.values()];
}
