import { describe, expect, it } from "vitest";
import { parseChecklist } from "../../src/checklist/parse.js";
import type { ChecklistDocument } from "../../src/checklist/types.js";
import { withBaseAuthority } from "../../src/gates/base-authority.js";

const doc = (markdown: string) => parseChecklist(markdown, "gate.md");
const withItems = (d: ChecklistDocument, patch: Partial<ChecklistDocument["items"][number]>) => ({
  ...d,
  items: d.items.map((i) => ({ ...i, ...patch })),
});

describe("withBaseAuthority", () => {
  it("keeps the base's owners and required state for the same item, whatever the head's reading says", () => {
    const base = doc("- [ ] Load test @bob\n");
    // A head whose reading lost the owner and gained (optional), with the same identity.
    const head = withItems(doc("- [x] Load test @bob\n"), { owners: [], optional: true });
    expect(withBaseAuthority(head, base).items[0]).toMatchObject({ owners: ["bob"], optional: false, checked: true });
  });

  it("adds the head's owners to the base's: a PR can add an owner, never remove one", () => {
    const base = doc("- [ ] Load test @bob\n");
    const head = withItems(doc("- [ ] Load test @bob\n"), { owners: ["bob", "carol"] });
    expect(withBaseAuthority(head, base).items[0]?.owners).toEqual(["bob", "carol"]);
  });

  it("an item optional in the base may become required, and new items keep their own facts", () => {
    const base = doc("- [ ] Docs (optional)\n");
    const head = withItems(doc("- [ ] Docs (optional)\n- [ ] New @dave\n"), {});
    const required = {
      ...head,
      items: [{ ...(head.items[0] as ChecklistDocument["items"][number]), optional: false }, head.items[1]],
    };
    const out = withBaseAuthority(required as ChecklistDocument, base);
    expect(out.items.map((i) => [i.optional, i.owners])).toEqual([
      [false, []],
      [false, ["dave"]],
    ]);
  });

  it("without a base (a gate new on the PR branch) the head stands", () => {
    const head = doc("- [ ] x @a\n");
    expect(withBaseAuthority(head, undefined)).toBe(head);
  });
});
