import { describe, expect, it } from "vitest";
import { parseChecklist } from "../../src/checklist/parse.js";

const parse = (md: string) => parseChecklist(md, "gate.md").items;

describe("parseChecklist", () => {
  it("reads line, state, text and heading path of each task item", () => {
    const items = parse("# TASK 1 — Ready\n\n## Checks\n\n- [x] CI **green**\n- [ ] Backups `tested`\n");
    expect(items.map((i) => [i.line, i.checked, i.text, i.headings])).toEqual([
      [5, true, "CI green", ["TASK 1 — Ready", "Checks"]],
      [6, false, "Backups tested", ["TASK 1 — Ready", "Checks"]],
    ]);
  });

  it("extracts owners, optional marker and waivers", () => {
    const [owned, optional, waived, noReason] = parse(
      "- [ ] Sign-off @Alice and @acme/release-managers, not a@b.com\n- [ ] Extra (optional)\n- [x] ~~Freeze~~ N/A: SaaS has no freeze\n- [x] ~~Dark launch~~\n",
    );
    expect(owned?.owners).toEqual(["alice", "acme/release-managers"]);
    expect(optional?.optional).toBe(true);
    expect(waived).toMatchObject({ text: "Freeze", waived: true, waiverReason: "SaaS has no freeze" });
    expect(noReason).toMatchObject({ text: "Dark launch", waived: false, waiverMissingReason: true });
  });
});
