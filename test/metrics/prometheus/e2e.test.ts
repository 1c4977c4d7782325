import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { criteriaResultSchema } from "../../../src/criteria/result.js";
import { parseSnapshot } from "../../../src/snapshot/parse.js";
import { World } from "../../support/fake-github/model.js";
import { type FakeGitHub, startFakeGitHub } from "../../support/fake-github/server.js";
import {
  buildTsdb,
  type LocalServer,
  type RunningPrometheus,
  startAuthProxy,
  startHangingServer,
  startPrometheus,
} from "../../support/prometheus.js";
import { runScheduledAction } from "../../support/run-action.js";
import { cleanEnv, runCliAsync } from "../../support/run-cli.js";
import { metricsCsv, NOW, openMetrics, PREVIOUS_RELEASE, prometheusConfig, RELEASE } from "./fixture.js";

// The built CLI and Action (`npm run build`) as real processes against a real Prometheus serving the
// fixture series; the Action against the fake GitHub. Release v1.1.0 at 10:00, now 11:00.
let prometheus: RunningPrometheus;
const servers: LocalServer[] = [];
const dir = mkdtempSync(join(tmpdir(), "launchgate-prom-e2e-"));

beforeAll(async () => {
  prometheus = await startPrometheus(buildTsdb(openMetrics()));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await prometheus?.stop();
});

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const release = (tag: string, at: string) => ({ tag_name: tag, created_at: at, published_at: at });
const exports = {
  issues: write("issues.json", "[]"),
  pulls: write("pulls.json", "[]"),
  releases: write("releases.json", JSON.stringify([release("v1.0.0", PREVIOUS_RELEASE), release("v1.1.0", RELEASE)])),
};
const inputs = ["--issues", exports.issues, "--pulls", exports.pulls, "--releases", exports.releases];

/** Fixture series → metric names: the rollback rules' three metrics. */
const ROLLBACK = { lg_err_exact: "error_rate", lg_crash: "crash_rate", lg_uptime: "uptime" };

function configFor(queries: Record<string, string>, extra: { step?: string; timeout?: string } = {}): string {
  return write(`config-${Math.random().toString(36).slice(2)}.yml`, prometheusConfig({ queries, ...extra }));
}

async function criteria(config: string, args: string[] = [], env: Record<string, string> = {}) {
  const run = await runCliAsync(
    ["criteria", ...inputs, "--config", config, "--now", NOW, "--format", "json", ...args],
    { env: cleanEnv({ LAUNCHGATE_PROMETHEUS_URL: prometheus.url, ...env }) },
  );
  return { ...run, result: run.stdout ? criteriaResultSchema.parse(JSON.parse(run.stdout)) : null };
}

const rule = (result: { rules: { id: string }[] } | null, id: string) =>
  result?.rules.find((r) => r.id === id) as { outcome: string; evidence: { text: string }[] } | undefined;

/** A result without where samples came from (file:line vs prometheus), for comparing the two sources. */
function withoutOrigin(result: unknown): unknown {
  return JSON.parse(JSON.stringify(result), (key, value) =>
    ["file", "line", "url", "label"].includes(key) ? undefined : value,
  );
}

