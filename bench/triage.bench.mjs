// Triage sweep benchmark: the scheduled sweep over N = 10,000 issues against the fake GitHub
// (test/support/fake-github), proving the API budget of ceil(N/100) + 10 requests per sweep.
// Two sweeps run back to back: the first finds a backlog of label changes (the budget caps the
// writes, the rest waits), the second is the steady state. Writes bench/results/triage.json and
// bench/results/triage.md.
//
// The sweep and the fake are TypeScript with ".js" import suffixes: esbuild bundles an entry
// importing them into a temporary ESM file first.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const N = 10_000;
const CLOSED = 1_500; // closed within the sweep's look-back window
const OLD_CLOSED = 500; // closed long ago: not swept
const NOW = "2026-11-20T12:00:00Z";

const entry = `
import { World } from "./test/support/fake-github/model.ts";
import { startFakeGitHub } from "./test/support/fake-github/server.ts";
import { sweep } from "./src/action/modes/triage.ts";
import { createClient } from "./src/github/client.ts";
import { parseConfig } from "./src/config/load.ts";
export { World, startFakeGitHub, sweep, createClient, parseConfig };
`;
// Inside the project, so the bundle's package imports resolve from node_modules.
mkdirSync(join(root, "node_modules", ".cache"), { recursive: true });
const dir = mkdtempSync(join(root, "node_modules", ".cache", "launchgate-bench-triage-"));
const out = join(dir, "bench.mjs");
await build({
  stdin: { contents: entry, resolveDir: root, loader: "ts" },
  bundle: true,
  platform: "node",
  format: "esm",
  packages: "external",
  outfile: out,
  logLevel: "warning",
});
const { World, startFakeGitHub, sweep, createClient, parseConfig } = await import(pathToFileURL(out).href);

/** A repository after a busy launch: mostly open issues, a few long threads, comments by members, bots and reporters. */
function world() {
  const w = new World("2026-11-02T09:00:00Z");
  const repo = w.repo("acme/shop");
  repo.collaborators.set("maintainer", "write");
  w.user("helper[bot]", "Bot");
  const severities = ["P0", "P1", "P2", "P3", "sev2", "severity:low", null, null];
  const base = Date.parse("2026-11-02T09:00:00Z");
  const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  const total = N + OLD_CLOSED;
  for (let n = 1; n <= total; n++) {
    const created = base + (n % 400) * 45 * 60_000;
    const severity = severities[n % severities.length];
    const old = n > N;
    const closed = old || n <= CLOSED;
    const closedAt = old ? iso(Date.parse("2026-10-01T00:00:00Z")) : iso(Date.parse(NOW) - (n % 72) * 3_600_000);
    repo.addIssue({
      number: n,
      title: `Issue ${n}`,
      user: `user${n % 97}`,
      labels: ["bug", ...(severity ? [severity] : [])],
      state: closed ? "closed" : "open",
      createdAt: iso(old ? Date.parse("2026-09-01T00:00:00Z") : created),
      updatedAt: old ? "2026-10-01T00:00:00Z" : closed ? closedAt : iso(created),
      ...(closed ? { closedAt } : {}),
    });
    // Every 50th issue has a long thread; in every 2,000th the first member reply is comment 111.
    const comments = n % 50 === 0 ? 130 : n % 3;
    const lateReply = n % 2000 === 0;
    for (let k = 0; k < comments; k++) {
      const at = iso(created + (k + 1) * 10 * 60_000);
      const user = lateReply
        ? k === 110
          ? "maintainer"
          : `user${n % 97}`
        : k % 3 === 0
          ? "helper[bot]"
          : k % 3 === 1
            ? `user${n % 97}`
            : "maintainer";
      repo.comments.push({ id: w.nextId(), issue: n, user, body: "…", createdAt: at, updatedAt: at });
    }
  }
  return w;
}

