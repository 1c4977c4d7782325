import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Tree, World } from "./fake-github/model.js";
import { type FakeGitHub, startFakeGitHub } from "./fake-github/server.js";

/**
 * Oracle test for the fake's path-filtered commit listing: each history is built twice, in the
 * fake's model and in a real git repository, and the fake's `GET /commits?sha=&path=` must list
 * the same commits in the same order as `git log <sha> -- <path>` (git's default history
 * simplification, which GitHub's API follows). Commits are matched by their message.
 */

const GATE = "g/gate.md";
const OTHER = "other.txt";

interface Step {
  id: string;
  parents?: string[];
  /** The commit's whole tree: path → content (a missing path is absent). */
  files: Record<string, string>;
  /** Minutes after the start; default: its position in the list (strictly increasing). */
  at?: number;
}

interface History {
  name: string;
  steps: Step[];
  tips: string[];
  paths?: string[];
}

const ticked = { [GATE]: "- [x] X @alice\n", [OTHER]: "1" };
const histories: History[] = [
  {
    name: "linear, with commits that do not touch the file and one that restores an older version",
    steps: [
      { id: "root", files: { [OTHER]: "0" } },
      { id: "add", parents: ["root"], files: { [GATE]: "- [ ] X @alice\n", [OTHER]: "0" } },
      { id: "other", parents: ["add"], files: { [GATE]: "- [ ] X @alice\n", [OTHER]: "1" } },
      { id: "tick", parents: ["other"], files: ticked },
      { id: "untick", parents: ["tick"], files: { [GATE]: "- [ ] X @alice\n", [OTHER]: "1" } },
      { id: "delete", parents: ["untick"], files: { [OTHER]: "1" } },
      { id: "re-add", parents: ["delete"], files: { [GATE]: "- [ ] X @alice\n", [OTHER]: "1" } },
    ],
    tips: ["re-add", "untick", "delete"],
  },
  {
    name: "merge TREESAME to its first parent: the other side's untick is pruned (the attack)",
    steps: [
      { id: "A tick", files: ticked },
      { id: "C branch", parents: ["A tick"], files: { ...ticked, [OTHER]: "2" } },
      { id: "B untick", parents: ["A tick"], files: { [GATE]: "- [ ] X @alice\n", [OTHER]: "1" } },
      { id: "M keep ours", parents: ["C branch", "B untick"], files: { ...ticked, [OTHER]: "2" } },
      { id: "after", parents: ["M keep ours"], files: { ...ticked, [OTHER]: "3" } },
    ],
    tips: ["after", "M keep ours", "B untick"],
  },
  {
    name: "merge TREESAME to its second parent: only the merged side is followed",
    steps: [
      { id: "base", files: { [GATE]: "a\n", [OTHER]: "1" } },
      { id: "ours edits the file", parents: ["base"], files: { [GATE]: "ours\n", [OTHER]: "1" } },
      { id: "theirs edits", parents: ["base"], files: { [GATE]: "theirs\n", [OTHER]: "1" } },
      { id: "theirs again", parents: ["theirs edits"], files: { [GATE]: "theirs 2\n", [OTHER]: "1" } },
      {
        id: "M take theirs",
        parents: ["ours edits the file", "theirs again"],
        files: { [GATE]: "theirs 2\n", [OTHER]: "2" },
      },
    ],
    tips: ["M take theirs"],
  },
  {
    name: "merge TREESAME to both parents: the first is followed, the second pruned",
    steps: [
      { id: "base", files: { [GATE]: "a\n", [OTHER]: "1" } },
      { id: "left same edit", parents: ["base"], files: { [GATE]: "b\n", [OTHER]: "1" } },
      { id: "right same edit", parents: ["base"], files: { [GATE]: "b\n", [OTHER]: "2" } },
      { id: "M same", parents: ["left same edit", "right same edit"], files: { [GATE]: "b\n", [OTHER]: "3" } },
    ],
    tips: ["M same", "right same edit"],
  },
  {
    name: "merge differing from both parents: listed, both sides followed and interleaved by date",
    steps: [
      { id: "base", files: { [GATE]: "a\nb\n" } },
      { id: "left 1", parents: ["base"], files: { [GATE]: "A\nb\n" } },
      { id: "right 1", parents: ["base"], files: { [GATE]: "a\nB\n" } },
      { id: "left 2", parents: ["left 1"], files: { [GATE]: "A\nb\nc\n" } },
      { id: "right untouched", parents: ["right 1"], files: { [GATE]: "a\nB\n", [OTHER]: "x" } },
      { id: "M both", parents: ["left 2", "right untouched"], files: { [GATE]: "A\nB\nc\n", [OTHER]: "x" } },
    ],
    tips: ["M both"],
  },
  {
    name: "criss-cross merges",
    steps: [
      { id: "base", files: { [GATE]: "0\n" } },
      { id: "l1", parents: ["base"], files: { [GATE]: "l1\n" } },
      { id: "r1", parents: ["base"], files: { [GATE]: "r1\n" } },
      { id: "l2 merges r1", parents: ["l1", "r1"], files: { [GATE]: "l1 r1\n" } },
      { id: "r2 merges l1", parents: ["r1", "l1"], files: { [GATE]: "r1 l1\n" } },
      { id: "l3", parents: ["l2 merges r1"], files: { [GATE]: "l3\n" } },
      { id: "r3 other", parents: ["r2 merges l1"], files: { [GATE]: "r1 l1\n", [OTHER]: "r3" } },
      { id: "X", parents: ["l3", "r3 other"], files: { [GATE]: "l3\n", [OTHER]: "r3" } },
      { id: "Y", parents: ["r3 other", "l3"], files: { [GATE]: "final\n", [OTHER]: "r3" } },
    ],
    tips: ["X", "Y"],
  },
  {
    name: "a directory path, an octopus merge, equal dates and a parent dated after its child",
    steps: [
      { id: "base", files: { [GATE]: "0\n", "g/b.md": "0\n" }, at: 10 },
      { id: "p1", parents: ["base"], files: { [GATE]: "1\n", "g/b.md": "0\n" }, at: 20 },
      { id: "p2 same date", parents: ["base"], files: { [GATE]: "0\n", "g/b.md": "2\n" }, at: 20 },
      { id: "p3 skewed", parents: ["base"], files: { [GATE]: "0\n", "g/b.md": "0\n", [OTHER]: "3" }, at: 50 },
      { id: "p4 touches g", parents: ["p3 skewed"], files: { [GATE]: "0\n", "g/b.md": "4\n", [OTHER]: "3" }, at: 30 },
      {
        id: "octopus",
        parents: ["p1", "p2 same date", "p4 touches g"],
        files: { [GATE]: "1\n", "g/b.md": "24\n", [OTHER]: "3" },
        at: 40,
      },
    ],
    tips: ["octopus", "p4 touches g"],
    paths: [GATE, "g", "g/b.md", OTHER],
  },
];

