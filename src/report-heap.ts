import { setFlagsFromString } from "node:v8";

/**
 * V8 settings for the weekly report's process, set at run time: the Action cannot pass node flags
 * (action.yml `runs.using: node24` runs `node dist/index.js`), and these two take effect on a heap
 * that already exists (measured on Node 24; `--max-semi-space-size` and `--max-old-space-size`
 * are read when the heap is set up and change nothing later). The report's memory comes first
 * from what it keeps (compact records, one as-of world, nothing fetched alive while it writes);
 * these keep V8 from holding much more than that:
 *
 * - the young generation stays at its starting size: the report allocates a great many
 *   short-lived objects, and V8 answers by growing it to 2 × 64 MiB, which at 20,000 issues was a
 *   third of the run's peak RSS. Objects that survive two scavenges move to the old generation a
 *   little sooner;
 * - the old generation grows by 10 % of what survived the last full collection before it collects
 *   again, not by up to 4 times that. At 100,000 issues about 220 MiB survive the clocks; with the
 *   default the heap reached 560 MiB before a full collection ran. The extra full collections cost
 *   no measurable time at 100,000 issues (25 % measured the same time and up to 45 MiB more).
 *
 * bench/results/scale.md has the figures with and without them.
 */
export function tuneHeapForReport(): void {
  setFlagsFromString("--semi-space-growth-factor=1");
  setFlagsFromString("--heap-growing-percent=10");
}
