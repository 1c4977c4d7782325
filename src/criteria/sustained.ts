import type { MetricSample } from "../metrics/types.js";

export interface SustainedWindow {
  /** The samples of the window, oldest first; all past the threshold. */
  samples: MetricSample[];
  /** Milliseconds from the first to the last sample. */
  durationMs: number;
}

/**
 * The longest run of consecutive samples that are all past the threshold, and whether it lasts at
 * least `minutes`. "Sustained for 2 min" means every sample in a window at least 2 minutes long
 * (first to last sample) is past the threshold: a 1 min 59 s spike does not count, 2 min does.
 */
export function longestBreach(
  samples: readonly MetricSample[],
  isPast: (value: number) => boolean,
): SustainedWindow | null {
  let best: SustainedWindow | null = null;
  let run: MetricSample[] = [];
  const close = () => {
    const first = run[0];
    const last = run[run.length - 1];
    if (first && last) {
      const durationMs = last.time - first.time;
      if (!best || durationMs > best.durationMs) best = { samples: run, durationMs };
    }
    run = [];
  };
  for (const sample of samples) {
    if (isPast(sample.value)) run.push(sample);
    else close();
  }
  close();
  return best;
}
