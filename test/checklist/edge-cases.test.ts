import { describe, expect, it } from "vitest";
import { parseChecklist } from "../../src/checklist/parse.js";

/** (line, checked) pairs of a PR/issue body; "x" = ticked, "o" = unticked. */
const boxes = (markdown: string, frontMatter = false) =>
  parseChecklist(markdown, "doc.md", { frontMatter })
    .items.map((i) => `${i.line}${i.checked ? "x" : "o"}`)
    .join(" ");

/** The classic checkbox edge cases, each with what github.com renders. */
const CASES: [name: string, markdown: string, expected: string][] = [
  ["dash bullet", "- [ ] a\n", "1o"],
  ["star bullet", "* [x] a\n", "1x"],
  ["plus bullet", "+ [ ] a\n", "1o"],
  ["capital X ticks", "- [X] a\n", "1x"],
  ["no space after marker: text", "- [ ]foo\n", ""],
  ["marker alone: text", "- [ ]\n", ""],
  ["marker and trailing space: empty checkbox", "- [ ] \n", "1o"],
  ["ticked marker and trailing tab: empty checkbox", "- [x]\t\n", "1x"],
  ["two spaces inside: text", "- [  ] a\n", ""],
  ["[y] is no tick", "- [y] a\n", ""],
  ["empty brackets", "- [] a\n", ""],
  ["tab between brackets", "- [\t] a\n", ""],
  ["backtick fence", "```\n- [ ] a\n```\n- [x] b\n", "4x"],
  ["tilde fence with info", "~~~md\n- [ ] a\n~~~\n", ""],
  ["unclosed fence hides the rest", "```\n- [ ] a\n\n- [ ] b\n", ""],
  ["indented code", "text\n\n    - [ ] a\n", ""],
  ["HTML comment block", "<!--\n- [ ] a\n-->\n- [ ] b\n", "4o"],
  [
    "mid-line <!-- hides nothing: the next item starts a new block",
    "- [ ] a <!-- x\n- [ ] b\n-->\n- [x] c\n",
    "1o 2o 4x",
  ],
  ["<!-- opening a line starts a comment block", "- [ ] a\n<!-- x\n- [ ] b\n-->\n- [x] c\n", "1o 5x"],
  ["HTML block", "<div>\n- [ ] a\n</div>\n", ""],
  ["HTML block ended by a blank line", "<div>\n\n- [x] a\n\n</div>\n", "3x"],
  ["details", "<details>\n<summary>More</summary>\n\n- [ ] a\n\n</details>\n", "4o"],
  ["table cell", "| a |\n| - |\n| - [ ] b |\n", ""],
  ["nested under a plain bullet", "- plain\n  - [ ] a\n    - [x] b\n", "2o 3x"],
  ["setext heading underline", "- [ ] a\n\nTitle\n---\n- [x] b\n", "1o 5x"],
  ["setext underline is no item", "Title\n=====\n- [ ] a\n", "3o"],
  ["escaped bracket", "- \\[ ] a\n- \\[x] b\n", ""],
  ["escaped bullet", "\\- [ ] a\n", ""],
  ["ordered with dot", "1. [ ] a\n2. [x] b\n", "1o 2x"],
  ["ordered with paren", "1) [X] a\n", "1x"],
  ["ordered list not at 1 after indented code", "    code\n\n3. [x] a\n", "3x"],
  ["ordered list not at 1 after a bare marker", "- [x] \n  2. [ ] a\n", "1x 2o"],
  ["bare marker: a blank line ends the item", "1. [x] \n\n     b\n    * [X] c\n", "1x"],
  ["bare marker: a less indented line ends the item", "  +  [ ]\t\n    10) [ ] b\n- [x] c\n", "1o 3x"],
  ["CRLF", "- [ ] a\r\n- [x] b\r\n", "1o 2x"],
  ["CR only", "- [ ] a\r- [x] b\r", "1o 2x"],
  ["BOM", "\uFEFF- [x] a\n", "1x"],
  ["tab after bullet", "-\t[ ] a\n", "1o"],
  ["tab-indented nested item", "- [ ] a\n\t- [x] b\n", "1o 2x"],
  ["blockquote", "> - [ ] a\n> > - [x] b\n", "1o 2x"],
  ["quote opening on a list item's line (cmark-gfm 0.29: text)", "- >2. [ ] \n0) >1. [x] a\n", "1o 2x"],
  ["lazy continuation is text", "- [ ] a\nb - [ ] c\n", "1o"],
  ["bullet interrupts a paragraph", "text\n- [ ] a\n", "2o"],
  ["ordered not at 1 cannot interrupt a paragraph", "text\n2. [ ] a\n", ""],
  ["marker on a later paragraph line is text", "- a\n  [ ] b\n", ""],
  ["[x] later in the text does not tick", "- [ ] deploy [x] later\n", "1o"],
  ["link after the marker", "- [ ] [docs](https://x.example)\n", "1o"],
  ["marker that is a link", "- [x](https://x.example) a\n", ""],
  ["thematic break between", "- [ ] a\n***\n- [x] b\n", "1o 3x"],
  ["loose list", "- [ ] a\n\n- [x] b\n", "1o 3x"],
  ["NBSP after the marker", "- [ ]\u00a0a\n", ""],
];

