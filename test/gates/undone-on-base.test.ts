import { describe, expect, it } from "vitest";
import { parseChecklist } from "../../src/checklist/parse.js";
import { type Attribution, signoffsNeeded, statesByKey } from "../../src/gates/signoff.js";
import { creditedCommits, undoneOnBase, withUndoneOnBase } from "../../src/gates/undone-on-base.js";

const doc = (md: string) => parseChecklist(md, "gate.md").items;
const head = doc(
  "- [x] Changelog @alice\n- [x] Load test @bob\n- [x] ~~Freeze @dave~~ N/A: no freeze\n- [x] New @erin\n",
);
const base = statesByKey(doc("- [ ] Changelog @alice\n- [x] Load test @bob\n- [x] ~~Freeze @dave~~ N/A: other\n"));
const requests = signoffsNeeded(head, []);
const keyOf = (line: number) => requests.find((r) => r.item.line === line)?.key as string;
const change = (sha: string, extra: Partial<Attribution> = {}): Attribution =>
  ({ kind: "change", login: "alice", where: sha.slice(0, 7), sha, ...extra }) as Attribution;

describe("undoneOnBase", () => {
  it("applies to owned items the base has in another state (unticked, another waiver), not to agreeing or new ones", () => {
    expect(undoneOnBase(requests, base).map((r) => r.item.line)).toEqual([1, 3]);
    expect(undoneOnBase(requests, undefined)).toEqual([]);
  });
});

describe("withUndoneOnBase", () => {
  const undone = undoneOnBase(requests, base);
  const attributions = new Map<string, Attribution>([
    [keyOf(1), change("a".repeat(40))],
    [keyOf(2), change("b".repeat(40), { login: "bob" })],
    [keyOf(3), change("c".repeat(40), { login: "dave" })],
  ]);

  it("asks only about commits credited with an undone item by a vouched-for signer", () => {
    expect(creditedCommits(undone, attributions)).toEqual(["a".repeat(40), "c".repeat(40)]);
    const unsigned = new Map([[keyOf(1), change("d".repeat(40), { unverified: "not signed" })]]);
    expect(creditedCommits(undone, unsigned)).toEqual([]);
  });

  it("keeps a sign-off made in one of the PR's own commits", () => {
    expect(withUndoneOnBase(undone, base, attributions, () => true)).toEqual(attributions);
  });

  it("turns a sign-off from a commit the base already has into a gap that says what to do", () => {
    const out = withUndoneOnBase(undone, base, attributions, () => false);
    expect(out.get(keyOf(1))).toEqual({
      kind: "gap",
      reason:
        "ticked by @alice in aaaaaaa, but that commit is not part of this PR and the base branch has this item unticked since; tick it again on this PR",
    });
    expect(out.get(keyOf(3))).toMatchObject({
      kind: "gap",
      reason: expect.stringMatching(/^waived by @dave in ccccccc, .*waived with another reason since; waive it again/),
    });
    // Not undone on the base: untouched, even when its commit is not the PR's.
    expect(out.get(keyOf(2))).toEqual(attributions.get(keyOf(2)));
  });

  it("fails closed when it cannot tell whether the commit is the PR's", () => {
    const out = withUndoneOnBase(undone, base, attributions, () => "HTTP 502");
    expect(out.get(keyOf(1))).toMatchObject({
      kind: "gap",
      reason: expect.stringMatching(/is unknown \(HTTP 502\); tick it again on this PR, or re-run the check$/),
    });
  });
});
