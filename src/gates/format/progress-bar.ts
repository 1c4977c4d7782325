/** `▰▰▰▱▱` — one cell per required item up to 20, scaled beyond that. */
export function progressBar(done: number, total: number): string {
  if (total <= 0) return "";
  const width = Math.min(total, 20);
  const filled = done >= total ? width : Math.min(width - 1, Math.floor((done / total) * width));
  return "▰".repeat(filled) + "▱".repeat(width - filled);
}