/**
 * Minimal documents where the differential test (other fast-check seeds) found us disagreeing
 * with cmark-gfm; each expectation is cmark-gfm's answer.
 */
const DIFFERENTIAL_REGRESSIONS: [name: string, markdown: string, expected: string][] = [
  ["a line end between the brackets is no marker", "- [\n] x\n", ""],
  ["bare marker, then an indented empty item (remark: setext underline)", "- [ ] \n\t-\n", "1o"],
  ["bare marker, then `=` (remark: setext heading)", "- [ ] \n  =\n", "1o"],
  ["bare marker, text, underline", "- [x] \n  a\n  -\n", "1x"],
  ["bare marker, then a thematic break", "- [x]\t\n  ---\n", "1x"],
  ["bare marker, nested list not at 1, underline", "- [x] \n  2. [ ] b\n  -\n", "1x 2o"],
  ["bare marker in a nested quote, then an empty item", ">>- [ ] \n>>   -\n", "1o"],
  ["tab after a misread list marker in a quote: code, no checkbox", "]\n> 2.\t [ ] \n", ""],
  ["misread list in a tab-indented item: columns, not characters", "*   \to\n\t0) ]\n   0) [ ] \n", "3o"],
  ["misread empty item in a quote: a lazy line does not join it", "i\n>0)\n\t* [ ] \n", ""],
  ["misread list: its item goes on after a blank line", "    o\n0) o\n\n    * [ ] \n", "4o"],
  ["empty item kept open by a line of spaces to its content column", "2.\n   \n\t2. [ ] ", "3o"],
  ["empty item: an unindented blank line ends it", "-\n  \n\n    - [ ] x\n", ""],
  ["empty item: several indented whitespace lines", "-\n  \n  \n    - [ ] x\n", "4o"],
  ["empty item in a quote kept open", "> -\n>   \n>     - [ ] x\n", "3o"],
  ["bare marker kept open by a line of spaces", "- [ ] \n  \n    - [ ] x\n", "1o 3o"],
  ["empty bullet misread as a paragraph after indented code", "    n\n-\n\t1) [ ] ", "3o"],
  ["empty bullet after indented code, then a list not at 1", "\te\n*\n2. [ ] ", "3o"],
  ["empty bullet in a nested quote after a paragraph", "[\n>>-\n>>     1) [ ] ", "3o"],
  ["bare marker: a line ending its container ends it for the lines after too", "*\n  1) [ ] \nn\n    - [ ] ", "2o"],
  ["bare marker: after the container ended, a new item", "*\n  1) [ ] \nn\n\n  - [x] a\n- [ ] b\n", "2o 5x 6o"],
  ["misread empty item in a nested quote: the outer quote's next line is not re-read", "n\n>>2.\n>* [ ] ", "3o"],
  ["misread empty bullet in a nested quote, then an outer item", "n\n>>-\n>* [ ] ", "3o"],
  ["misread empty item in a nested quote: a lazy line is read in the outer quote", "n\n>>2.\n>     + [ ] ", ""],
  [
    "bare marker in a quote: a line ending the item's list ends it there too",
    "> *\n>   1) [ ] \n> n\n>     - [ ] ",
    "2o",
  ],
  ["bare marker, then an empty bullet: a nested list (remark: paragraph text)", "+ [ ] \n  *\n  0) [ ] ", "1o 3o"],
  ["misread empty item on its parent's bullet line", "1. b\n\t* 2.\n      0) [ ] ", "3o"],
  [
    "misread list after code in a quoted item: a lazy line stays in the quote",
    ">     a\n>    +  2. next\n>     +   [X] b",
    "",
  ],
  [
    "bare marker: a line without the outer item's columns ends it (tab: 4 columns)",
    "  2.\n     1) [ ] \n\tn\n     * [ ] ",
    "2o",
  ],
  ["task item whose text starts like a list item (was: endless re-reading)", "- [ ] 2. x\n- [x] - y\n", "1o 2x"],
  ["task item whose text is a bullet", "1) [ ] *\n", "1o"],
  [
    "bare marker, then a list: the item's later lines are that list's (remark: indented code)",
    "- [X] \n   2. - sub\n\n          -  [ ] c\n",
    "1x 4o",
  ],
  // Each `>` takes the space after it on its own line, whatever the quote's first line had.
  ["quote after a paragraph: an empty bullet, then a nested item", "x\n>-  \n>      1) [x] b\n", "3x"],
  ["the same with tabs after `>` and the bullet", "x\n>-\t\n>\t   1) [x] b\n", "3x"],
  // A lazy line keeps the outer quotes it does have: it is no block of its own in the re-read.
  ["lazy line of an outer quote after a misread list", ">       # h\n> > 1. 2. two\n>\t   + [ ] a\n", ""],
  [
    "lazy line after a misread list in a nested quote",
    "    [x] b\n>>      a\n> >   - 2. two\n    1) a\n>      - [ ] a\n",
    "",
  ],
];