describe("launchgate criteria reading Prometheus", () => {
  it("decides exactly as on the same samples given as a file", async () => {
    const fromPrometheus = await criteria(
      configFor(Object.fromEntries(Object.entries(ROLLBACK).map(([k, v]) => [v, k]))),
    );
    const fromFile = await criteria(configFor({}), ["--metrics", write("rollback.csv", metricsCsv(ROLLBACK))]);
    expect(fromPrometheus.stderr).toBe("");
    expect(fromPrometheus.code).toBe(0);
    expect(fromFile.code).toBe(0);
    expect(fromPrometheus.result?.decision).toBe("rollback");
    expect(withoutOrigin(fromPrometheus.result)).toEqual(withoutOrigin(fromFile.result));
    expect(rule(fromPrometheus.result, "rollback.error-rate")?.evidence[0]).toMatchObject({
      kind: "metric",
      file: "prometheus",
      line: 0,
      text: "121 consecutive samples > 10 % over 2 min 0 s (≥ 2 min): first 20 % at 2026-11-09T10:30:00.000Z",
    });
    expect(rule(fromPrometheus.result, "rollback.crash-rate")?.evidence[0]?.text).toBe(
      "crash rate 0.25 % at 2026-11-09T11:00:00.000Z (≤ 10 %)",
    );
  });

  it("at a 1 s step, 1 min 59 s above the threshold is no rollback and 2 min is", async () => {
    const short = await criteria(configFor({ error_rate: "lg_err_short" }));
    expect(rule(short.result, "rollback.error-rate")).toMatchObject({
      outcome: "pass",
      evidence: [{ text: expect.stringContaining("120 consecutive samples > 10 % over 1 min 59 s (< 2 min)") }, {}],
    });
    expect(short.result?.decision).not.toBe("rollback");
    const exact = await criteria(configFor({ error_rate: "lg_err_exact" }));
    expect(rule(exact.result, "rollback.error-rate")?.outcome).toBe("fire");
    expect(exact.result?.decision).toBe("rollback");
  });

  it("ignores a spike before the latest release (and sees it when there is no later release)", async () => {
    const config = configFor({ error_rate: "lg_err_spike" });
    const after = await criteria(config);
    expect(after.code).toBe(0);
    expect(rule(after.result, "rollback.error-rate")).toMatchObject({
      outcome: "pass",
      evidence: [{ text: "no error_rate sample > 10 %" }],
    });
    const olderOnly = write("releases-old.json", JSON.stringify([release("v1.0.0", PREVIOUS_RELEASE)]));
    const before = await runCliAsync(
      [
        "criteria",
        ...inputs.slice(0, 4),
        "--releases",
        olderOnly,
        "--config",
        config,
        "--now",
        NOW,
        "--format",
        "json",
      ],
      { env: cleanEnv({ LAUNCHGATE_PROMETHEUS_URL: prometheus.url }) },
    );
    expect(JSON.parse(before.stdout).rules.find((r: { id: string }) => r.id === "rollback.error-rate").outcome).toBe(
      "fire",
    );
  });

  it("a gap in the scrapes reads as held; a series stale since before the release makes the metric unknown", async () => {
    const gap = await criteria(configFor({ error_rate: "lg_err_gap" }, { step: "15s" }));
    expect(rule(gap.result, "rollback.error-rate")).toMatchObject({
      outcome: "pass",
      evidence: [{ text: expect.stringContaining("7 consecutive samples > 10 % over 1 min 30 s (< 2 min)") }, {}],
    });
    const stale = await criteria(configFor({ error_rate: "lg_err_stale" }, { step: "15s" }));
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(
      /^launchgate criteria: metric error_rate is unknown: query `lg_err_stale` returned no data from 2026-11-09T10:00:00.000Z to 2026-11-09T11:00:00.000Z/,
    );
  });

  it("on a PromQL error, several series or NaN: prints the decision, names each unknown metric with Prometheus' text, exits 1", async () => {
    const run = await criteria(
      configFor(
        { error_rate: "sum(rate(lg_err_exact[1m])", crash_rate: "lg_err_by_job", uptime: "lg_err_nan" },
        { step: "15s" },
      ),
    );
    expect(run.code).toBe(1);
    expect(run.result?.decision).not.toBe("rollback");
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^launchgate criteria: metric error_rate is unknown: Prometheus refused the query \(HTTP 400, bad_data: .*parse error.*\) for query `sum\(rate\(lg_err_exact\[1m\]\)`$/,
    );
    expect(lines[1]).toMatch(/metric crash_rate is unknown: query `lg_err_by_job` returns 2 series .*aggregate it/);
    expect(lines[2]).toMatch(/metric uptime is unknown: query `lg_err_nan` returned 1 sample\(s\) that are NaN/);
    expect(rule(run.result, "rollback.error-rate")?.evidence[0]?.text).toMatch(
      /^error_rate is unknown: Prometheus refused/,
    );
    expect(run.result?.readinessParts.find((p) => p.id === "metrics")?.score).toBe(0);
  });

  it("fails with the reason when the server refuses the token or never answers", async () => {
    const proxy = await startAuthProxy(prometheus.url, { authorization: "Bearer s3cret" });
    const hanging = await startHangingServer();
    servers.push(proxy, hanging);
    const config = configFor({ error_rate: "lg_err_exact" }, { timeout: "500ms" });
    const denied = await criteria(config, [], {
      LAUNCHGATE_PROMETHEUS_URL: proxy.url,
      LAUNCHGATE_PROMETHEUS_TOKEN: "wrong",
    });
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/metric error_rate is unknown: HTTP 401 Unauthorized/);
    const allowed = await criteria(config, [], {
      LAUNCHGATE_PROMETHEUS_URL: proxy.url,
      LAUNCHGATE_PROMETHEUS_TOKEN: "s3cret",
    });
    expect(allowed.code).toBe(0);
    expect(allowed.result?.decision).toBe("rollback");
    const hung = await criteria(config, [], { LAUNCHGATE_PROMETHEUS_URL: hanging.url });
    expect(hung.code).toBe(1);
    expect(hung.stderr).toBe(
      `launchgate criteria: metric error_rate is unknown: no answer from ${hanging.url} within 0.5 s (timeout)\n`,
    );
  });
});

