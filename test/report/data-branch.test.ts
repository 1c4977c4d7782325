import { afterEach, describe, expect, it } from "vitest";
import { createClient, type GitHubClient } from "../../src/github/client.js";
import {
  backoffDelay,
  isRefConflict,
  readBlob,
  readBranch,
  treeEntries,
  writeFiles,
} from "../../src/github/data-branch.js";
import { World } from "../support/fake-github/model.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/server.js";

const repo = { owner: "acme", repo: "caro" };
const BRANCH = "launchgate-data";
let server: FakeGitHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(): Promise<{ s: FakeGitHub; client: () => GitHubClient }> {
  const world = new World();
  world.repo("acme/caro").commit("main", { author: "alice", files: { "README.md": "# caro\n" } });
  server = await startFakeGitHub(world);
  const s = server;
  return { s, client: () => createClient({ token: "write-token", apiUrl: s.url, graphqlUrl: s.graphqlUrl }) };
}

const noSleep = async () => {};
const file = (week: string, text = week) => ({ path: `snapshots/${week}.json`, content: `{"week":"${text}"}\n` });

async function contents(client: GitHubClient): Promise<Record<string, string>> {
  const state = await readBranch(client, repo, BRANCH);
  const out: Record<string, string> = {};
  for (const [path, sha] of state.files) out[path] = await readBlob(client, repo, sha, path);
  return out;
}

describe("data branch store (pure parts)", () => {
  it("backs off exponentially with jitter, capped", () => {
    expect([1, 2, 3, 4, 10].map((a) => backoffDelay(a, () => 0.999))).toEqual([249, 499, 999, 1998, 7992]);
    expect(backoffDelay(3, () => 0)).toBe(0);
  });

  it("adds only its own paths to the base tree, last content per path", () => {
    expect(treeEntries([file("2026-W47", "a"), file("2026-W47", "b")])).toEqual([
      { path: "snapshots/2026-W47.json", mode: "100644", type: "blob", content: '{"week":"b"}\n' },
    ]);
  });

  it("recognises a refused ref update as a conflict, other errors not", () => {
    expect(isRefConflict({ status: 422, message: "Update is not a fast forward" })).toBe(true);
    expect(isRefConflict({ status: 422, message: "Reference already exists" })).toBe(true);
    expect(isRefConflict({ status: 500, message: "boom" })).toBe(false);
  });
});

describe("data branch store against the fake GitHub", () => {
  it("creates the branch as an orphan, then replaces one week and keeps the others", async () => {
    const { s, client } = await start();
    const c = client();
    const mainBefore = s.world.repo("acme/caro").refs.get("refs/heads/main");
    await writeFiles(c, repo, BRANCH, [file("2026-W46")], { message: "W46", sleep: noSleep });
    await writeFiles(c, repo, BRANCH, [file("2026-W47", "first")], { message: "W47", sleep: noSleep });
    await writeFiles(c, repo, BRANCH, [file("2026-W47", "rerun")], { message: "W47 again", sleep: noSleep });
    expect(await contents(c)).toEqual({
      "snapshots/2026-W46.json": '{"week":"2026-W46"}\n',
      "snapshots/2026-W47.json": '{"week":"rerun"}\n',
    });
    expect(s.world.repo("acme/caro").refs.get("refs/heads/main")).toBe(mainBefore);
    expect(s.problems).toEqual([]);
  });

  it("loses nothing when two runs write different weeks and the same week at once", async () => {
    const { s, client } = await start();
    await writeFiles(client(), repo, BRANCH, [file("2026-W45")], { message: "seed", sleep: noSleep });
    const runs = [
      [file("2026-W46", "run1")],
      [file("2026-W47", "run2")],
      [file("2026-W48", "run3a")],
      [file("2026-W48", "run3b")],
    ].map((files, i) =>
      writeFiles(client(), repo, BRANCH, files, { message: `run ${i}`, sleep: noSleep, maxAttempts: 20 }),
    );
    const results = await Promise.all(runs);
    const files = await contents(client());
    expect(Object.keys(files).sort()).toEqual([
      "snapshots/2026-W45.json",
      "snapshots/2026-W46.json",
      "snapshots/2026-W47.json",
      "snapshots/2026-W48.json",
    ]);
    expect(["run3a", "run3b"].map((r) => `{"week":"${r}"}\n`)).toContain(files["snapshots/2026-W48.json"]);
    // At least one run had to retry after the ref moved under it.
    expect(Math.max(...results.map((r) => r.attempts))).toBeGreaterThan(1);
    expect(s.log.some((r) => r.method === "PATCH" && r.status === 422)).toBe(true);
    expect(s.problems).toEqual([]);
  });

  it("leaves the branch as it was when the writer dies before the ref update", async () => {
    const { s, client } = await start();
    await writeFiles(client(), repo, BRANCH, [file("2026-W46")], { message: "W46", sleep: noSleep });
    const head = s.world.repo("acme/caro").refs.get(`refs/heads/${BRANCH}`);
    s.faults.push({ method: "PATCH", path: "/repos/acme/caro/git/refs/**", reset: true });
    await expect(
      writeFiles(client(), repo, BRANCH, [file("2026-W47")], { message: "W47", sleep: noSleep }),
    ).rejects.toThrow();
    s.faults.length = 0;
    expect(s.world.repo("acme/caro").refs.get(`refs/heads/${BRANCH}`)).toBe(head);
    expect(Object.keys(await contents(client()))).toEqual(["snapshots/2026-W46.json"]);
  });

  it("gives up after a bounded number of attempts when the ref keeps moving", async () => {
    const { s, client } = await start();
    await writeFiles(client(), repo, BRANCH, [file("2026-W46")], { message: "W46", sleep: noSleep });
    s.faults.push({ method: "PATCH", path: "/repos/acme/caro/git/refs/**", status: 422 });
    await expect(
      writeFiles(client(), repo, BRANCH, [file("2026-W47")], { message: "W47", sleep: noSleep, maxAttempts: 3 }),
    ).rejects.toThrow(/gave up after 3 attempts/);
    expect(s.log.filter((r) => r.method === "PATCH").length).toBe(3);
  });

  it("refuses to write the default branch", async () => {
    const { client } = await start();
    await expect(
      writeFiles(client(), repo, "main", [file("2026-W46")], { message: "x", sleep: noSleep }),
    ).rejects.toThrow(/refusing/);
    await expect(
      writeFiles(client(), repo, "trunk", [file("2026-W46")], { message: "x", protectedBranches: ["trunk"] }),
    ).rejects.toThrow(/refusing/);
  });
});
