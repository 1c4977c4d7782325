import { afterEach, describe, expect, it } from "vitest";
import { createClient } from "../../src/github/client.js";
import { decodeCache } from "../../src/github/report-cache.js";
import { type FetchedData, fetchReportData } from "../../src/github/report-fetch.js";
import { commentIssueNumber } from "../../src/model/rest.js";
import { formField } from "../../src/triage/issue-form.js";
import type { World } from "../support/fake-github/model.js";
import { type FakeGitHub, type Fault, startFakeGitHub } from "../support/fake-github/server.js";
import { createdAt, iso, SCALE_REPO, scaleWorld, touchIssues } from "../support/scale-world.js";

// The report's GraphQL read against the fake GitHub (queries validated against GitHub's schema,
// priced and rate-limited as GitHub does), through the cache as it is stored: encoded and decoded.
const repo = { owner: "acme", repo: "shop" };
const FIELDS = ["Severity", "Affected users (%)"];
const DAY = 86_400_000;
/** After the last issue of a scale world was created and closed: the first report run. */
const firstRunAt = (n: number) => createdAt(n, n) + 4 * DAY;
let server: FakeGitHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(world: World, faults: Fault[] = []): Promise<FakeGitHub> {
  server = await startFakeGitHub(world, { faults });
  return server;
}

async function fetch(
  s: FakeGitHub,
  stored: Uint8Array | null,
  now: number,
  extra: { reserve?: number; progress?: (read: number, total: number) => void } = {},
): Promise<FetchedData> {
  const client = createClient({ token: "write-token", apiUrl: s.url, graphqlUrl: s.graphqlUrl });
  // What the next run reads back from the data branch.
  const cache = stored && decodeCache(stored, FIELDS);
  if (stored) expect(cache).not.toBeNull();
  return fetchReportData(client, repo, cache, { now: new Date(now), fields: FIELDS, ...extra });
}

const budgetFirst = (n: number) => Math.ceil(n / 100) + Math.ceil(n / 1000) + 20;
const graphqlRequests = (s: FakeGitHub) => s.log.filter((r) => r.path === "/graphql").length;

describe("report fetch: first run", () => {
  it("reads every issue with its comments, label/close events and form answers within ceil(N/100) + ceil(N/1000) + 20 requests", async () => {
    const N = 450;
    const s = await start(scaleWorld(N));
    const data = await fetch(s, null, firstRunAt(N));
    expect(s.problems).toEqual([]);
    expect(data.partial).toBeNull();
    expect(data.requests).toBeLessThanOrEqual(budgetFirst(N));
    expect(graphqlRequests(s)).toBe(Math.ceil(N / 100) + 1); // issue pages + one (empty) page of pull requests
    expect(data.cache.issues).toHaveLength(N);
    expect(data.cache.comments).toHaveLength(3 * N);
    expect(data.cache.events.filter((e) => e.event === "labeled")).toHaveLength(2 * N);

    const fake = s.world.repo(SCALE_REPO);
    const eight = data.cache.issues.find((i) => i.number === 8);
    expect(eight).toMatchObject({
      state: "closed",
      state_reason: (fake.issues.get(8) as { stateReason: string }).stateReason,
      // Sorted, as the as-of reconstruction sorts them (GitHub lists "bug", "P0").
      labels: ["P0", "bug"],
      created_at: iso(createdAt(8, N)),
      user: { login: "user8" },
    });
    const closed = data.cache.events.filter((e) => e.event === "closed" && e.issue?.number === 8);
    expect(closed).toEqual([expect.objectContaining({ state_reason: fake.issues.get(8)?.stateReason })]);
    const ten = data.cache.issues.find((i) => i.number === 10);
    expect(ten).toMatchObject({ milestone: { title: "Phase 1" }, reactions: { "+1": 10 } });
    // The body keeps only the form answers the report reads, not the free text.
    expect(formField(ten?.body ?? "", "Severity")).toBe("P2");
    expect(formField(ten?.body ?? "", "Affected users (%)")).toBe("10");
    expect(ten?.body).not.toContain("checkout page");
    const bot = data.cache.comments.find((c) => commentIssueNumber(c) === 10 && c.user?.type === "Bot");
    expect(bot?.user?.login).toBe("helper[bot]");
    const maintainer = data.cache.comments.find((c) => commentIssueNumber(c) === 10 && c.user?.login === "maintainer");
    expect(maintainer?.author_association).toBe("MEMBER");
  });

  it("finishes long threads and timelines in batched requests, losing no comment or event", async () => {
    const world = scaleWorld(120);
    const fake = world.repo(SCALE_REPO);
    for (const n of [3, 50, 77]) {
      for (let k = 0; k < 130; k++) {
        const at = iso(createdAt(n, 120) + (k + 5) * 60_000);
        fake.comments.push({
          id: world.nextId(),
          issue: n,
          user: "maintainer",
          body: "x",
          createdAt: at,
          updatedAt: at,
        });
      }
      for (let k = 0; k < 60; k++)
        fake.events.push({
          id: world.nextId(),
          issue: n,
          event: k % 2 ? "unlabeled" : "labeled",
          actor: "maintainer",
          label: "flaky",
          createdAt: iso(createdAt(n, 120) + (k + 5) * 60_000),
        });
    }
    const s = await start(world);
    const data = await fetch(s, null, firstRunAt(120));
    expect(s.problems).toEqual([]);
    for (const n of [3, 50, 77]) {
      expect(data.cache.comments.filter((c) => commentIssueNumber(c) === n)).toHaveLength(133);
      expect(data.cache.events.filter((e) => e.issue?.number === n && e.label?.name === "flaky")).toHaveLength(60);
    }
    // 2 issue pages, 1 pull page, then the rest of the three long issues together in one request.
    expect(graphqlRequests(s)).toBe(2 + 1 + 1);
  });
});