describe("launchgate report reading Prometheus", () => {
  async function report(config: string, args: string[] = []) {
    const run = await runCliAsync(
      [
        "report",
        ...inputs,
        "--repo",
        "acme/shop",
        "--config",
        config,
        "--now",
        NOW,
        "--week",
        "2026-W46",
        "--format",
        "json",
        ...args,
      ],
      { env: cleanEnv({ LAUNCHGATE_PROMETHEUS_URL: prometheus.url }) },
    );
    return { ...run, snapshot: run.code === 0 ? parseSnapshot(run.stdout, "stdout") : null };
  }

  it("stores the same figures as from the file, plus what it read, and is never green on unknown data", async () => {
    const queries = {
      ...Object.fromEntries(Object.entries(ROLLBACK).map(([k, v]) => [v, k])),
      active_users: "lg_users",
    };
    const fromPrometheus = await report(configFor(queries));
    const fromFile = await report(configFor({}), [
      "--metrics",
      write("week.csv", metricsCsv({ ...ROLLBACK, lg_users: "active_users" })),
    ]);
    expect(fromPrometheus.stderr).toBe("");
    const strip = (s: typeof fromFile.snapshot) => ({
      status: s?.status,
      release: withoutOrigin(s?.release),
      metrics: s?.metrics.map(({ prometheus: _, ...m }) => m),
    });
    expect(strip(fromPrometheus.snapshot)).toEqual(strip(fromFile.snapshot));
    expect(fromPrometheus.snapshot?.release.decision).toBe("rollback");
    const error = fromPrometheus.snapshot?.metrics.find((m) => m.name === "error_rate");
    expect(error).toMatchObject({ value: 1, status: "ok" });
    expect(error?.prometheus).toMatchObject({
      query: "lg_err_exact",
      from: "2026-11-09T00:00:00.000Z",
      to: "2026-11-09T11:00:00.000Z",
      summary: { count: 3600, min: 1, max: 20, last: { at: "2026-11-09T10:59:59.000Z", value: 1 } },
    });
    // 11 h in 4 min buckets (at most 168); the data starts at 10:00; the breach is in the 10:28 bucket.
    const buckets = error?.prometheus?.series ?? [];
    expect(buckets.map((b) => b.at.slice(11, 16))).toEqual(
      Array.from({ length: 15 }, (_, i) => `10:${String(i * 4).padStart(2, "0")}`),
    );
    expect(buckets.filter((b) => b.max === 20).map((b) => b.at.slice(11, 16))).toEqual(["10:28", "10:32"]);
    expect(fromFile.snapshot?.metrics.find((m) => m.name === "error_rate")?.prometheus).toBeUndefined();

    const broken = await report(configFor({ ...queries, uptime: "lg_err_by_job" }));
    expect(broken.code).toBe(0);
    expect(broken.stderr).toMatch(
      /^launchgate report: metric uptime is unknown: query `lg_err_by_job` returns 2 series/,
    );
    expect(broken.snapshot?.status.overall).not.toBe("green");
    expect(broken.snapshot?.status.reasons).toContainEqual({
      rule: "unknown:uptime",
      level: "yellow",
      message: expect.stringContaining("uptime is unknown: query `lg_err_by_job` returns 2 series"),
    });
    expect(broken.snapshot?.metrics.find((m) => m.name === "uptime")).toMatchObject({ value: null, status: "unknown" });
  });
});