const START = Date.parse("2026-11-02T09:00:00Z");
const dateOf = (step: Step, index: number) =>
  new Date(START + (step.at ?? index) * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");

/** Builds the history in the fake's model; id → SHA. */
function buildFake(world: World, name: string, steps: Step[]): Map<string, string> {
  const repo = world.repo(name);
  const ids = new Map<string, string>();
  steps.forEach((step, i) => {
    const tree: Tree = new Map(Object.entries(step.files).map(([path, content]) => [path, repo.putBlob(content)]));
    const date = dateOf(step, i);
    const person = world.person("alice", date);
    const commit = repo.putCommit({
      tree: repo.putTree(tree),
      parents: (step.parents ?? []).map((p) => ids.get(p) as string),
      message: step.id,
      author: person,
      committer: person,
      verification: { verified: false, reason: "unsigned" },
    });
    ids.set(step.id, commit.sha);
  });
  return ids;
}

/** Builds the same history with git's plumbing; id → SHA. */
function buildGit(dir: string, steps: Step[]): Map<string, string> {
  const git = (args: string[], env: Record<string, string> = {}, input?: string) =>
    execFileSync("git", args, { cwd: dir, env: { ...process.env, ...env }, input, encoding: "utf8" }).trim();
  git(["init", "-q"]);
  const index = { GIT_INDEX_FILE: join(dir, "oracle-index") };
  const ids = new Map<string, string>();
  steps.forEach((step, i) => {
    git(["read-tree", "--empty"], index);
    for (const [path, content] of Object.entries(step.files)) {
      const blob = git(["hash-object", "-w", "--stdin"], {}, content);
      git(["update-index", "--add", "--cacheinfo", `100644,${blob},${path}`], index);
    }
    const tree = git(["write-tree"], index);
    const date = dateOf(step, i);
    const who = { GIT_AUTHOR_NAME: "Alice", GIT_AUTHOR_EMAIL: "alice@example.com", GIT_AUTHOR_DATE: date };
    const parents = (step.parents ?? []).flatMap((p) => ["-p", ids.get(p) as string]);
    const env = {
      ...who,
      GIT_COMMITTER_NAME: "Alice",
      GIT_COMMITTER_EMAIL: "alice@example.com",
      GIT_COMMITTER_DATE: date,
    };
    ids.set(step.id, git(["commit-tree", tree, ...parents, "-m", step.id], env));
  });
  return ids;
}

let server: FakeGitHub;
let scratch: string;
const world = new World();
const built = histories.map((history, n) => ({
  history,
  repo: `acme/h${n}`,
  ids: buildFake(world, `acme/h${n}`, history.steps),
}));

beforeAll(async () => {
  server = await startFakeGitHub(world);
  scratch = mkdtempSync(join(tmpdir(), "launchgate-log-oracle-"));
});
afterAll(async () => {
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function fakeLog(repo: string, sha: string, path: string): Promise<string[]> {
  const res = await fetch(
    `${server.url}/repos/${repo}/commits?sha=${sha}&path=${encodeURIComponent(path)}&per_page=100`,
    {
      headers: { authorization: "token write-token" },
    },
  );
  expect(res.status).toBe(200);
  return ((await res.json()) as { commit: { message: string } }[]).map((c) => c.commit.message);
}

describe("the fake's path-filtered commit list is git's default history simplification", () => {
  it.each(built)("$history.name", async ({ history, repo, ids }) => {
    const dir = join(scratch, repo.replace("/", "-"));
    execFileSync("mkdir", ["-p", dir]);
    const gitIds = buildGit(dir, history.steps);
    for (const tip of history.tips) {
      for (const path of history.paths ?? [GATE]) {
        const expected = execFileSync("git", ["log", "--format=%s", gitIds.get(tip) as string, "--", path], {
          cwd: dir,
          encoding: "utf8",
        })
          .split("\n")
          .filter(Boolean);
        expect({ tip, path, log: await fakeLog(repo, ids.get(tip) as string, path) }).toEqual({
          tip,
          path,
          log: expected,
        });
      }
      // Without a path: every reachable commit, in git's walk order.
      const all = execFileSync("git", ["log", "--format=%s", gitIds.get(tip) as string], {
        cwd: dir,
        encoding: "utf8",
      });
      const res = await fetch(`${server.url}/repos/${repo}/commits?sha=${ids.get(tip)}&per_page=100`, {
        headers: { authorization: "token write-token" },
      });
      const listed = ((await res.json()) as { commit: { message: string } }[]).map((c) => c.commit.message);
      expect({ tip, listed }).toEqual({ tip, listed: all.split("\n").filter(Boolean) });
    }
    expect(server.problems).toEqual([]);
  });

  it("hides the merge that keeps the branch's tick, and the base's untick behind it (the attack's history)", async () => {
    const attack = built[1] as (typeof built)[number];
    expect(await fakeLog(attack.repo, attack.ids.get("after") as string, GATE)).toEqual(["A tick"]);
  });
});
