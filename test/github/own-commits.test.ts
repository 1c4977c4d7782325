import { afterEach, describe, expect, it } from "vitest";
import { createClient } from "../../src/github/client.js";
import { PullCommits } from "../../src/github/own-commits.js";
import { World } from "../support/fake-github/model.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/server.js";

let server: FakeGitHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** main with two commits, and a release branch with `count` commits of its own on top of the first. */
async function setup(count: number) {
  const world = new World();
  const repo = world.repo("acme/shop");
  const forkPoint = repo.commit("main", { author: "rita", files: { "a.md": "0\n" } }).sha;
  const onMain = repo.commit("main", { author: "rita", files: { "a.md": "main\n" } }).sha;
  const own: string[] = [];
  for (let i = 0; i < count; i++)
    own.push(repo.commit("release/1.0", { from: forkPoint, author: "bob", files: { "b.md": `${i}\n` } }).sha);
  server = await startFakeGitHub(world);
  const client = createClient({ token: "write-token", apiUrl: server.url, graphqlUrl: server.graphqlUrl });
  const commits = new PullCommits(client, { owner: "acme", repo: "shop" }, onMain, own.at(-1) as string);
  const compares = () => server?.log.filter((r) => r.path.includes("/compare/")).length;
  return { forkPoint, onMain, own, commits, compares };
}

describe("PullCommits", () => {
  it("tells the PR's own commits from the base's with one comparison when GitHub lists them all", async () => {
    const { forkPoint, own, commits, compares } = await setup(3);
    const answer = await commits.own([own[0] as string, forkPoint]);
    expect(answer).toEqual(
      new Map<string, boolean | string>([
        [own[0] as string, true],
        [forkPoint, false],
      ]),
    );
    expect(compares()).toBe(1);
    expect(server?.problems).toEqual([]);
  });

  it("compares a commit GitHub's cut-short list leaves out with the base on its own (more than 250 commits)", async () => {
    const { forkPoint, own, commits, compares } = await setup(260);
    // GitHub lists 250 of the 260: the oldest own commits are not in the list.
    const answer = await commits.own([own[0] as string, own[259] as string, forkPoint]);
    expect(answer.get(own[0] as string)).toBe(true);
    expect(answer.get(own[259] as string)).toBe(true);
    expect(answer.get(forkPoint)).toBe(false);
    expect(compares()).toBe(3);
    expect(server?.problems).toEqual([]);
  });

  it("past ten look-ups, says why it cannot tell instead of guessing", async () => {
    const { own, commits } = await setup(270);
    const answer = await commits.own(own.slice(0, 12));
    expect([...answer.values()].filter((v) => v === true)).toHaveLength(10);
    expect([...answer.values()].filter((v) => typeof v === "string")).toEqual([
      "this PR has 270 commits, more than GitHub lists at once",
      "this PR has 270 commits, more than GitHub lists at once",
    ]);
  });

  it("passes an API failure on as the reason, for every commit asked about", async () => {
    const { own, forkPoint, commits } = await setup(2);
    server?.faults.push({ path: "/repos/{owner}/{repo}/compare/**", status: 502 });
    const answer = await commits.own([own[0] as string, forkPoint]);
    expect(answer.get(forkPoint)).toMatch(/comparing .* with the PR's base .* failed: HTTP 502/);
    expect(answer.get(own[0] as string)).toMatch(/HTTP 502/);
  });
});
