import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/load.js";
import { InputError } from "../../../src/errors.js";
import { checkDisjoint, mergeMetrics } from "../../../src/metrics/merge.js";
import { parseMetrics } from "../../../src/metrics/parse.js";
import { MAX_POINTS, rangeChunks } from "../../../src/metrics/prometheus/chunks.js";
import { formatDuration, parseDuration } from "../../../src/metrics/prometheus/duration.js";
import { MAX_CHUNKS, readPrometheus } from "../../../src/metrics/prometheus/read.js";
import { readAnswer } from "../../../src/metrics/prometheus/response.js";
import { prometheusSettings } from "../../../src/metrics/prometheus/settings.js";

describe("durations", () => {
  it("reads Prometheus durations and refuses the rest", () => {
    expect(parseDuration("15s")).toBe(15_000);
    expect(parseDuration("1m30s")).toBe(90_000);
    expect(parseDuration("500ms")).toBe(500);
    expect(parseDuration("1h")).toBe(3_600_000);
    for (const bad of ["", "0s", "15", "1.5m", "30s1m", "-1s", "1 m"]) expect(parseDuration(bad)).toBeNull();
    expect(formatDuration(90_000)).toBe("1m30s");
  });
});

describe("range chunks", () => {
  it("covers a window on the step grid in chunks of at most MAX_POINTS instants, each once", () => {
    const step = 1000;
    const from = Date.parse("2026-11-09T00:00:00.300Z");
    const to = from + 25_000 * step;
    const chunks = rangeChunks(from, to, step);
    expect(chunks).toHaveLength(3);
    expect(chunks[0]?.start).toBe(Date.parse("2026-11-09T00:00:01Z"));
    const instants = chunks.flatMap((c) => {
      expect((c.end - c.start) / step + 1).toBeLessThanOrEqual(MAX_POINTS);
      return Array.from({ length: (c.end - c.start) / step + 1 }, (_, i) => c.start + i * step);
    });
    expect(new Set(instants).size).toBe(instants.length);
    expect(instants.length).toBe(25_000);
    expect(instants.at(-1)).toBe(Math.floor(to / step) * step);
  });

  it("has no chunk when no instant of the grid lies in the window", () => {
    expect(rangeChunks(1_500, 1_900, 1000)).toEqual([]);
    expect(rangeChunks(2_000, 2_000, 1000)).toEqual([{ start: 2000, end: 2000 }]);
  });
});

describe("Prometheus answers", () => {
  const matrix = (result: unknown) => JSON.stringify({ status: "success", data: { resultType: "matrix", result } });

  it("reads a matrix, NaN and ±Inf included, with labels named", () => {
    const answer = readAnswer(
      200,
      matrix([
        {
          metric: { __name__: "up", job: "api" },
          values: [
            [1.5, "1"],
            [2, "NaN"],
            [3, "+Inf"],
          ],
        },
      ]),
    );
    expect(answer).toEqual({
      ok: true,
      warnings: [],
      series: [
        {
          labels: 'up{job="api"}',
          points: [
            { time: 1500, value: 1 },
            { time: 2000, value: Number.NaN },
            { time: 3000, value: Number.POSITIVE_INFINITY },
          ],
        },
      ],
    });
  });

  it("keeps Prometheus' error text, and says what an HTTP failure means", () => {
    const body = JSON.stringify({ status: "error", errorType: "bad_data", error: '1:5: parse error: unexpected "}"' });
    expect(readAnswer(400, body)).toEqual({
      ok: false,
      reason: 'Prometheus refused the query (HTTP 400, bad_data: 1:5: parse error: unexpected "}")',
    });
    expect(readAnswer(503, "<html>upstream down</html>")).toEqual({
      ok: false,
      reason: "HTTP 503: <html>upstream down</html>",
    });
    expect(readAnswer(403, "")).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^HTTP 403 Forbidden: check/),
    });
    expect(readAnswer(302, "")).toMatchObject({ ok: false, reason: expect.stringContaining("redirect (not followed") });
    expect(readAnswer(200, "<html>login</html>")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("not a Prometheus API answer"),
    });
  });

  it("refuses a malformed sample rather than guessing", () => {
    expect(readAnswer(200, matrix([{ metric: {}, values: [[1, "twelve"]] }]))).toMatchObject({ ok: false });
    expect(readAnswer(200, matrix([{ metric: {}, values: [["1", "2"]] }]))).toMatchObject({ ok: false });
    expect(
      readAnswer(200, JSON.stringify({ status: "success", data: { resultType: "string", result: [1, "x"] } })),
    ).toMatchObject({ ok: false });
  });
});

