import { afterEach, describe, expect, it } from "vitest";
import { parseChecklist } from "../../src/checklist/parse.js";
import { statesByKey } from "../../src/gates/signoff.js";
import { bodyAttributions, readBodyHistory } from "../../src/github/body-history.js";
import { createClient } from "../../src/github/client.js";
import { type BodyEdit, World } from "../support/fake-github/model.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/server.js";

const repoId = { owner: "acme", repo: "shop" };
const statesOf = (text: string) => statesByKey(parseChecklist(text, "PR description", { frontMatter: false }).items);

let server: FakeGitHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Attributions for the wanted items of the PR's last revision. */
async function attribute(edits: BodyEdit[], states: (text: string) => ReadonlyMap<string, string> | null = statesOf) {
  const world = new World("2026-11-02T09:00:00Z");
  const repo = world.repo("acme/shop");
  repo.commit("main", { author: "rita", files: { "README.md": "hi\n" } });
  repo.commit("release/1.0", { author: "rita", files: { "a.md": "a\n" }, from: "main" });
  repo.addPull({ number: 7, title: "Release 1.0", user: "carol", base: "main", head: "release/1.0", edits });
  server = await startFakeGitHub(world);
  const client = createClient({ token: "write-token", apiUrl: server.url, graphqlUrl: server.graphqlUrl });
  const wanted = new Map([...statesOf(edits.at(-1)?.body ?? "")].filter(([, state]) => state !== "open"));
  const found = await bodyAttributions(readBodyHistory(client, repoId, 7), wanted, states);
  return [...found.values()];
}

const at = (i: number) => new Date(Date.parse("2026-11-02T10:00:00Z") + i * 60_000).toISOString();

describe("PR description attribution", () => {
  it("reads every edit page by page: a tick older than the newest 1,000 edits is found", async () => {
    const opened = "- [ ] Docs @alice\n- [ ] QA @bob\n";
    const edits: BodyEdit[] = [
      { editor: "carol", editedAt: at(0), body: opened },
      { editor: "alice", editedAt: at(1), body: opened.replace("[ ] Docs", "[x] Docs") },
    ];
    for (let i = 2; i <= 1201; i++)
      edits.push({ editor: "carol", editedAt: at(i), body: `${edits[1]?.body}\nnote ${i}\n` });
    edits.push({ editor: "bob", editedAt: at(1202), body: `${edits.at(-1)?.body.replace("[ ] QA", "[x] QA")}` });
    const found = await attribute(edits);
    expect(found.map((a) => (a.kind === "change" ? a.login : a.reason)).sort()).toEqual(["alice", "bob"]);
  });

  it("stops after 5,000 edits and says the history is incomplete: older ticks stay unverified", async () => {
    const opened = "- [ ] Docs @alice\n";
    const edits: BodyEdit[] = [
      { editor: "carol", editedAt: at(0), body: opened },
      { editor: "alice", editedAt: at(1), body: opened.replace("[ ] Docs", "[x] Docs") },
    ];
    for (let i = 2; i <= 5001; i++)
      edits.push({ editor: "carol", editedAt: at(i), body: `- [x] Docs @alice\n\nnote ${i}\n` });
    const found = await attribute(edits);
    expect(found).toEqual([
      { kind: "gap", reason: "the description has more than 5,000 edits; older ones were not read" },
    ]);
    const client = createClient({
      token: "write-token",
      apiUrl: server?.url ?? "",
      graphqlUrl: server?.graphqlUrl ?? "",
    });
    const history = await readBodyHistory(client, repoId, 7);
    expect({ edits: history.edits.length, complete: history.complete }).toEqual({ edits: 5000, complete: false });
  });

  it("says a revision could not be parsed rather than that it was deleted", async () => {
    const edits: BodyEdit[] = [
      { editor: "carol", editedAt: at(0), body: "- [ ] Docs @alice\nBROKEN\n" },
      { editor: "alice", editedAt: at(1), body: "- [x] Docs @alice\n" },
    ];
    const [docs] = await attribute(edits, (text) => (text.includes("BROKEN") ? null : statesOf(text)));
    expect(docs).toMatchObject({ kind: "gap", reason: expect.stringMatching(/could not be parsed/) });
  });
});
