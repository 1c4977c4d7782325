import { describe, expect, it } from "vitest";
import {
  branchFromSymref,
  originFromGitConfig,
  ownerRepoFromUrl,
  pagesUrl,
  repoInfo,
} from "../../src/init/repo-info.js";

describe("repo info from .git", () => {
  it("reads branches from symbolic refs", () => {
    expect(branchFromSymref("ref: refs/heads/main\n")).toBe("main");
    expect(branchFromSymref("ref: refs/remotes/origin/release/2.x\n")).toBe("release/2.x");
    expect(branchFromSymref("4b825dc642cb6eb9a060e54bf8d69288fbee4904\n")).toBeNull();
    expect(branchFromSymref(null)).toBeNull();
  });

  it.each([
    ["https://github.com/acme/widget.git", "acme", "widget"],
    ["https://github.com/acme/widget", "acme", "widget"],
    ["git@github.com:acme/widget.git", "acme", "widget"],
    ["ssh://git@github.com:22/acme/my.repo.git", "acme", "my.repo"],
    ["https://x-access-token:abc@github.example.com/acme/widget/", "acme", "widget"],
  ])("parses the remote URL %s", (url, owner, repo) => {
    expect(ownerRepoFromUrl(url)).toEqual({ owner, repo });
  });

  it("takes the url of remote origin only", () => {
    const config = [
      "[core]",
      "\tbare = false",
      '[remote "upstream"]',
      "\turl = https://github.com/upstream/widget.git",
      '[remote "origin"]',
      "\tfetch = +refs/heads/*:refs/remotes/origin/*",
      "\turl = git@github.com:fork/widget.git",
    ].join("\n");
    expect(originFromGitConfig(config)).toEqual({ owner: "fork", repo: "widget" });
    expect(originFromGitConfig("[core]\n\tbare = false\n")).toBeNull();
  });

  it("prefers origin/HEAD over the checked-out branch, and falls back to main", () => {
    const head = "ref: refs/heads/feature\n";
    expect(repoInfo({ originHead: "ref: refs/remotes/origin/trunk\n", head, config: null })).toMatchObject({
      defaultBranch: "trunk",
      branchSource: "origin/HEAD",
    });
    expect(repoInfo({ originHead: null, head, config: null })).toMatchObject({
      defaultBranch: "feature",
      branchSource: "HEAD",
    });
    expect(repoInfo({ originHead: null, head: null, config: null })).toEqual({
      defaultBranch: "main",
      branchSource: "default",
      owner: null,
      repo: null,
    });
  });

  it("builds the Pages URL, including user/org sites", () => {
    expect(pagesUrl("Acme", "widget")).toBe("https://acme.github.io/widget/");
    expect(pagesUrl("Acme", "acme.github.io")).toBe("https://acme.github.io/");
  });
});
