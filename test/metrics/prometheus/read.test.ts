import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/load.js";
import { parseMetrics } from "../../../src/metrics/parse.js";
import { readConfiguredPrometheus } from "../../../src/metrics/prometheus/source.js";
import {
  buildTsdb,
  type LocalServer,
  makeCertificates,
  type RunningPrometheus,
  startAuthProxy,
  startHangingServer,
  startPrometheus,
} from "../../support/prometheus.js";
import { startTestProxy } from "../../support/proxy.js";
import { metricsCsv, NOW, openMetrics, prometheusConfig, RELEASE } from "./fixture.js";

// The Prometheus source module against a real Prometheus serving the fixture series.
let prometheus: RunningPrometheus;
const servers: LocalServer[] = [];
const window = { from: Date.parse(RELEASE), to: Date.parse(NOW) };

beforeAll(async () => {
  prometheus = await startPrometheus(buildTsdb(openMetrics()));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await prometheus?.stop();
});

function read(
  queries: Record<string, string | { query: string; unit?: string }>,
  options: { url?: string; step?: string; timeout?: string; env?: Record<string, string> } = {},
  range = window,
) {
  const config = parseConfig(
    prometheusConfig({ url: options.url ?? prometheus.url, queries, step: options.step, timeout: options.timeout }),
    "launchgate.yml",
  );
  return readConfiguredPrometheus(config.metrics, options.env ?? {}, "launchgate.yml", range);
}

