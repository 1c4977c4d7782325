import { describe, expect, it } from "vitest";
import { companyNetwork, COMPANY_HOST as HOST, HOSTS_ENTRY } from "../support/company-network.js";
import { World } from "../support/fake-github/model.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/server.js";
import { type CliRun, cleanEnv, runCliAsync } from "../support/run-cli.js";

// The built live CLI (`node dist/cli.js`, a real process) on a laptop in a company network: GitHub
// (an Enterprise Server at github.corp.test, over HTTPS with the company's CA, or plain HTTP) is
// reached through HTTPS_PROXY / HTTP_PROXY unless NO_PROXY names it. The CLI's process cannot
// resolve github.corp.test itself; only the proxy can (or, for the NO_PROXY case, a hosts entry),
// so a request that went around the proxy fails instead of passing unseen.
const NOW = "2026-11-02T12:00:00Z";
const TOKEN = "laptop-token";

const network = companyNetwork();

/** An Enterprise Server with one P0 nobody answered: triage exits 1 with it breached. */
async function enterprise(tls: boolean): Promise<FakeGitHub> {
  const world = new World("2026-11-02T08:00:00Z");
  world.tokens.set(TOKEN, { login: "rita", write: false });
  const repo = world.repo("acme/shop");
  repo.commit("main", { author: "rita", files: { "README.md": "shop\n" } });
  repo.addIssue({
    number: 1,
    title: "Checkout crashes",
    user: "alice",
    labels: ["P0"],
    createdAt: "2026-11-02T08:30:00Z",
  });
  return startFakeGitHub(world, {
    enterprise: true,
    ...(tls ? { tls: { hostname: HOST, key: network.certificate.key, cert: network.certificate.cert } } : {}),
  });
}

/** The server's API URL under its company host name (the fake listens on 127.0.0.1). */
const apiUrl = (server: FakeGitHub) => server.url.replace("127.0.0.1", HOST);

/** `launchgate <command> --repo acme/shop --api-url …` with only PATH, the token and `env`. */
function live(command: string, server: FakeGitHub, env: Record<string, string>): Promise<CliRun> {
  return runCliAsync([command, "--repo", "acme/shop", "--api-url", apiUrl(server), "--now", NOW, "--format", "json"], {
    env: cleanEnv({ GH_TOKEN: TOKEN, NODE_EXTRA_CA_CERTS: network.certificate.certFile, ...env }),
  });
}

function expectTriaged(server: FakeGitHub, run: CliRun): void {
  expect(run.stderr).not.toMatch(/error/i);
  expect(run.code).toBe(1); // the P0 is past its SLA
  const result = JSON.parse(run.stdout) as { issues: { number: number }[] };
  expect(result.issues.map((i) => i.number)).toContain(1);
  // Every request was one the server answered on /api/v3 or /api/graphql.
  expect(server.problems).toEqual([]);
  expect(server.log.some((r) => r.graphql)).toBe(true);
}

describe("live CLI behind a proxy", () => {
  it("sends every request through HTTPS_PROXY (a CONNECT tunnel to the server)", async () => {
    const server = await enterprise(true);
    try {
      network.proxy.connects.length = 0;
      // NO_PROXY names a sibling host only: github.corp.test still goes through the proxy.
      const run = await live("triage", server, { HTTPS_PROXY: network.proxy.url, NO_PROXY: `git.${HOST},localhost` });
      expectTriaged(server, run);
      expect(network.proxy.connects.length).toBeGreaterThan(0);
      expect(new Set(network.proxy.connects)).toEqual(new Set([`${HOST}:${new URL(server.url).port}`]));
    } finally {
      await server.close();
    }
  });

  it("the report reads (GraphQL and REST) go through the lower-case https_proxy too", async () => {
    const server = await enterprise(true);
    try {
      network.proxy.connects.length = 0;
      const run = await live("report", server, { https_proxy: network.proxy.url });
      expect(run.stderr).not.toMatch(/error/i);
      expect(run.code).toBe(0);
      expect(server.problems).toEqual([]);
      expect(server.log.some((r) => r.graphql)).toBe(true);
      expect(server.log.some((r) => !r.graphql)).toBe(true);
      expect(new Set(network.proxy.connects)).toEqual(new Set([`${HOST}:${new URL(server.url).port}`]));
    } finally {
      await server.close();
    }
  });

  it("sends an http:// server's requests through HTTP_PROXY", async () => {
    const server = await enterprise(false);
    try {
      network.proxy.connects.length = 0;
      const run = await live("triage", server, { HTTP_PROXY: network.proxy.url });
      expectTriaged(server, run);
      // Node's fetch tunnels plain HTTP too (the test proxy refuses a forwarded request).
      expect(network.proxy.connects.length).toBeGreaterThan(0);
      expect(new Set(network.proxy.connects)).toEqual(new Set([`${HOST}:${new URL(server.url).port}`]));
    } finally {
      await server.close();
    }
  });

  it("goes direct to a host NO_PROXY names", async () => {
    const server = await enterprise(true);
    try {
      network.proxy.connects.length = 0;
      const run = await live("triage", server, {
        HTTPS_PROXY: network.proxy.url,
        HTTP_PROXY: network.proxy.url,
        NO_PROXY: ".corp.test",
        NODE_OPTIONS: `--import=${HOSTS_ENTRY}`,
      });
      expectTriaged(server, run);
      expect(network.proxy.connects).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("cannot reach the server without the proxy (the laptop has no route of its own)", async () => {
    const server = await enterprise(true);
    try {
      const run = await live("triage", server, {});
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(/ENOTFOUND|fetch failed|getaddrinfo/);
      expect(server.log).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
