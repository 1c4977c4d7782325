import { describe, expect, it } from "vitest";
import { decodeDocument, MAX_DOCUMENT_BYTES, MAX_NESTING } from "../../src/checklist/input.js";
import { extractOwners, normalizeOwner } from "../../src/checklist/owners.js";
import { parseChecklist } from "../../src/checklist/parse.js";
import { inputErrorOf } from "../support/input-error.js";

const items = (markdown: string) => parseChecklist(markdown, "gate.md").items;
const only = (markdown: string) => {
  const [item, ...rest] = items(markdown);
  expect(rest).toEqual([]);
  if (!item) throw new Error("no item");
  return item;
};

/** The one-line message an InputError thrown by `fn` prints. */
const inputError = (fn: () => unknown): string => inputErrorOf(fn).format();

describe("item text", () => {
  it("flattens inline markup and collapses whitespace", () => {
    expect(only("- [ ] **Run**  the `smoke` [tests](https://x.example)\n  on _staging_\n").text).toBe(
      "Run the smoke tests on staging",
    );
  });

  it("excludes nested lists from the parent's text", () => {
    expect(items("- [ ] parent\n  - [ ] child\n").map((i) => i.text)).toEqual(["parent", "child"]);
  });

  it("an empty checkbox has empty text", () => {
    expect(only("- [x] \n")).toMatchObject({ text: "", checked: true });
  });
});

describe("owners", () => {
  it("finds users and teams, lower-cased, without @, in order, once each", () => {
    expect(only("- [ ] Sign-off @Alice, @acme/Release-Managers and @alice\n").owners).toEqual([
      "alice",
      "acme/release-managers",
    ]);
  });

  it("e-mail addresses are not owners", () => {
    expect(only("- [ ] mail ops@example.com or a.b@c.io\n").owners).toEqual([]);
  });

  it("owners are read from the same text as the item's identity: code, emphasis and image alt text count", () => {
    expect(only("- [ ] Changelog `@alice`\n").owners).toEqual(["alice"]);
    expect(only("- [ ] Changelog @*alice*\n").owners).toEqual(["alice"]);
    expect(only("- [ ] Changelog ![@alice](x.png)\n").owners).toEqual(["alice"]);
    expect(only("- [ ] Changelog **@al**ice\n").owners).toEqual(["alice"]);
    expect(only("- [ ] run `npm publish @scope/pkg` then ping @bob\n").owners).toEqual(["scope/pkg", "bob"]);
  });

  it("compatibility forms (full-width ＠ and letters) are the same login", () => {
    expect(only("- [ ] Changelog ＠alice\n").owners).toEqual(["alice"]);
    expect(only("- [ ] Changelog @ａｌｉｃｅ\n").owners).toEqual(["alice"]);
    expect(only("- [ ] Changelog ＠ａｃｍｅ／ｒｍ\n").owners).toEqual(["acme/rm"]);
  });

  it("a mention that is not an ASCII login is an input error naming the line, never an item without owners", () => {
    expect(inputError(() => items("# G\n\n- [ ] Changelog @аlice\n"))).toMatch(
      /^gate\.md:3: "@аlice" looks like an @mention/,
    );
    expect(inputError(() => items("- [ ] Changelog @\u200balice\n"))).toMatch(/looks like an @mention/);
    expect(inputError(() => items("- [ ] Changelog @alicé\n"))).toMatch(/looks like an @mention/);
    expect(only("- [ ] Mail jürgen@example.com, ping @bob\n").owners).toEqual(["bob"]);
  });

  it("a waiver's reason never adds owners; text between the strike and N/A: is the item's", () => {
    const waived = only("- [x] ~~Load test @alice~~ N/A: agreed with @mallory\n");
    expect(waived).toMatchObject({ owners: ["alice"], text: "Load test @alice", waived: true });
    const between = only("- [x] ~~Load test~~ @alice N/A: agreed with @mallory\n");
    expect(between).toMatchObject({ owners: ["alice"], text: "Load test @alice", waived: true });
  });

  it("link targets are not owners, link texts are", () => {
    expect(only("- [ ] [@carol](https://github.com/@dave)\n").owners).toEqual(["carol"]);
  });

  it("extractOwners rejects invalid user names", () => {
    expect(extractOwners("@-bad @bad- @a--b @ok @x/y")).toEqual(["ok", "x/y"]);
    expect(extractOwners(`@${"a".repeat(40)} @${"b".repeat(39)}`)).toEqual(["b".repeat(39)]);
    expect(normalizeOwner(" @Alice ")).toBe("alice");
  });
});

