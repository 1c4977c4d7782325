import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// Structural rules of the GitHub layer, read from the source: where GitHub is lives in one place,
// only src/github/ talks to Octokit, and GraphQL goes through octokit.graphql.
const root = join(import.meta.dirname, "../..");
const files = readdirSync(join(root, "src"), { recursive: true, encoding: "utf8" })
  .filter((name) => name.endsWith(".ts"))
  .map((name) => {
    const path = relative(root, join(root, "src", name)).replaceAll("\\", "/");
    // Whole-line comments may say "as github.com renders it"; code may not name the host.
    const code = readFileSync(join(root, path), "utf8")
      .split("\n")
      .map((line, i) => ({ line: i + 1, text: /^\s*(\/\/|\/\*|\*)/.test(line) ? "" : line }));
    return { path, code };
  });

function offences(test: (text: string) => boolean, allowed: (path: string) => boolean): string[] {
  return files
    .filter((f) => !allowed(f.path))
    .flatMap((f) => f.code.filter((l) => test(l.text)).map((l) => `${f.path}:${l.line}: ${l.text.trim()}`));
}

describe("the GitHub layer's boundaries", () => {
  it("names github.com nowhere in code but as the default API URL (src/github/endpoints.ts)", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(
      offences(
        (t) => /github\\?\.com/i.test(t),
        (p) => p === "src/github/endpoints.ts",
      ),
    ).toEqual([]);
  });

  it("lets only src/github/ use Octokit or @actions/github's client", () => {
    const octokit = (t: string) => /@octokit\/|\boctokit\b|from "@actions\/github"/.test(t);
    // The Action's context imports @actions/github for its event context only (a type and a dynamic import).
    const allowed = (p: string) => p.startsWith("src/github/") || p === "src/action/context.ts";
    expect(offences(octokit, allowed)).toEqual([]);
  });

  it("posts GraphQL only through octokit.graphql (no request to a GraphQL URL by hand)", () => {
    expect(
      offences(
        (t) => /\burl:\s*[\w.]*graphqlUrl\b/.test(t),
        () => false,
      ),
    ).toEqual([]);
  });
});