describe("the Action reading Prometheus with a secret", () => {
  let github: FakeGitHub | undefined;
  afterAll(async () => {
    await github?.close();
  });

  async function start(): Promise<FakeGitHub> {
    const world = new World();
    const repo = world.repo("acme/shop");
    const queries = Object.entries(ROLLBACK)
      .map(([series, metric]) => `      ${metric}: ${series}\n`)
      .join("");
    repo.commit("main", {
      author: "rita",
      files: {
        ".github/launchgate.yml": `launch:\n  date: 2026-11-02\nmetrics:\n  prometheus:\n    url: http://prometheus.invalid\n    step: 1s\n    timeout: 2s\n    queries:\n${queries}`,
        "ops/metrics.csv": metricsCsv(ROLLBACK),
        "ops/empty.csv": "metric,at,value\n",
      },
    });
    for (const [tag, at] of [
      ["v1.0.0", PREVIOUS_RELEASE],
      ["v1.1.0", RELEASE],
    ] as const) {
      repo.addRelease({ tag, author: "rita", createdAt: at });
    }
    github = await startFakeGitHub(world);
    return github;
  }

  it("criteria: rolls back on a token from a secret; fails naming the reason when the token is refused", async () => {
    const s = await start();
    const proxy = await startAuthProxy(prometheus.url, { authorization: "Bearer s3cret", tenant: "shop" });
    servers.push(proxy);
    const inputs = { mode: "criteria", "prometheus-url": proxy.url, "prometheus-headers": "X-Scope-OrgID: shop" };
    const env = { LAUNCHGATE_NOW: NOW };
    const ok = await runScheduledAction(s, "acme/shop", { ...inputs, "prometheus-token": "s3cret" }, env);
    expect(ok.stdout).not.toMatch(/::error/);
    expect(ok.code).toBe(0);
    expect(ok.outputs.decision).toBe("rollback");
    expect(ok.outputs.rollback).toBe("true");
    expect(proxy.seen.at(-1)).toMatchObject({ authorization: "Bearer s3cret", tenant: "shop" });

    // The same token through the environment, as `env: LAUNCHGATE_PROMETHEUS_TOKEN: ${{ secrets… }}`.
    const viaEnv = await runScheduledAction(s, "acme/shop", inputs, { ...env, LAUNCHGATE_PROMETHEUS_TOKEN: "s3cret" });
    expect(viaEnv.code).toBe(0);
    expect(viaEnv.outputs.rollback).toBe("true");

    const denied = await runScheduledAction(s, "acme/shop", { ...inputs, "prometheus-token": "wrong" }, env);
    expect(denied.code).not.toBe(0);
    expect(denied.stdout).toContain("::error::launchgate: metric error_rate is unknown: HTTP 401 Unauthorized");
    expect(denied.stdout).toContain("metric crash_rate is unknown: HTTP 401");
    // The token is masked, never printed.
    expect(denied.stdout.split("\n").filter((l) => l.includes("wrong"))).toEqual(["::add-mask::wrong"]);
    // Not knowing is not "no rollback".
    expect(denied.outputs.rollback).toBe("unknown");
    expect(denied.summary).toContain("error_rate is unknown: HTTP 401");
    expect(s.problems).toEqual([]);
  });

  it("criteria: refuses a metric defined both in the metrics input and in the config", async () => {
    const s = await start();
    const run = await runScheduledAction(
      s,
      "acme/shop",
      { mode: "criteria", metrics: "ops/metrics.csv", "prometheus-url": prometheus.url },
      { LAUNCHGATE_NOW: NOW },
    );
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain(
      "::error::launchgate: .github/launchgate.yml: metrics error_rate, crash_rate, uptime defined both in ops/metrics.csv and in metrics.prometheus.queries",
    );
  });

  it("report: stores what it read from Prometheus in the snapshot, the same figures as from the file", async () => {
    const s = await start();
    const env = { LAUNCHGATE_NOW: NOW, LAUNCHGATE_PROMETHEUS_TOKEN: "s3cret" };
    const proxy = await startAuthProxy(prometheus.url, { authorization: "Bearer s3cret" });
    servers.push(proxy);
    const run = await runScheduledAction(
      s,
      "acme/shop",
      { mode: "report", week: "2026-W46", "prometheus-url": proxy.url },
      env,
    );
    expect(run.stdout).not.toMatch(/::(error|warning)/);
    expect(run.code).toBe(0);
    const snapshot = parseSnapshot(readFileSync(run.outputs["snapshot-path"] as string, "utf8"), "snapshot");
    expect(snapshot.release.decision).toBe("rollback");
    expect(snapshot.metrics.find((m) => m.name === "crash_rate")).toMatchObject({
      value: 0.25,
      status: "missed",
      prometheus: { query: "lg_crash", summary: { count: 3600, max: 0.25 } },
    });
    expect(snapshot.status.overall).toBe("red");
    expect(s.problems).toEqual([]);
  });
});
