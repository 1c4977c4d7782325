import { afterEach, describe, expect, it } from "vitest";
import { World } from "./fake-github/model.js";
import { type FakeGitHub, startFakeGitHub } from "./fake-github/server.js";

// The fake keeps issue orders and selections between requests (the scale benchmark pages through
// 100,000 issues): they must still follow every change a test makes to the issues, however made.

let server: FakeGitHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(w: World): Promise<FakeGitHub> {
  server = await startFakeGitHub(w);
  return server;
}

const day = (d: number) => `2026-11-${String(d).padStart(2, "0")}T09:00:00Z`;

function shop(): World {
  const w = new World();
  const repo = w.repo("acme/shop");
  for (let n = 1; n <= 5; n++)
    repo.addIssue({ number: n, title: `Issue ${n}`, user: "dave", labels: n % 2 ? ["P1"] : [], createdAt: day(n) });
  return w;
}

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { number: number }[];
}

async function issues(s: FakeGitHub, args: string): Promise<Page> {
  const query = `{ repository(owner: "acme", name: "shop") {
    issues(${args}) { totalCount pageInfo { hasNextPage endCursor } nodes { number } } } }`;
  const res = await fetch(s.graphqlUrl, {
    method: "POST",
    headers: { authorization: "token write-token", "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const json = (await res.json()) as { data: { repository: { issues: Page } } };
  expect(s.problems).toEqual([]);
  return json.data.repository.issues;
}
const numbers = (page: Page) => page.nodes.map((i) => i.number);

describe("fake GitHub issue index", () => {
  it("answers from the issues as they are now after direct writes to an issue's fields and labels", async () => {
    const w = shop();
    const repo = w.repo("acme/shop");
    const s = await start(w);
    const open = "first: 100, states: [OPEN], orderBy: { field: CREATED_AT, direction: ASC }";
    const p1 = 'first: 100, labels: ["P1"], orderBy: { field: CREATED_AT, direction: ASC }';
    const updated = "first: 100, orderBy: { field: UPDATED_AT, direction: DESC }";
    expect(numbers(await issues(s, open))).toEqual([1, 2, 3, 4, 5]);
    expect(numbers(await issues(s, p1))).toEqual([1, 3, 5]);
    expect(numbers(await issues(s, updated))).toEqual([5, 4, 3, 2, 1]);

    const two = repo.issues.get(2);
    if (!two) throw new Error("no issue 2");
    two.state = "closed";
    two.labels.push("P1");
    two.updatedAt = day(20);
    expect(numbers(await issues(s, open))).toEqual([1, 3, 4, 5]);
    expect(numbers(await issues(s, p1))).toEqual([1, 2, 3, 5]);
    expect(numbers(await issues(s, updated))).toEqual([2, 5, 4, 3, 1]);

    // A whole new label list, then a change inside it.
    const three = repo.issues.get(3);
    if (!three) throw new Error("no issue 3");
    three.labels = ["P2"];
    expect(numbers(await issues(s, p1))).toEqual([1, 2, 5]);
    three.labels[0] = "P1";
    expect(numbers(await issues(s, p1))).toEqual([1, 2, 3, 5]);
  });

  it("answers from the issues as they are now after issues are added, replaced or removed", async () => {
    const w = shop();
    const repo = w.repo("acme/shop");
    const s = await start(w);
    const all = "first: 100, orderBy: { field: CREATED_AT, direction: ASC }";
    expect((await issues(s, all)).totalCount).toBe(5);
    repo.addIssue({ number: 6, title: "New", user: "erin", createdAt: day(6) });
    repo.issues.delete(1);
    expect(numbers(await issues(s, all))).toEqual([2, 3, 4, 5, 6]);
    // An issue put into the map directly is served, and its later changes are seen too.
    repo.issues.set(7, {
      ...(repo.issues.get(6) as NonNullable<ReturnType<typeof repo.issues.get>>),
      number: 7,
      createdAt: day(1),
    });
    expect(numbers(await issues(s, all))).toEqual([7, 2, 3, 4, 5, 6]);
    const seven = repo.issues.get(7);
    if (!seven) throw new Error("no issue 7");
    seven.createdAt = day(30);
    expect(numbers(await issues(s, all))).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it("pages with cursors through one selection, its totalCount the whole selection's", async () => {
    const w = new World();
    const repo = w.repo("acme/shop");
    for (let n = 1; n <= 250; n++)
      repo.addIssue({
        number: n,
        title: `Issue ${n}`,
        user: "dave",
        state: n % 5 === 0 ? "closed" : "open",
        createdAt: `2026-11-01T${String(Math.floor(n / 60)).padStart(2, "0")}:${String(n % 60).padStart(2, "0")}:00Z`,
      });
    const s = await start(w);
    const seen: number[] = [];
    let after = "";
    for (let page = 0; page < 5; page++) {
      const got = await issues(
        s,
        `first: 100, ${after} states: [OPEN], orderBy: { field: CREATED_AT, direction: ASC }`,
      );
      expect(got.totalCount).toBe(200);
      seen.push(...numbers(got));
      if (!got.pageInfo.hasNextPage) break;
      after = `after: "${got.pageInfo.endCursor}",`;
    }
    expect(seen).toEqual(Array.from({ length: 250 }, (_, k) => k + 1).filter((n) => n % 5 !== 0));
  });

  it("builds a list once per change to the issues", () => {
    const w = shop();
    const repo = w.repo("acme/shop");
    let builds = 0;
    const build = (all: Iterable<{ number: number }>) => {
      builds++;
      return [...all] as never[];
    };
    const first = repo.issueIndex.list("all", build);
    expect(repo.issueIndex.list("all", build)).toBe(first);
    expect(builds).toBe(1);
    // Reading is not a change; writing a field nothing sorts on still is (the index does not know what lists read).
    void repo.issues.get(1)?.title;
    expect(repo.issueIndex.list("all", build)).toBe(first);
    const one = repo.issues.get(1);
    if (one) one.title = "Renamed";
    expect(repo.issueIndex.list("all", build)).not.toBe(first);
    expect(builds).toBe(2);
  });
});
