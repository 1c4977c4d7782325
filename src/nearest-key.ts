// "did you mean …?" for unknown config keys, front matter keys and CLI flags alike.

/** The valid key closest to a typo (edit distance ≤ 3), or undefined. */
export function nearestKey(typo: string, valid: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of valid) {
    const d = editDistance(typo.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance: insertions, deletions and substitutions each count one. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}
