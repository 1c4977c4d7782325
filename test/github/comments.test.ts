import { afterEach, describe, expect, it } from "vitest";
import { createClient } from "../../src/github/client.js";
import { listComments, upsertStickyComment } from "../../src/github/comments.js";
import { World } from "../support/fake-github/model.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/server.js";

const MARKER = "<!-- launchgate:gates -->";
const repoId = { owner: "acme", repo: "shop" };

let server: FakeGitHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(comments: { user: string; body: string }[] = []) {
  const world = new World("2026-11-02T09:00:00Z");
  // A personal access token (docs/gate.md recommends one for team owners): its comments are a User's.
  world.tokens.set("pat-token", { login: "release-robot", write: true });
  const repo = world.repo("acme/shop");
  repo.addIssue({ number: 12, title: "Release 1.0", user: "carol", createdAt: "2026-11-02T08:00:00Z" });
  for (const c of comments) {
    world.user(c.user);
    repo.comments.push({
      id: world.nextId(),
      issue: 12,
      user: c.user,
      body: c.body,
      createdAt: world.tick(),
      updatedAt: world.tick(),
    });
  }
  server = await startFakeGitHub(world);
  const client = createClient({ token: "pat-token", apiUrl: server.url, graphqlUrl: server.graphqlUrl });
  const upsert = (body: string) =>
    upsertStickyComment(client, repoId, 12, MARKER, body, listComments(client, repoId, 12));
  return { repo, server, upsert };
}

describe("sticky comment", () => {
  it("with a personal access token, re-runs update the token user's comment instead of adding one each time", async () => {
    const { repo, upsert } = await setup();
    expect(await upsert(`${MARKER}\nfirst`)).toBe("created");
    expect(await upsert(`${MARKER}\nsecond`)).toBe("updated");
    expect(await upsert(`${MARKER}\nsecond`)).toBe("unchanged");
    expect(repo.comments.map((c) => [c.user, c.body])).toEqual([["release-robot", `${MARKER}\nsecond`]]);
  });

  it("leaves alone a comment by someone else that starts with the marker", async () => {
    const { repo, server, upsert } = await setup([{ user: "mallory", body: `${MARKER}\n✅ all done` }]);
    expect(await upsert(`${MARKER}\nverdict`)).toBe("created");
    expect(repo.comments.map((c) => [c.user, c.body])).toEqual([
      ["mallory", `${MARKER}\n✅ all done`],
      ["release-robot", `${MARKER}\nverdict`],
    ]);
    expect(server.problems).toEqual([]);
  });
});