describe("optional and waived", () => {
  it("(optional) marks an item optional, case-insensitively", () => {
    expect(only("- [ ] Load test (Optional)\n").optional).toBe(true);
    expect(only("- [ ] Load test\n").optional).toBe(false);
  });

  it("a ticked, struck-through item with an N/A reason is waived; its text is the struck part", () => {
    expect(only("- [x] ~~Feature freeze~~ N/A: SaaS, no freeze window\n")).toMatchObject({
      text: "Feature freeze",
      checked: true,
      waived: true,
      waiverReason: "SaaS, no freeze window",
      waiverMissingReason: false,
    });
  });

  it("struck through without a reason is not a waiver", () => {
    expect(only("- [x] ~~Feature freeze~~\n")).toMatchObject({ waived: false, waiverMissingReason: true });
    expect(only("- [x] ~~Feature freeze~~ N/A:\n")).toMatchObject({ waived: false, waiverMissingReason: true });
  });

  it("struck through but unticked is neither waived nor a missing-reason waiver", () => {
    expect(only("- [ ] ~~Feature freeze~~ N/A: later\n")).toMatchObject({
      waived: false,
      waiverMissingReason: false,
      waiverReason: "later",
    });
  });

  it("strike-through later in the text is no waiver", () => {
    expect(only("- [x] Freeze ~~now~~ N/A: x\n")).toMatchObject({ waived: false, waiverMissingReason: false });
  });
});

describe("structure", () => {
  const doc = parseChecklist(
    "# Title\n\n## TASK 1\n\n- [ ] one\n  - plain\n    - [x] two\n      - [ ] three\n\n### Sub\n\n- [ ] four\n\n## TASK 2\n- [ ] five\n",
    "gate.md",
  );

  it("records 1-based line and column", () => {
    expect(doc.items.map((i) => [i.line, i.column])).toEqual([
      [5, 1],
      [7, 5],
      [8, 7],
      [12, 1],
      [15, 1],
    ]);
  });

  it("records the heading path above each item", () => {
    expect(doc.items.map((i) => i.headings)).toEqual([
      ["Title", "TASK 1"],
      ["Title", "TASK 1"],
      ["Title", "TASK 1"],
      ["Title", "TASK 1", "Sub"],
      ["Title", "TASK 2"],
    ]);
    expect(doc.firstHeading).toBe("Title");
  });

  it("records list depth and the nearest enclosing task item (plain bullets are skipped)", () => {
    expect(doc.items.map((i) => [i.depth, i.parent])).toEqual([
      [0, null],
      [2, 5],
      [3, 7],
      [0, null],
      [0, null],
    ]);
  });

  it("setext headings and inline markup in headings count", () => {
    expect(only("Release **v2**\n============\n\n- [ ] a\n").headings).toEqual(["Release v2"]);
  });

  it("an ordered list right after a marker that ends its line is nested in that item", () => {
    const [outer, inner, next] = items("- [x] \n  2. [ ] nested @bob\n- [ ] next\n");
    expect(outer).toMatchObject({ line: 1, checked: true, text: "", owners: [], depth: 0 });
    expect(inner).toMatchObject({ line: 2, column: 3, checked: false, text: "nested @bob", depth: 1, parent: 1 });
    expect(inner?.owners).toEqual(["bob"]);
    expect(next).toMatchObject({ line: 3, text: "next", parent: null });
  });

  it("items in a re-read ordered list (after indented code) keep document lines and parents", () => {
    const [outer, inner] = items("- [ ] outer\n\n      code\n\n  3. [x] inner\n");
    expect(outer).toMatchObject({ line: 1, depth: 0 });
    expect(inner).toMatchObject({ line: 5, column: 3, checked: true, text: "inner", depth: 1, parent: 1 });
  });
});