describe("connection settings", () => {
  const config = (prometheus: string) => parseConfig(`metrics:\n  prometheus:\n${prometheus}`, "lg.yml").metrics;
  const queries = "    queries:\n      error_rate: 'sum(x)'\n";

  it("takes the URL from LAUNCHGATE_PROMETHEUS_URL over the config, and credentials only from the environment", () => {
    const settings = prometheusSettings(
      config(`    url: https://a.example/\n    headers: { X-Scope-OrgID: t1 }\n${queries}`),
      { LAUNCHGATE_PROMETHEUS_URL: "https://b.example/prom/", LAUNCHGATE_PROMETHEUS_TOKEN: "tok" },
      "lg.yml",
    );
    expect(settings?.url).toBe("https://b.example/prom");
    expect(settings?.headers).toEqual({ "X-Scope-OrgID": "t1", Authorization: "Bearer tok" });
    expect(settings?.stepMs).toBe(15_000);
    expect(settings?.timeoutMs).toBe(30_000);
    expect(prometheusSettings(config(`    url: https://a.example\n    queries: {}\n`), {}, "lg.yml")).toBeNull();
  });

  it("refuses credentials in the config file, a missing URL and two kinds of auth at once", () => {
    const fails = (text: string, env: Record<string, string>, message: RegExp) => {
      expect(() => prometheusSettings(config(text), env, "lg.yml")).toThrow(message);
    };
    fails(`    url: https://u:p@a.example\n${queries}`, {}, /URL holds credentials/);
    fails(
      `    url: https://a.example\n    headers: { Authorization: Bearer x }\n${queries}`,
      {},
      /credentials never go in the config file/,
    );
    fails(queries, {}, /has queries but no url/);
    fails(`    url: https://a.example/prometheus/api/v1\n${queries}`, {}, /ends in \/api\/v1/);
    fails(
      `    url: https://a.example\n${queries}`,
      { LAUNCHGATE_PROMETHEUS_TOKEN: "t", LAUNCHGATE_PROMETHEUS_USERNAME: "u" },
      /both a bearer token and basic auth/,
    );
    fails(`    url: https://a.example\n${queries}`, { LAUNCHGATE_PROMETHEUS_USERNAME: "u" }, /basic auth needs/);
    fails(
      `    url: https://a.example\n${queries}`,
      { LAUNCHGATE_PROMETHEUS_HEADERS: "no colon here" },
      /line 1 is not "Name: value"/,
    );
  });

  it("checks the config's keys and values with line numbers", () => {
    expect(() => config(`    url: ftp://a.example\n${queries}`)).toThrow(InputError);
    const error = (() => {
      try {
        config(`    url: https://a.example\n    step: 15\n${queries}`);
      } catch (e) {
        return e as InputError;
      }
    })();
    expect(error?.format()).toBe(
      'lg.yml:4:11: "metrics.prometheus.step": Invalid input: expected string, received number',
    );
    expect(() => config(`    url: https://a.example\n    step: fast\n${queries}`)).toThrow(/duration like 15s/);
    expect(() =>
      config(`    url: https://a.example\n    queries:\n      error_rate: { query: 'x', unit: '%', extra: 1 }\n`),
    ).toThrow(InputError);
    expect(
      config(`    url: https://a.example\n    queries:\n      users: { query: 'max(u)', unit: count }\n`).prometheus
        ?.queries.users,
    ).toEqual({ query: "max(u)", unit: "count" });
    const unit = (() => {
      try {
        config(`    url: https://a.example\n    queries:\n      error_rate: { query: 'x', unit: ms }\n`);
      } catch (e) {
        return (e as InputError).format();
      }
    })();
    expect(unit).toMatch(/^lg\.yml:5:\d+: .*error_rate is a percentage: unit is "%" \(0–100\) or "ratio"/);
  });
});

