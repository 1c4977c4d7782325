import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTsdb, type RunningPrometheus, startPrometheus } from "../../support/prometheus.js";
import { cleanEnv, runCliAsync } from "../../support/run-cli.js";
import { metricsCsv, NOW, openMetrics, prometheusConfig, RELEASE } from "./fixture.js";

// The built CLI (`npm run build`) as a real process against a real Prometheus.
let prometheus: RunningPrometheus;
const dir = mkdtempSync(join(tmpdir(), "launchgate-prom-cli-"));

beforeAll(async () => {
  prometheus = await startPrometheus(buildTsdb(openMetrics()));
});
afterAll(async () => {
  await prometheus?.stop();
});

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const cli = (args: string[], env: Record<string, string> = {}) => runCliAsync(args, { env: cleanEnv(env) });

describe("launchgate metrics", () => {
  it("prints what each metric reads, from Prometheus and from the file, and exits 0 when all are known", async () => {
    const config = write(
      "ok.yml",
      prometheusConfig({
        queries: { error_rate: "lg_err_exact", active_users: { query: "max(lg_users)", unit: "count" } },
      }),
    );
    const file = write("m.csv", metricsCsv({ lg_uptime: "uptime" }));
    const run = await cli(["metrics", "--config", config, "--metrics", file, "--from", RELEASE, "--to", NOW], {
      LAUNCHGATE_PROMETHEUS_URL: prometheus.url,
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Prometheus ${prometheus.url}, step 1 s, 2 request(s)`);
    expect(run.stdout).toContain(
      "✓ error_rate: 3601 samples from prometheus `lg_err_exact`; min 1, max 20, mean 1.63843 %; latest 1 at 2026-11-09T11:00:00.000Z",
    );
    expect(run.stdout).toMatch(
      /✓ active_users: 3601 samples from prometheus `max\(lg_users\)`; min 1000, max 1006, .* count;/,
    );
    expect(run.stdout).toContain(`✓ uptime: 3601 samples from file ${file}`);
  });

  it("exits 1 naming each unknown metric and why, as JSON too", async () => {
    const config = write(
      "bad.yml",
      prometheusConfig({
        url: prometheus.url,
        step: "15s",
        queries: { error_rate: "lg_err_by_job", crash_rate: "rate(" },
      }),
    );
    const run = await cli(["metrics", "--config", config, "--from", RELEASE, "--to", NOW, "--format", "json"]);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.window).toEqual({ from: "2026-11-09T10:00:00.000Z", to: "2026-11-09T11:00:00.000Z" });
    const byName = Object.fromEntries(out.metrics.map((m: { name: string }) => [m.name, m]));
    expect(byName.error_rate.unknown).toMatch(/returns 2 series .*aggregate it/);
    expect(byName.crash_rate.unknown).toMatch(/^Prometheus refused the query \(HTTP 400, bad_data: .*parse error/);
  });

  it("refuses a metric defined both in the file and in the queries before reading anything", async () => {
    const config = write("both.yml", prometheusConfig({ url: "http://127.0.0.1:1", queries: { uptime: "lg_uptime" } }));
    const file = write("both.csv", metricsCsv({ lg_uptime: "uptime" }));
    const run = await cli(["metrics", "--config", config, "--metrics", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `launchgate metrics: ${config}: metric uptime defined both in ${file} and in metrics.prometheus.queries — keep each metric in one source: remove it from the file or from the queries\n`,
    );
  });
});

describe("launchgate doctor: Prometheus", () => {
  function repo(config: string): string {
    const root = mkdtempSync(join(dir, "repo-"));
    writeFileSync(join(root, "launchgate.yml"), config);
    return root;
  }

  it("checks that the URL answers and each query parses at now", async () => {
    const { mkdirSync } = await import("node:fs");
    const root = repo("");
    mkdirSync(join(root, ".github"), { recursive: true });
    writeFileSync(
      join(root, ".github/launchgate.yml"),
      `metrics:\n  prometheus:\n    url: ${prometheus.url}\n    queries:\n      error_rate: 'vector(1.5)'\n      crash_rate: 'sum(rate(x[1m])'\n      uptime: 'lg_does_not_exist'\n`,
    );
    const run = await cli(["doctor", "--dir", root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`✓ Prometheus at ${prometheus.url} answers`);
    expect(run.stdout).toContain("✓ metrics.prometheus.queries.error_rate parses and returns one series (1.5 now)");
    expect(run.stdout).toMatch(
      /✗ metrics\.prometheus\.queries\.crash_rate: Prometheus refused the query \(HTTP 400, bad_data: .*parse error/,
    );
    expect(run.stdout).toMatch(/! metrics\.prometheus\.queries\.uptime parses but returns no data/);

    writeFileSync(
      join(root, ".github/launchgate.yml"),
      "metrics:\n  prometheus:\n    url: http://127.0.0.1:1\n    queries:\n      error_rate: 'vector(1)'\n",
    );
    const down = await cli(["doctor", "--dir", root]);
    expect(down.code).toBe(1);
    expect(down.stdout).toMatch(/✗ Prometheus at http:\/\/127\.0\.0\.1:1 does not answer: cannot reach .*ECONNREFUSED/);
  });
});