describe("re-reading like cmark-gfm is bounded", () => {
  it("refuses a document whose empty markers would need quadratic re-reading, naming the line", () => {
    expect(inputError(() => items("- [ ] \n\n  text\n".repeat(400)))).toMatch(
      /^gate\.md:\d+: too many ambiguous task markers .* — write each item's text on the line of its/,
    );
  });

  it("a few such items are read like github.com does", () => {
    expect(items("- [ ] \n\n  text\n".repeat(3)).map((i) => [i.line, i.text])).toEqual([
      [1, ""],
      [4, ""],
      [7, ""],
    ]);
  });
});

describe("decodeDocument refuses what is not a UTF-8 text document", () => {
  const decode = (bytes: Uint8Array) => () => decodeDocument(bytes, "f.md");

  it("empty, NUL, invalid UTF-8 (with its line), too large", () => {
    expect(inputError(decode(new Uint8Array()))).toMatch(/^f\.md: empty file/);
    expect(inputError(decode(Buffer.from("- [ ] a\n\0")))).toMatch(/^f\.md:2: binary file/);
    expect(inputError(decode(Buffer.from("a\n\nb\xff\n", "latin1")))).toMatch(/^f\.md:3: not valid UTF-8/);
    expect(inputError(decode(Buffer.from("a\nb\n\xff", "latin1")))).toMatch(/^f\.md:3: not valid UTF-8/);
    expect(inputError(decode(Buffer.from("\0- [ ] a\n")))).toMatch(/^f\.md:1: binary file/);
    expect(inputError(decode(new Uint8Array(11 * 1024 * 1024).fill(0x61)))).toMatch(/^f\.md: file is 11\.0 MB/);
  });

  it("takes a document of exactly the size limit and refuses one byte more, before parsing", () => {
    const gate = (bytes: number) => {
      const text = `${"- [ ] an item of a long gate @alice\n".repeat(Math.ceil(bytes / 36))}`.slice(0, bytes - 1);
      return Buffer.from(
        `${text.replace(/[^\n]*$/, "")}${"x".repeat(bytes - 1 - text.replace(/[^\n]*$/, "").length)}\n`,
      );
    };
    expect(MAX_DOCUMENT_BYTES).toBe(48 * 1024);
    expect(gate(MAX_DOCUMENT_BYTES).byteLength).toBe(MAX_DOCUMENT_BYTES);
    expect(decode(gate(MAX_DOCUMENT_BYTES))).not.toThrow();
    expect(inputError(decode(gate(MAX_DOCUMENT_BYTES + 1)))).toBe(
      "f.md: file is 49 KiB; gate documents are limited to 48 KiB — split it into several gate documents",
    );
  });

  it("refuses nesting deeper than the limit, on one line or by indentation", () => {
    const deep = MAX_NESTING + 5;
    expect(inputError(decode(Buffer.from(`${"- ".repeat(deep)}[ ] x\n`)))).toMatch(/^f\.md:1: lists or quotes nested/);
    expect(inputError(decode(Buffer.from(`${"> ".repeat(deep)}x\n`)))).toMatch(/^f\.md:1: lists or quotes nested/);
    const indented = Array.from({ length: deep }, (_, i) => `${"  ".repeat(i)}- [ ] ${i}`).join("\n");
    expect(inputError(decode(Buffer.from(indented)))).toMatch(/^f\.md:\d+: lists or quotes nested/);
  });

  it("accepts a BOM and CRLF and keeps the text", () => {
    expect(decodeDocument(Buffer.from("\uFEFF- [ ] a\r\n"), "f.md")).toBe("- [ ] a\r\n");
  });
});
