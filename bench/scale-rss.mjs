// Preloaded into the Action's process by bench/scale.bench.mjs (`node --import`): on exit, writes
// the process's peak resident set size (KiB, from getrusage) to LAUNCHGATE_BENCH_RSS.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  if (process.env.LAUNCHGATE_BENCH_RSS)
    writeFileSync(process.env.LAUNCHGATE_BENCH_RSS, String(process.resourceUsage().maxRSS));
});