describe("file and Prometheus together", () => {
  const file = parseMetrics("metric,at,value\nuptime,2026-11-09T10:00:00Z,99.9\n", "metrics.csv");

  it("merges the sources per metric name", () => {
    const merged = mergeMetrics(file, {
      series: { error_rate: { name: "error_rate", unit: null, target: null, samples: [], query: "x" } },
      unknown: { crash_rate: "HTTP 500" },
      requests: 1,
    });
    expect(Object.keys(merged?.metrics ?? {}).sort()).toEqual(["error_rate", "uptime"]);
    expect(merged?.unknown).toEqual({ crash_rate: "HTTP 500" });
    expect(merged?.file).toBe("metrics.csv");
  });

  it("refuses a metric defined in both, naming it", () => {
    expect(() => checkDisjoint(file, ["error_rate", "uptime"], ".github/launchgate.yml")).toThrow(
      "metric uptime defined both in metrics.csv and in metrics.prometheus.queries",
    );
    expect(() => checkDisjoint(file, ["error_rate"], ".github/launchgate.yml")).not.toThrow();
  });
});

describe("the config template init writes", () => {
  it("carries a commented metrics.prometheus example that is valid once uncommented", async () => {
    const { readFile } = await import("node:fs/promises");
    const text = await readFile(new URL("../../../templates/launchgate.yml", import.meta.url), "utf8");
    const start = text.indexOf("# metrics:\n");
    expect(start).toBeGreaterThan(0);
    // Uncomment the block; lines still commented inside it (optional keys) stay out.
    const uncommented = text
      .slice(start)
      .split("\n")
      .map((line) => line.replace(/^# /, ""))
      .filter((line) => !line.trimStart().startsWith("#"))
      .join("\n");
    const config = parseConfig(uncommented, "templates/launchgate.yml");
    expect(Object.keys(config.metrics.prometheus?.queries ?? {})).toEqual(["error_rate", "uptime", "active_users"]);
    expect(config.metrics.prometheus?.url).toBe("https://prometheus.example.com");
  });
});

describe("reading through a transport", () => {
  const settings = (queries: Record<string, string>) =>
    prometheusSettings(
      parseConfig(
        `metrics:\n  prometheus:\n    url: https://p.example\n    step: 1m\n    queries:\n${Object.entries(queries)
          .map(([k, v]) => `      ${k}: '${v}'\n`)
          .join("")}`,
        "lg.yml",
      ).metrics,
      {},
      "lg.yml",
    ) as NonNullable<ReturnType<typeof prometheusSettings>>;
  const body = (values: [number, string][], warnings?: string[]) =>
    JSON.stringify({
      status: "success",
      ...(warnings ? { warnings } : {}),
      data: { resultType: "matrix", result: [{ metric: {}, values }] },
    });

  it("asks for each chunk on the step grid, Thanos' partial responses refused", async () => {
    const asked: Record<string, string>[] = [];
    const read = await readPrometheus(
      settings({ error_rate: "sum(x)" }),
      { from: 0, to: 20_000 * 60_000 },
      async (path, params) => {
        expect(path).toBe("/api/v1/query_range");
        asked.push(params);
        return { status: 200, body: body([[Number(params.start), "1"]]) };
      },
    );
    expect(asked.map((p) => [p.start, p.end, p.step, p.partial_response])).toEqual([
      ["0", "599940", "60", "false"],
      ["600000", "1199940", "60", "false"],
      ["1200000", "1200000", "60", "false"],
    ]);
    expect(read.requests).toBe(3);
    expect(read.series.error_rate?.samples.map((s) => s.time)).toEqual([0, 600_000_000, 1_200_000_000]);
  });

  it("makes a metric unknown when the server warns its answer may be incomplete", async () => {
    const read = await readPrometheus(settings({ error_rate: "sum(x)" }), { from: 0, to: 60_000 }, async () => ({
      status: 200,
      body: body([[0, "1"]], ["partial response: store 10.0.0.3 unavailable"]),
    }));
    expect(read.unknown.error_rate).toBe(
      "query `sum(x)`: the server warned the answer may be incomplete (partial response: store 10.0.0.3 unavailable)",
    );
  });

  it("refuses a window that would take too many requests", async () => {
    const read = await readPrometheus(
      settings({ error_rate: "sum(x)" }),
      { from: 0, to: (MAX_CHUNKS + 1) * MAX_POINTS * 60_000 },
      async () => {
        throw new Error("no request expected");
      },
    );
    expect(read.unknown.error_rate).toMatch(/requests per query \(at most 1000\): raise metrics\.prometheus\.step$/);
    expect(read.requests).toBe(0);
  });
});
