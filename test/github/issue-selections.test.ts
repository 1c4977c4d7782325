import { describe, expect, it } from "vitest";
import { mergeSelections } from "../../src/github/issue-selections.js";
import { noIssues, type SweptIssues } from "../../src/github/issues-sweep.js";
import type { RestComment, RestIssue, RestIssueEvent } from "../../src/model/rest.js";

const URL = "https://api.github.com/repos/acme/shop/issues";

/** A selection's issues `from`..`to`, each with `comments` comments and one event, tagged with `tag`. */
function part(from: number, to: number, comments: number, tag: string): SweptIssues {
  const out = noIssues();
  out.requests = 1;
  for (let n = from; n <= to; n++) {
    out.issues.push({ number: n, title: `${tag} ${n}` } as RestIssue);
    for (let k = 0; k < comments; k++)
      out.comments.push({ id: n * 10 + k, issue_url: `${URL}/${n}`, body: tag } as unknown as RestComment);
    out.events.push({ id: n, event: "labeled", issue: { number: n } } as unknown as RestIssueEvent);
  }
  return out;
}

describe("mergeSelections", () => {
  it("keeps an issue in two selections once, with the comments and events of its first copy", () => {
    const merged = mergeSelections([part(1, 3, 2, "open"), part(3, 4, 1, "breached")]);
    expect(merged.issues.map((i) => [i.number, i.title])).toEqual([
      [1, "open 1"],
      [2, "open 2"],
      [3, "open 3"],
      [4, "breached 4"],
    ]);
    expect(merged.comments.map((c) => [c.issue_url.split("/").at(-1), c.body])).toEqual([
      ["1", "open"],
      ["1", "open"],
      ["2", "open"],
      ["2", "open"],
      ["3", "open"],
      ["3", "open"],
      ["4", "breached"],
    ]);
    expect(merged.events.map((e) => e.issue?.number)).toEqual([1, 2, 3, 4]);
    expect(merged.requests).toBe(2);
  });

  it("merges the 75,000 open issues of a 100,000-issue repository (225,000 comments) without overflowing the stack", () => {
    const merged = mergeSelections([part(1, 75_000, 3, "open"), part(75_001, 75_010, 3, "breached")]);
    expect(merged.issues).toHaveLength(75_010);
    expect(merged.comments).toHaveLength(225_030);
    expect(merged.events).toHaveLength(75_010);
  });
});
