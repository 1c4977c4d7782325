/**
 * A line diff in git's unified format (3 lines of context), for the `patch` fields GitHub returns
 * on commits, compares and PR files. Common prefix and suffix are trimmed before an LCS over the
 * rest, so typical one-line edits of large files stay cheap.
 */
export function unifiedDiff(before: string, after: string): { patch: string; additions: number; deletions: number } {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: { op: " " | "-" | "+"; text: string; aLine: number; bLine: number }[] = [];
  for (let i = 0; i < start; i++) ops.push({ op: " ", text: a[i] as string, aLine: i + 1, bLine: i + 1 });
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * (m + 1) + j] =
        midA[i] === midB[j]
          ? (lcs[(i + 1) * (m + 1) + j + 1] as number) + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j] as number, lcs[i * (m + 1) + j + 1] as number);
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && midA[i] === midB[j]) {
      ops.push({ op: " ", text: midA[i] as string, aLine: start + i + 1, bLine: start + j + 1 });
      i++;
      j++;
    } else if (i < n && (j >= m || (lcs[(i + 1) * (m + 1) + j] as number) >= (lcs[i * (m + 1) + j + 1] as number))) {
      // Deletions before insertions, as git prints them.
      ops.push({ op: "-", text: midA[i] as string, aLine: start + i + 1, bLine: start + j });
      i++;
    } else {
      ops.push({ op: "+", text: midB[j] as string, aLine: start + i, bLine: start + j + 1 });
      j++;
    }
  }
  for (let k = 0; k < a.length - endA; k++)
    ops.push({ op: " ", text: a[endA + k] as string, aLine: endA + k + 1, bLine: endB + k + 1 });

  const changed = ops.map((o, idx) => (o.op === " " ? -1 : idx)).filter((idx) => idx >= 0);
  const hunks: string[] = [];
  let k = 0;
  while (k < changed.length) {
    let first = changed[k] as number;
    let last = first;
    while (k + 1 < changed.length && (changed[k + 1] as number) - last <= 7) last = changed[++k] as number;
    k++;
    first = Math.max(0, first - 3);
    last = Math.min(ops.length - 1, last + 3);
    const slice = ops.slice(first, last + 1);
    const oldLines = slice.filter((o) => o.op !== "+").length;
    const newLines = slice.filter((o) => o.op !== "-").length;
    const oldStart = oldLines === 0 ? (slice[0]?.aLine ?? 0) : (slice.find((o) => o.op !== "+")?.aLine ?? 0);
    const newStart = newLines === 0 ? (slice[0]?.bLine ?? 0) : (slice.find((o) => o.op !== "-")?.bLine ?? 0);
    hunks.push(
      `@@ -${oldStart},${oldLines} +${newStart},${newLines} @@\n${slice.map((o) => `${o.op}${o.text}`).join("\n")}`,
    );
  }
  return {
    patch: hunks.join("\n"),
    additions: ops.filter((o) => o.op === "+").length,
    deletions: ops.filter((o) => o.op === "-").length,
  };
}

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}
