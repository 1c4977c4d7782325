import { setFlagsFromString } from "node:v8";

/**
 * Keeps V8's young generation at the size it starts with, for the rest of the process. The weekly
 * report allocates a great many short-lived objects while it winds the repository back and runs the
 * clocks, and V8 answers by growing its young generation to 2 × 64 MiB: at N = 20,000 issues that
 * was a third of the run's peak RSS, and it does not grow with N, so the report's memory target
 * (350 MiB there) could not be met with it. With the young generation kept small, short-lived
 * objects still die young; the ones that survive two scavenges move to the old generation a little
 * sooner, which costs a few per cent of run time.
 *
 * The Action cannot pass node flags (action.yml `runs.using: node24` runs `node dist/index.js`), so
 * the flag is set at run time, before the report reads anything. Of V8's young-generation flags
 * only this one takes effect once the heap exists: `--max-semi-space-size` is read when the heap
 * is set up, and setting it later changes nothing (measured on Node 24; bench/results/scale.md).
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString("--semi-space-growth-factor=1");
}