describe("reading the fixture from a real Prometheus", () => {
  it("reads the same samples as the file holds, at a 1 s step", async () => {
    const result = await read({ error_rate: "lg_err_exact" });
    const file = parseMetrics(metricsCsv({ lg_err_exact: "error_rate" }), "m.csv");
    const fromFile = file.metrics.error_rate?.samples.filter((s) => s.time >= window.from && s.time <= window.to);
    expect(result?.unknown).toEqual({});
    expect(result?.series.error_rate?.samples.map((s) => [s.at, s.value])).toEqual(
      fromFile?.map((s) => [s.at, s.value]),
    );
    expect(result?.series.error_rate?.query).toBe("lg_err_exact");
  });

  it("reads a window of more than 11,000 points in chunks, none twice, none missing", async () => {
    const from = Date.parse("2026-11-09T07:00:00Z");
    const result = await read({ error_rate: "lg_err_exact" }, {}, { from, to: window.to });
    // 4 h at 1 s: 14,401 instants, two requests; the series starts at 10:00:00.
    expect(result?.requests).toBe(2);
    const samples = result?.series.error_rate?.samples ?? [];
    expect(samples).toHaveLength(3601);
    expect(new Set(samples.map((s) => s.time)).size).toBe(3601);
    expect(samples[0]?.at).toBe("2026-11-09T10:00:00.000Z");
    expect(samples.at(-1)?.at).toBe("2026-11-09T11:00:00.000Z");
  });

  it("reads a 0–1 ratio as percent with unit: ratio, and refuses a percent metric outside 0–100", async () => {
    const result = await read({ crash_rate: { query: "lg_crash / 100", unit: "ratio" }, uptime: "lg_users" });
    const direct = await read({ crash_rate: "lg_crash" });
    expect(result?.series.crash_rate?.samples).toEqual(direct?.series.crash_rate?.samples);
    expect(result?.series.crash_rate?.unit).toBe("%");
    expect(result?.unknown.uptime).toBe(
      "query `lg_users` returned 1000 at 2026-11-09T10:00:00.000Z, outside 0–100: uptime is a percentage",
    );
  });

  it("keeps Prometheus' own text for a PromQL syntax error", async () => {
    const result = await read({ error_rate: "sum(rate(lg_err_exact[1m])" });
    expect(result?.unknown.error_rate).toMatch(/Prometheus refused the query \(HTTP 400, bad_data: .*parse error/);
    expect(result?.unknown.error_rate).toContain("sum(rate(lg_err_exact[1m])");
    expect(result?.series.error_rate).toBeUndefined();
  });

  it("names the query that returns several series and asks to aggregate it", async () => {
    const result = await read({ error_rate: "lg_err_by_job" }, { step: "15s" });
    expect(result?.unknown.error_rate).toMatch(
      /`lg_err_by_job` returns 2 series \(lg_err_by_job\{job="api"\}, lg_err_by_job\{job="web"\}\): aggregate it/,
    );
    const aggregated = await read({ error_rate: "max(lg_err_by_job)" }, { step: "15s" });
    expect(aggregated?.unknown).toEqual({});
    expect(aggregated?.series.error_rate?.samples.every((s) => s.value === 2)).toBe(true);
  });

  it("makes a metric unknown on NaN samples, an empty result and a series stale since before the window", async () => {
    const result = await read(
      { error_rate: "lg_err_nan", crash_rate: "lg_does_not_exist", uptime: "lg_err_stale" },
      { step: "15s" },
    );
    expect(result?.unknown.error_rate).toMatch(
      /1 sample\(s\) that are NaN or ±Inf \(first at 2026-11-09T10:30:00.000Z/,
    );
    expect(result?.unknown.crash_rate).toMatch(/`lg_does_not_exist` returned no data from 2026-11-09T10:00:00.000Z/);
    expect(result?.unknown.uptime).toMatch(/`lg_err_stale` returned no data/);
    expect(Object.keys(result?.series ?? {})).toEqual([]);
  });

  it("reads a series that stopped only as far as Prometheus still answers it (5 min lookback), and a gap as held", async () => {
    const result = await read({ crash_rate: "lg_crash_stopped", error_rate: "lg_err_gap" }, { step: "15s" });
    const stopped = result?.series.crash_rate?.samples ?? [];
    expect(stopped[0]?.at).toBe("2026-11-09T10:00:00.000Z");
    expect(stopped.at(-1)?.at).toBe("2026-11-09T10:15:00.000Z");
    const gap = result?.series.error_rate?.samples ?? [];
    // The two missed scrapes read as the last value before them (Prometheus' lookback).
    expect(gap.find((s) => s.at === "2026-11-09T10:20:30.000Z")?.value).toBe(20);
    expect(gap.find((s) => s.at === "2026-11-09T10:20:45.000Z")?.value).toBe(20);
  });

  it("makes every metric unknown when the server cannot be reached, hangs, or refuses the credentials", async () => {
    const hanging = await startHangingServer();
    servers.push(hanging);
    const hung = await read({ error_rate: "lg_err_exact" }, { url: hanging.url, timeout: "500ms" });
    expect(hung?.unknown.error_rate).toBe(`no answer from ${hanging.url} within 0.5 s (timeout)`);

    const refused = await read({ error_rate: "lg_err_exact" }, { url: "http://127.0.0.1:1" });
    expect(refused?.unknown.error_rate).toMatch(/^cannot reach http:\/\/127\.0\.0\.1:1 \(ECONNREFUSED/);

    const proxy = await startAuthProxy(prometheus.url, { authorization: "Bearer s3cret", tenant: "team-a" });
    servers.push(proxy);
    const wrong = await read(
      { error_rate: "lg_err_exact" },
      { url: proxy.url, env: { LAUNCHGATE_PROMETHEUS_TOKEN: "nope" } },
    );
    expect(wrong?.unknown.error_rate).toMatch(
      /^HTTP 401 Unauthorized: authentication required: check LAUNCHGATE_PROMETHEUS_TOKEN/,
    );
  });

  it("sends the bearer token and a tenant header, or basic auth, from the environment", async () => {
    const proxy = await startAuthProxy(prometheus.url, { authorization: "Bearer s3cret", tenant: "team-a" });
    servers.push(proxy);
    const env = { LAUNCHGATE_PROMETHEUS_TOKEN: "s3cret", LAUNCHGATE_PROMETHEUS_HEADERS: "X-Scope-OrgID: team-a" };
    const ok = await read({ error_rate: "lg_err_exact" }, { url: proxy.url, env });
    expect(ok?.unknown).toEqual({});
    expect(ok?.series.error_rate?.samples).toHaveLength(3601);
    const noTenant = await read(
      { error_rate: "lg_err_exact" },
      { url: proxy.url, env: { LAUNCHGATE_PROMETHEUS_TOKEN: "s3cret" } },
    );
    expect(noTenant?.unknown.error_rate).toMatch(/^HTTP 401/);

    const basic = await startAuthProxy(prometheus.url, {
      authorization: `Basic ${Buffer.from("ci:pa ss").toString("base64")}`,
    });
    servers.push(basic);
    const viaBasic = await read(
      { error_rate: "lg_err_exact" },
      { url: basic.url, env: { LAUNCHGATE_PROMETHEUS_USERNAME: "ci", LAUNCHGATE_PROMETHEUS_PASSWORD: "pa ss" } },
    );
    expect(viaBasic?.unknown).toEqual({});
  });

  it("trusts a server certificate only through the CA given in LAUNCHGATE_PROMETHEUS_CA", async () => {
    const certs = makeCertificates();
    try {
      const proxy = await startAuthProxy(prometheus.url, { authorization: "Bearer s3cret" }, certs);
      servers.push(proxy);
      const untrusted = await read(
        { error_rate: "lg_err_exact" },
        { url: proxy.url, env: { LAUNCHGATE_PROMETHEUS_TOKEN: "s3cret" } },
      );
      expect(untrusted?.unknown.error_rate).toMatch(/cannot reach .*TLS: trust its CA with LAUNCHGATE_PROMETHEUS_CA/);
      for (const ca of [certs.caFile, certs.ca]) {
        const trusted = await read(
          { error_rate: "lg_err_exact" },
          { url: proxy.url, env: { LAUNCHGATE_PROMETHEUS_TOKEN: "s3cret", LAUNCHGATE_PROMETHEUS_CA: ca } },
        );
        expect(trusted?.unknown).toEqual({});
        expect(trusted?.series.error_rate?.samples).toHaveLength(3601);
      }
    } finally {
      rmSync(certs.dir, { recursive: true, force: true });
    }
  });

  it("goes through HTTPS_PROXY as GitHub's requests do, and straight to a NO_PROXY host", async () => {
    // Only the proxy resolves prometheus.corp.test: a request that skipped it cannot connect.
    const certs = makeCertificates("prometheus.corp.test");
    const proxy = await startTestProxy();
    try {
      const server = await startAuthProxy(prometheus.url, { authorization: "Bearer s3cret" }, certs);
      servers.push(server);
      const url = `https://prometheus.corp.test:${new URL(server.url).port}`;
      const base = { LAUNCHGATE_PROMETHEUS_TOKEN: "s3cret", LAUNCHGATE_PROMETHEUS_CA: certs.ca };
      const viaProxy = await read({ error_rate: "lg_err_exact" }, { url, env: { ...base, HTTPS_PROXY: proxy.url } });
      expect(viaProxy?.unknown).toEqual({});
      expect(viaProxy?.series.error_rate?.samples).toHaveLength(3601);
      expect(proxy.connects).toEqual([`prometheus.corp.test:${new URL(server.url).port}`]);

      const bypassed = await read(
        { error_rate: "lg_err_exact" },
        { url, env: { ...base, HTTPS_PROXY: proxy.url, NO_PROXY: ".corp.test" } },
      );
      expect(bypassed?.unknown.error_rate).toMatch(
        /cannot reach https:\/\/prometheus\.corp\.test.*(ENOTFOUND|EAI_AGAIN)/,
      );
      const direct = await read({ error_rate: "lg_err_exact" }, { url, env: base });
      expect(direct?.unknown.error_rate).toMatch(/cannot reach .*(ENOTFOUND|EAI_AGAIN)/);
      expect(proxy.connects).toHaveLength(1);

      // A server on loopback (an auth or SigV4 proxy run in the job) is reached direct.
      const local = await read(
        { error_rate: "lg_err_exact" },
        { url: server.url, env: { ...base, HTTPS_PROXY: proxy.url } },
      );
      expect(local?.unknown).toEqual({});
      expect(proxy.connects).toHaveLength(1);
    } finally {
      await proxy.close();
      rmSync(certs.dir, { recursive: true, force: true });
    }
  });
});
