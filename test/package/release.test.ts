import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { destinationOf } from "../../src/init/plan.js";

/**
 * The release process (CONTRIBUTING.md → Releases): tag vX.Y.Z, move the major tag vX, so every
 * `uses: launchgate/launchgate@vN` that init writes or the docs show must name package.json's major.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const { version } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
const major = `v${version.split(".")[0]}`;

function textFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true })
    .map(String)
    .filter((name) => /\.(md|markdown|ya?ml|ts)$/.test(name))
    .map((name) => path.join(dir, name));
}

describe("the workflows' uses: line and the release process", () => {
  it("every launchgate/launchgate@vN in templates, docs, README and sources names package.json's major", () => {
    const files = [
      "README.md",
      "CHANGELOG.md",
      "CONTRIBUTING.md",
      ...textFiles("templates"),
      ...textFiles("docs"),
      ...textFiles("src"),
    ];
    const refs: string[] = [];
    for (const file of files) {
      for (const match of readFileSync(path.join(ROOT, file), "utf8").matchAll(
        /launchgate\/launchgate(?:\/site)?@(v\d+)\b/g,
      )) {
        refs.push(`${file}: ${match[0]}`);
        expect(match[1], `${file}: ${match[0]}`).toBe(major);
      }
    }
    expect(refs.filter((ref) => ref.startsWith("templates/workflows/")).length).toBeGreaterThanOrEqual(4);
  });

  it("CONTRIBUTING's release steps move the major tag, commit dist/ and ship the licence notices", () => {
    const releases = readFileSync(path.join(ROOT, "CONTRIBUTING.md"), "utf8").split("## Releases")[1] ?? "";
    expect(releases).toMatch(/git tag -f v(X|\d+) /);
    expect(releases).toContain("dist/");
    expect(releases).toContain("THIRD-PARTY-NOTICES.md");
    expect(releases).toContain("npm pack");
  });
});

describe("README", () => {
  it("its workflow table names the files init writes", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const written = readdirSync(path.join(ROOT, "templates", "workflows"))
      .map((name) => destinationOf(`workflows/${name}`))
      .filter((dest): dest is string => dest !== null);
    expect(written.length).toBe(3);
    for (const dest of written) expect(readme).toMatch(new RegExp(`^\\| \\[\`${dest.replaceAll(".", "\\.")}\``, "m"));
  });
});
