/**
 * Prometheus refuses a range query of more than 11,000 points per series. A window is read as
 * consecutive chunks of at most MAX_POINTS evaluation instants on one grid of `step` multiples since
 * the epoch: the same instants whatever the chunking and whenever the read runs, no instant read
 * twice at a chunk's edge, none skipped.
 */
export const MAX_POINTS = 10_000;

export interface Chunk {
  /** First evaluation instant, epoch ms (a multiple of the step). */
  start: number;
  /** Last evaluation instant, epoch ms, inclusive. */
  end: number;
}

/** The chunks covering [from, to] (epoch ms, inclusive); none when no grid instant lies inside. */
export function rangeChunks(from: number, to: number, stepMs: number, maxPoints = MAX_POINTS): Chunk[] {
  const first = Math.ceil(from / stepMs) * stepMs;
  const last = Math.floor(to / stepMs) * stepMs;
  const chunks: Chunk[] = [];
  for (let start = first; start <= last; start += maxPoints * stepMs) {
    chunks.push({ start, end: Math.min(start + (maxPoints - 1) * stepMs, last) });
  }
  return chunks;
}
