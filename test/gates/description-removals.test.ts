import { describe, expect, it } from "vitest";
import { parseChecklist } from "../../src/checklist/parse.js";
import { descriptionRemovals, type Revision } from "../../src/gates/description-removals.js";

const items = (md: string) => parseChecklist(md, "PR description", { frontMatter: false }).items;
const rev = (md: string | null, editor: string, where = editor): Revision => ({
  items: md === null ? null : items(md),
  editor,
  where,
});
const A = "- [ ] A @alice\n";
const B = "- [ ] B @bob\n";

describe("descriptionRemovals", () => {
  it("an owned required item gone now was removed by the editor of the first revision without it", () => {
    const removals = descriptionRemovals([rev(A + B, "carol"), rev(B, "mallory"), rev(B, "bob")], items(B));
    expect(removals.map((r) => [r.item.text, r.by])).toEqual([["A @alice", { login: "mallory", where: "mallory" }]]);
  });

  it("an item removed and restored is not removed; removed again, the last removal counts", () => {
    expect(descriptionRemovals([rev(A + B, "carol"), rev(B, "m1"), rev(A + B, "m2")], items(A + B))).toEqual([]);
    const again = descriptionRemovals([rev(A + B, "c"), rev(B, "m1"), rev(A + B, "m2"), rev(B, "m3")], items(B));
    expect(again.map((r) => r.by)).toEqual([{ login: "m3", where: "m3" }]);
  });

  it("unowned and optional items may go; a removal next to an unreadable revision is a gap", () => {
    expect(descriptionRemovals([rev("- [ ] x\n- [ ] y (optional) @a\n", "c"), rev("- [ ] z\n", "m")], [])).toEqual([]);
    const gap = descriptionRemovals([rev(A + B, "c"), rev(null, "m"), rev(B, "b")], items(B));
    expect(gap[0]?.by).toMatchObject({ gap: expect.stringMatching(/cannot be read/) });
  });
});
