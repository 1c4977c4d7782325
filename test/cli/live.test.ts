import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportRepo, type RepoExport } from "../support/export-repo.js";
import { World } from "../support/fake-github/model.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/server.js";
import { cleanEnv, runCli, runCliAsync } from "../support/run-cli.js";

// The built CLI (`npm run build`) reading a repository live with --repo, against the fake GitHub,
// compared with the same command on the repository's exports (`gh api --paginate`): the live
// source must give the very same answer.
const NOW = "2026-11-02T12:00:00Z";
const TOKEN = "laptop-token";

function shop(world: World): void {
  world.tokens.set(TOKEN, { login: "rita", write: false });
  const repo = world.repo("acme/shop");
  repo.stars = 455;
  repo.collaborators.set("maintainer", "write");
  repo.commit("main", { author: "rita", files: { "README.md": "shop\n" }, date: "2026-10-20T09:00:00Z" });
  repo.commit("fix/search", { from: "main", author: "maintainer", files: { "search.ts": "fast\n" } });
  repo.addRelease({ tag: "v1.0.0", author: "rita", createdAt: "2026-10-30T09:00:00Z" });
  repo.addIssue({
    number: 1,
    title: "Checkout crashes",
    user: "alice",
    labels: ["P0"],
    createdAt: "2026-11-02T08:30:00Z",
  });
  repo.addIssue({ number: 2, title: "Search is slow", user: "bob", labels: ["P1"], createdAt: "2026-11-02T09:00:00Z" });
  world.user("maintainer");
  repo.comments.push({
    id: world.nextId(),
    issue: 2,
    user: "maintainer",
    body: "Looking into it",
    createdAt: "2026-11-02T09:20:00Z",
    updatedAt: "2026-11-02T09:20:00Z",
  });
  repo.addIssue({ number: 3, title: "Typo on the About page", user: "carol", createdAt: "2026-11-02T10:00:00Z" });
  repo.addPull({
    number: 4,
    title: "Fix slow search",
    body: "Fixes #2",
    user: "maintainer",
    base: "main",
    head: "fix/search",
    closes: [2],
    createdAt: "2026-11-02T10:30:00Z",
  });
}

let dir: string;
let server: FakeGitHub;
let files: RepoExport;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "launchgate-live-"));
  const world = new World("2026-11-02T08:00:00Z");
  shop(world);
  server = await startFakeGitHub(world);
  files = await exportRepo(server, "acme/shop", dir);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) => cleanEnv({ GH_TOKEN: TOKEN, ...extra });
const live = (command: string, ...args: string[]) =>
  runCliAsync([command, "--repo", "acme/shop", "--api-url", server.url, "--now", NOW, "--format", "json", ...args], {
    env: env(),
  });

describe("live CLI: --repo reads GitHub like the exports say", () => {
  it("triage: the same result as from the exported issues, comments and events", async () => {
    const offline = runCli(
      [
        "triage",
        "--issues",
        files.issues,
        "--comments",
        files.comments,
        "--events",
        files.events,
        "--now",
        NOW,
        "--format",
        "json",
      ],
      { env: env() },
    );
    const read = await live("triage");
    expect(read.stderr).not.toMatch(/error/i);
    expect(offline.code).toBe(1); // the P0 has no response within its SLA
    expect(read.code).toBe(offline.code);
    expect(JSON.parse(read.stdout)).toEqual(JSON.parse(offline.stdout));
    expect(server.problems).toEqual([]);
  });

  it("criteria: the same decision and evidence as from the exports", async () => {
    const offline = runCli(
      [
        "criteria",
        ...["--issues", files.issues, "--pulls", files.pulls, "--releases", files.releases],
        ...["--comments", files.comments, "--events", files.events, "--now", NOW, "--format", "json"],
      ],
      { env: env() },
    );
    const read = await live("criteria");
    expect(offline.code).toBe(0);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout)).toEqual(JSON.parse(offline.stdout));
  });

  it("report: the same snapshot as from the exports", async () => {
    const offline = runCli(
      [
        "report",
        ...["--issues", files.issues, "--pulls", files.pulls, "--releases", files.releases],
        ...["--comments", files.comments, "--events", files.events, "--stars", "455"],
        ...["--now", NOW, "--format", "json"],
      ],
      { env: env() },
    );
    const read = await live("report");
    expect(offline.code).toBe(0);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout)).toEqual(JSON.parse(offline.stdout));
  });

  it("shows progress on stderr (plain lines without a terminal) and keeps stdout the output", async () => {
    const read = await live("triage");
    const lines = read.stderr.trim().split("\n");
    expect(lines[0]).toBe(`launchgate: reading acme/shop from ${server.url}…`);
    expect(lines.at(-1)).toMatch(/^launchgate: read acme\/shop in \d+ requests, \d+\.\d s$/);
    expect(read.stderr).not.toContain("\r");
    expect(() => JSON.parse(read.stdout)).not.toThrow();
  });

  it("needs a token for --repo, and --api-url only with --repo", async () => {
    const noToken = await runCliAsync(["triage", "--repo", "acme/shop", "--api-url", server.url], {
      env: cleanEnv(),
    });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(
      /^launchgate triage: --repo reads GitHub live and needs a token — set GH_TOKEN or GITHUB_TOKEN/,
    );
    const before = server.log.length;
    const apiOnly = runCli(
      ["triage", "--api-url", server.url, "--issues", files.issues, "--comments", files.comments],
      {
        env: env(),
      },
    );
    expect(apiOnly.code).toBe(2);
    expect(apiOnly.stderr).toMatch(/--api-url only goes with --repo/);
    expect(server.log.length).toBe(before);
  });

  it("with export files stays offline (no request), --repo or not", () => {
    const before = server.log.length;
    const offline = runCli(
      [
        "report",
        ...["--issues", files.issues, "--pulls", files.pulls, "--releases", files.releases, "--repo", "acme/shop"],
        "--now",
        NOW,
      ],
      { env: env() },
    );
    expect(offline.code).toBe(0);
    expect(server.log.length).toBe(before);
  });
});

describe("live CLI on an Enterprise Server", () => {
  it("derives GraphQL (/api/graphql) and web links from --api-url", async () => {
    const world = new World("2026-11-02T08:00:00Z");
    shop(world);
    const ghes = await startFakeGitHub(world, { enterprise: true });
    try {
      const read = await runCliAsync(
        ["triage", "--repo", "acme/shop", "--api-url", ghes.url, "--now", NOW, "--format", "json"],
        {
          env: env(),
        },
      );
      expect(read.stderr).not.toMatch(/error/i);
      expect(read.code).toBe(1);
      // Anything off /api/v3 and /api/graphql would be a 404 and a problem.
      expect(ghes.problems).toEqual([]);
      expect(ghes.log.some((r) => r.graphql)).toBe(true);
      expect(read.stdout).toContain(`${ghes.serverUrl}/acme/shop/issues/1`);
      expect(read.stdout).not.toContain("github.com");
    } finally {
      await ghes.close();
    }
  });
});