const config = parseConfig("triage:\n  sweep_lookback: 7d\n", "launchgate.yml");
const w = world();
const server = await startFakeGitHub(w);
const runs = [];
const repo = w.repo("acme/shop");
/** Applies label changes straight to the model: what the sweeps before would have written. */
const converge = (changes) => {
  for (const c of changes) {
    const issue = repo.issues.get(c.number);
    issue.labels = [...issue.labels.filter((l) => !c.remove.includes(l)), ...c.add];
  }
};
const HOUR = 3_600_000;
try {
  const sweeps = [
    // First install: every open issue needs labels; the budget caps the writes.
    { label: "first sweep (backlog)", at: new Date(NOW) },
    // An hour later, once the backlog has been written: only what changed in that hour.
    { label: "an hour later (steady state)", at: new Date(Date.parse(NOW) + HOUR) },
  ];
  for (const { label, at } of sweeps) {
    const client = createClient({ token: "write-token", apiUrl: server.url, graphqlUrl: server.graphqlUrl });
    const logStart = server.log.length;
    const started = performance.now();
    const report = await sweep(client, { owner: "acme", repo: "shop" }, config, at);
    const ms = performance.now() - started;
    const log = server.log.slice(logStart);
    runs.push({
      sweep: label,
      now: at.toISOString(),
      issues: report.issues,
      requests: report.requests,
      budget: report.budget,
      withinBudget: report.requests <= report.budget,
      graphqlRequests: log.filter((r) => r.path === "/graphql").length,
      writes: log.filter((r) => r.write).length,
      labelChangesWritten: report.written.length,
      labelChangesDeferred: report.deferred.length,
      breaches: report.result.breaches.length,
      untriaged: report.result.untriaged.length,
      seconds: Number((ms / 1000).toFixed(1)),
    });
    converge(report.deferred);
  }
  if (server.problems.length > 0)
    throw new Error(`fake GitHub problems: ${JSON.stringify(server.problems.slice(0, 3))}`);
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

const result = {
  benchmark: "triage sweep API budget",
  n: N,
  budgetFormula: "ceil(N/100) + 10",
  setup: {
    openIssues: N - CLOSED,
    closedWithinLookback: CLOSED,
    closedLongAgoNotSwept: OLD_CLOSED,
    longThreads: Math.floor(N / 50),
    now: NOW,
  },
  machine: { node: process.version, cpus: cpus().length },
  runs,
};
mkdirSync(join(here, "results"), { recursive: true });
writeFileSync(join(here, "results", "triage.json"), `${JSON.stringify(result, null, 2)}\n`);
const md = [
  "# Triage sweep: API budget at N = 10,000",
  "",
  `Fake GitHub (test/support/fake-github), ${N - CLOSED} open issues + ${CLOSED} closed within the look-back (${OLD_CLOSED} older closed issues are not swept), ${Math.floor(N / 50)} threads over 100 comments. Budget: ceil(N/100) + 10.`,
  "",
  "The first sweep meets a backlog of label changes and writes what the budget leaves room for, most urgent first; the rest is applied to the model before the second sweep, as later sweeps would have.",
  "",
  "| Sweep | Issues | Requests | Budget | GraphQL | Writes | Label changes written / deferred | Breaches | Untriaged | Seconds |",
  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ...runs.map(
    (r) =>
      `| ${r.sweep} | ${r.issues} | ${r.requests} | ${r.budget} | ${r.graphqlRequests} | ${r.writes} | ${r.labelChangesWritten} / ${r.labelChangesDeferred} | ${r.breaches} | ${r.untriaged} | ${r.seconds} |`,
  ),
  "",
  `Node ${process.version}, ${cpus().length} CPUs (shared).`,
  "",
].join("\n");
writeFileSync(join(here, "results", "triage.md"), md);
console.log(md);
const over = runs.filter((r) => !r.withinBudget);
if (over.length > 0) {
  console.error(`over budget: ${over.map((r) => `${r.sweep} ${r.requests}/${r.budget}`).join(", ")}`);
  process.exit(1);
}