describe("report fetch: incremental week", () => {
  it("reads only the issues changed since the cache, within ceil(changed/100) + 20 requests", async () => {
    const N = 1000;
    const world = scaleWorld(N);
    const s = await start(world);
    const firstAt = firstRunAt(N);
    const first = await fetch(s, null, firstAt);
    const touched = touchIssues(world, 0.05, firstAt + 3 * DAY);
    s.log.length = 0;
    const second = await fetch(s, first.stored, firstAt + 7 * DAY);
    expect(s.problems).toEqual([]);
    expect(second.changed).toBe(touched.length);
    expect(second.requests).toBeLessThanOrEqual(Math.ceil(second.changed / 100) + 20);
    expect(graphqlRequests(s)).toBe(Math.ceil(touched.length / 100) + 1);
    expect(second.cache.issues).toHaveLength(N);
    const n = touched[3] as number;
    expect(second.cache.issues.find((i) => i.number === n)?.labels).toContain("investigating");
    expect(second.cache.comments.filter((c) => commentIssueNumber(c) === n)).toHaveLength(4);
    expect(second.cache.comments).toHaveLength(3 * N + touched.length);
    // An untouched issue is carried over from the cache unchanged.
    const untouched = (x: FetchedData) => x.cache.issues.find((i) => i.number === 21);
    expect(untouched(second)).toEqual(untouched(first));
  });

  it("an issue changed during the read is read again by the next run (the watermark is the read's start)", async () => {
    const N = 300;
    const world = scaleWorld(N);
    const s = await start(world);
    const t0 = firstRunAt(N);
    // Issue 5 changes while the first run reads page 3 (after issue 5 was read).
    const first = await fetch(s, null, t0, {
      progress: (read) => {
        if (read === 200) touchOne(world, 5, t0 + 1000);
      },
    });
    expect(first.cache.issues.find((i) => i.number === 5)?.labels).not.toContain("investigating");
    const second = await fetch(s, first.stored, t0 + 7 * DAY);
    expect(second.cache.issues.find((i) => i.number === 5)?.labels).toContain("investigating");
  });
});

function touchOne(world: World, n: number, at: number): void {
  const issue = world.repo(SCALE_REPO).issues.get(n);
  if (!issue) throw new Error(`no issue ${n}`);
  issue.labels.push("investigating");
  issue.updatedAt = iso(at);
}

describe("report fetch: rate limit", () => {
  it("stops before the limit, keeps its cursor, reports partial, and the next run finishes with nothing lost", async () => {
    const N = 1000;
    const world = scaleWorld(N);
    // 60 points this hour: the reserve (20 here) leaves room for 7 issue pages (5 points estimated each).
    world.rateLimits.refill("graphql", 60);
    const s = await start(world);
    const t0 = firstRunAt(N);
    const first = await fetch(s, null, t0, { reserve: 20 });
    expect(s.problems).toEqual([]);
    expect(first.interrupted).toBeNull();
    expect(first.partial).toEqual({ issuesRead: expect.any(Number), issuesTotal: N, since: null });
    const read = first.partial?.issuesRead ?? 0;
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(N);
    expect(first.cache.issues).toHaveLength(read);
    expect(world.rateLimits.remaining("graphql")).toBeGreaterThanOrEqual(20);
    expect(decodeCache(first.stored, FIELDS)?.read?.issues.cursor).toEqual(expect.any(String));
    expect(decodeCache(first.stored, FIELDS)?.since).toBeNull();

    // The next hour: more points. An issue already read changes in between.
    world.rateLimits.refill("graphql", 5000);
    touchOne(world, 2, t0 + 3_600_000);
    const second = await fetch(s, first.stored, t0 + 2 * 3_600_000, { reserve: 20 });
    expect(second.partial).toBeNull();
    expect(decodeCache(second.stored, FIELDS)?.read).toBeNull();
    expect(second.cache.issues.map((i) => i.number)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    expect(second.cache.comments).toHaveLength(3 * N);
    expect(second.changed).toBe(N - read);
    // The resumed read started at the first run: issue 2, changed since, is caught by the next week's run.
    expect(Date.parse(decodeCache(second.stored, FIELDS)?.since ?? "")).toBe(t0 - 60_000);
    const third = await fetch(s, second.stored, t0 + 7 * DAY, { reserve: 20 });
    expect(third.cache.issues.find((i) => i.number === 2)?.labels).toContain("investigating");
    expect(s.problems).toEqual([]);
  });

  it("treats GitHub refusing for the rate limit (spent by another workflow meanwhile) as partial, not a failure", async () => {
    const N = 500;
    const world = scaleWorld(N);
    const s = await start(world);
    const data = await fetch(s, null, firstRunAt(N), {
      progress: (read) => {
        if (read === 200) world.rateLimits.graphql.used = world.rateLimits.graphql.limit;
      },
    });
    expect(data.interrupted).toBeNull();
    expect(data.partial).toMatchObject({ issuesRead: 200, issuesTotal: N });
    expect(data.cache.issues).toHaveLength(200);
  });

  it("keeps what it read when a request fails for another reason, and says so", async () => {
    const N = 500;
    const s = await start(scaleWorld(N), [{ path: "/graphql", status: 502, skip: 3, times: 10 }]);
    const data = await fetch(s, null, firstRunAt(N));
    expect(data.interrupted?.message).toMatch(/502/);
    expect(data.partial).toMatchObject({ issuesRead: 200, issuesTotal: N });
    expect(decodeCache(data.stored, FIELDS)?.read?.issues.cursor).toEqual(expect.any(String));
  });
});