describe("classic checkbox edge cases (as github.com renders them)", () => {
  it("covers at least 30 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)("%s", (_name, markdown, expected) => {
    expect(boxes(markdown)).toBe(expected);
  });
});

describe("differences from cmark-gfm found by the differential test", () => {
  it.each(DIFFERENTIAL_REGRESSIONS)("%s", (_name, markdown, expected) => {
    expect(boxes(markdown)).toBe(expected);
  });
});

describe("front matter", () => {
  const doc = "---\ntitle: Gate\n---\n- [ ] a\n";

  it("items inside front matter are not checkboxes", () => {
    expect(boxes("---\ntitle: x\n# - [ ] in yaml comment\n---\n- [x] real\n", true)).toBe("5x");
  });

  it("in a file, leading --- opens front matter: its YAML comes back unread, with the line it starts on", () => {
    expect(parseChecklist(doc, "gate.md").frontMatterBlock).toEqual({ yaml: "title: Gate", line: 2 });
  });

  it("the checklist reader does not judge front matter: YAML no gate accepts comes back as it is", () => {
    const parsed = parseChecklist("\uFEFF---\ntitel: [unclosed\n---\n- [ ] a\n", "gate.md");
    expect(parsed.frontMatterBlock).toEqual({ yaml: "titel: [unclosed", line: 2 });
    expect(parsed.items.map((i) => i.line)).toEqual([4]);
  });

  it("in a PR body (frontMatter: false), --- is a thematic break / setext underline, not front matter", () => {
    const parsed = parseChecklist("---\n- [ ] a\n---\n- [x] b\n", "pr", { frontMatter: false });
    expect(parsed.frontMatterBlock).toBeNull();
    expect(parsed.items.map((i) => [i.line, i.checked, i.headings])).toEqual([
      [2, false, []],
      [4, true, []],
    ]);
  });

  it("a PR body with YAML-looking text between --- lines keeps its items", () => {
    expect(boxes("---\ntitle: x\n- [ ] in dashes\n---\n", false)).toBe("3o");
  });
});
