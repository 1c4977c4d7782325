import { describe, expect, it } from "vitest";
import { companyNetwork, COMPANY_HOST as HOST, HOSTS_ENTRY } from "../support/company-network.js";
import { World } from "../support/fake-github/model.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/server.js";
import { type ActionRun, runScheduledAction } from "../support/run-action.js";

// The built Action (`npm run build`, a real process) on a self-hosted runner in a company network:
// GitHub Enterprise Server at https://github.corp.test (REST under /api/v3, GraphQL at
// /api/graphql, a network.certificate from the company's CA), reached through HTTPS_PROXY unless NO_PROXY
// names it. The runner cannot resolve github.corp.test itself; only the proxy can (or, for the
// NO_PROXY case, a hosts entry).
const network = companyNetwork();

async function enterprise(): Promise<FakeGitHub> {
  const world = new World("2026-11-02T09:00:00Z");
  const repo = world.repo("acme/shop");
  repo.commit("main", { author: "rita", files: { "README.md": "shop\n" } });
  repo.addIssue({
    number: 1,
    title: "Checkout crashes",
    user: "alice",
    labels: ["P0"],
    createdAt: "2026-11-02T10:00:00Z",
  });
  return startFakeGitHub(world, { enterprise: true, tls: { hostname: HOST, ...network.certificate } });
}

/** A triage sweep: GraphQL reads, REST reads and label writes. */
function sweep(server: FakeGitHub, env: Record<string, string>): Promise<ActionRun> {
  return runScheduledAction(
    server,
    "acme/shop",
    { mode: "triage" },
    {
      GITHUB_SERVER_URL: server.serverUrl,
      NODE_EXTRA_CA_CERTS: network.certificate.certFile,
      LAUNCHGATE_NOW: "2026-11-02T12:00:00Z",
      ...env,
    },
  );
}

function expectSwept(server: FakeGitHub, run: ActionRun): void {
  expect(run.stdout).not.toMatch(/::error/);
  expect(run.code).toBe(0);
  // Every request went to /api/v3 or /api/graphql (anything else is a 404 and a problem).
  expect(server.problems).toEqual([]);
  expect(server.log.some((r) => r.graphql)).toBe(true);
  expect(server.world.repo("acme/shop").issues.get(1)?.labels).toContain("sla:breached");
  // Links go to the Enterprise Server's web host.
  expect(run.summary).toContain(`[#1](https://${server.serverUrl.slice("https://".length)}/acme/shop/issues/1)`);
  expect(run.summary).not.toContain("github.com");
}

describe("Action on an Enterprise Server behind a proxy", () => {
  it("sends every request, reads and writes, through HTTPS_PROXY", async () => {
    const server = await enterprise();
    try {
      network.proxy.connects.length = 0;
      // NO_PROXY names a sibling host only: github.corp.test still goes through the proxy.
      const run = await sweep(server, { HTTPS_PROXY: network.proxy.url, NO_PROXY: `git.${HOST},localhost` });
      expectSwept(server, run);
      const port = new URL(server.url).port;
      expect(network.proxy.connects.length).toBeGreaterThan(0);
      expect(new Set(network.proxy.connects)).toEqual(new Set([`${HOST}:${port}`]));
      expect(server.log.some((r) => r.write)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it("goes direct to a host NO_PROXY names", async () => {
    const server = await enterprise();
    try {
      network.proxy.connects.length = 0;
      const run = await sweep(server, {
        HTTPS_PROXY: network.proxy.url,
        NO_PROXY: `.corp.test`,
        NODE_OPTIONS: `--import=${HOSTS_ENTRY}`,
      });
      expectSwept(server, run);
      expect(network.proxy.connects).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("cannot reach the server without the proxy (the runner has no route of its own)", async () => {
    const server = await enterprise();
    try {
      const run = await sweep(server, {});
      expect(run.code).not.toBe(0);
      expect(run.stdout).toMatch(/::error::.*(ENOTFOUND|fetch failed|getaddrinfo)/);
      expect(server.log).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
