import { describe, expect, it } from "vitest";
import { parseChecklist } from "../../src/checklist/parse.js";
import {
  type Attribution,
  AttributionWalk,
  signoffsNeeded,
  statesByKey,
  unverifiedItems,
  verifySignoff,
} from "../../src/gates/signoff.js";

const items = (md: string) => parseChecklist(md, "gate.md").items;
const noTeams = () => false;

describe("signoffsNeeded", () => {
  it("asks only for ticked, owned, required items, with owners then approvers as signers", () => {
    const requests = signoffsNeeded(
      items(
        "- [x] Backups @alice\n- [ ] Metrics @bob\n- [x] Docs\n- [x] Extra @carol (optional)\n- [x] ~~Freeze @dave~~ N/A: no freeze\n",
      ),
      ["acme/release-managers", "ALICE"],
    );
    expect(requests.map((r) => [r.item.line, r.signers])).toEqual([
      [1, ["alice", "acme/release-managers"]],
      [5, ["dave", "acme/release-managers", "alice"]],
    ]);
  });
});

describe("verifySignoff", () => {
  const [request] = signoffsNeeded(items("- [x] Rollback tested @alice\n"), ["acme/release-managers"]);
  if (!request) throw new Error("no request");
  const change = (login: string | null): Attribution => ({ kind: "change", login, where: "abc1234" });

  it("accepts an owner, case-insensitively", () => {
    expect(verifySignoff(request, change("Alice"), noTeams)).toBeNull();
  });

  it("names who ticked it, where, and who may", () => {
    expect(verifySignoff(request, change("mallory"), noTeams)).toBe(
      "ticked by @mallory in abc1234; needs @alice or @acme/release-managers",
    );
  });

  it("accepts an active member of an owning team and reports failed lookups", () => {
    expect(
      verifySignoff(request, change("rm"), (team, login) => team === "acme/release-managers" && login === "rm"),
    ).toBeNull();
    expect(verifySignoff(request, change("rm"), () => "HTTP 502")).toContain(
      "membership of @acme/release-managers unknown (HTTP 502)",
    );
  });

  it("never passes on a gap, an unknown author or missing history", () => {
    expect(verifySignoff(request, { kind: "gap", reason: "edit deleted" }, noTeams)).toBe(
      "edit deleted; needs @alice or @acme/release-managers",
    );
    expect(verifySignoff(request, change(null), noTeams)).toContain("no GitHub account");
    expect(verifySignoff(request, undefined, noTeams)).toContain("no history");
  });

  it("says waived for waivers", () => {
    const [waiver] = signoffsNeeded(items("- [x] ~~Freeze @alice~~ N/A: SaaS\n"), []);
    if (!waiver) throw new Error("no request");
    expect(verifySignoff(waiver, change("mallory"), noTeams)).toBe("waived by @mallory in abc1234; needs @alice");
  });

  it("maps unverified requests to their lines", () => {
    const requests = signoffsNeeded(items("- [x] A @alice\n- [x] B @bob\n"), []);
    const attributions = new Map(requests.map((r) => [r.key, change("alice")]));
    expect([...unverifiedItems(requests, attributions, noTeams).keys()]).toEqual([2]);
  });
});

describe("AttributionWalk", () => {
  const version = (md: string, login: string, where: string) => ({ states: statesByKey(items(md)), login, where });
  const wantedFrom = (md: string) => new Map([...statesByKey(items(md))].filter(([, s]) => s !== "open"));

  it("attributes an item to the newest version that ticked it", () => {
    const v3 = version("- [x] A @alice\n- [x] B @bob\n", "bob", "c3");
    const v2 = version("- [x] A @alice\n- [ ] B @bob\n", "alice", "c2");
    const v1 = version("- [ ] A @alice\n- [ ] B @bob\n", "carol", "c1");
    const walk = new AttributionWalk(wantedFrom("- [x] A @alice\n- [x] B @bob\n"));
    walk.step(v3, [v2.states]);
    walk.step(v2, [v1.states]);
    const found = walk.finish("none");
    expect([...found.values()]).toEqual([
      { kind: "change", login: "bob", where: "c3" },
      { kind: "change", login: "alice", where: "c2" },
    ]);
  });

  it("blames the re-tick, not an earlier tick that was undone", () => {
    const walk = new AttributionWalk(wantedFrom("- [x] A @alice\n"));
    walk.step(version("- [x] A @alice\n", "mallory", "c3"), [statesByKey(items("- [ ] A @alice\n"))]);
    expect(walk.done).toBe(true);
    expect([...walk.finish("").values()][0]).toMatchObject({ login: "mallory" });
  });

  it("treats a changed waiver reason as a new waiver", () => {
    const walk = new AttributionWalk(wantedFrom("- [x] ~~A @alice~~ N/A: new\n"));
    walk.step(version("- [x] ~~A @alice~~ N/A: new\n", "mallory", "c2"), [
      statesByKey(items("- [x] ~~A @alice~~ N/A: old\n")),
    ]);
    expect([...walk.finish("").values()][0]).toMatchObject({ login: "mallory" });
  });

  it("credits a merge's change to the parent that already had it", () => {
    const walk = new AttributionWalk(wantedFrom("- [x] A @alice\n"));
    walk.step(version("- [x] A @alice\n", "merger", "m1"), [
      statesByKey(items("- [ ] A @alice\n")),
      statesByKey(items("- [x] A @alice\n")),
    ]);
    expect(walk.done).toBe(false);
  });

  it("hands items over to another walk: they are neither pending nor gaps here", () => {
    const walk = new AttributionWalk(wantedFrom("- [x] A @alice\n- [x] B @bob\n"));
    walk.step(version("- [x] A @alice\n- [x] B @bob\n", "merger", "m1"), [
      statesByKey(items("- [x] A @alice\n- [ ] B @bob\n")),
      statesByKey(items("- [ ] A @alice\n- [x] B @bob\n")),
    ]);
    expect([...walk.pending.keys()]).toHaveLength(2);
    walk.handOff(walk.pending.keys());
    expect(walk.done).toBe(true);
    expect(walk.finish("no history").size).toBe(0);
  });

  it("turns what is left into gaps", () => {
    const walk = new AttributionWalk(wantedFrom("- [x] A @alice\n- [x] B @bob\n"));
    walk.step(version("- [x] A @alice\n- [ ] B @bob\n", "alice", "c1"), [statesByKey(items("- [x] A @alice\n"))]);
    walk.fail("revision deleted");
    expect([...walk.finish("unused").values()]).toEqual([
      { kind: "gap", reason: "history inconsistent at c1" },
      { kind: "gap", reason: "revision deleted" },
    ]);
  });
});
