import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The minified bundle drops the licence comments of the packages it contains, so their notices
 * ship in dist/THIRD-PARTY-NOTICES.md. Checked against the source maps, which name every input
 * file of the bundle independently of the metafile the notices are generated from.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const DIST = path.join(ROOT, "dist");
let notices: string;
let bundled: Set<string>;

beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: ROOT, stdio: "inherit" });
  notices = readFileSync(path.join(DIST, "THIRD-PARTY-NOTICES.md"), "utf8");
  bundled = new Set();
  for (const name of readdirSync(DIST, { recursive: true }).map(String)) {
    if (!name.endsWith(".js.map")) continue;
    const { sources } = JSON.parse(readFileSync(path.join(DIST, name), "utf8")) as { sources: string[] };
    for (const source of sources) {
      const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\/(?!.*node_modules\/)/.exec(source);
      // esbuild follows a package's own source map, whose paths can climb out of the package
      // ("@octokit/src/…"): only a directory with a package.json is a package.
      const [, dir, pkg] = match ?? [];
      if (!dir || !pkg) continue;
      if (existsSync(path.join(path.dirname(path.join(DIST, name)), dir, "package.json"))) bundled.add(pkg);
    }
  }
});

describe("dist/THIRD-PARTY-NOTICES.md", () => {
  it("has a section for every package the bundle contains, with its licence", () => {
    expect(bundled.size).toBeGreaterThan(10);
    const missing = [...bundled].filter((pkg) => !notices.includes(`\n## ${pkg}@`));
    expect(missing).toEqual([]);
    for (const section of notices.split("\n## ").slice(1)) {
      expect(section, section.split("\n")[0]).toMatch(/```text\n[\s\S]*\S[\s\S]*\n```|declares \S+/);
    }
  });

  it("carries the licence text itself, e.g. zod's MIT notice and yaml's ISC one", () => {
    expect(notices).toMatch(/## zod@[\d.]+ — MIT\n\n```text\nMIT License\n\nCopyright \(c\) \d{4}/);
    expect(notices).toMatch(/## yaml@[\d.]+ — ISC\n\n```text\nCopyright Eemeli Aro/);
  });

  it("lists only runtime dependencies: no dev tool, not the site's Astro", () => {
    // A package can be an input whose code is all tree-shaken away (so no source map names it):
    // listing it is harmless. Listing a dev dependency would mean the notices are not the bundle's.
    const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const listed = [...notices.matchAll(/^## (.+)@[^@\s]+ — /gm)].map((m) => m[1] as string);
    // A bundled package may be installed only nested under the dependency that needs it.
    const installs = (pkg: string) =>
      Object.entries(lock.packages).filter(([key]) => `/${key}`.endsWith(`/node_modules/${pkg}`));
    expect(listed.filter((pkg) => installs(pkg).every(([, entry]) => entry.dev === true))).toEqual([]);
    expect(listed.filter((pkg) => installs(pkg).length === 0)).toEqual([]);
    expect(listed).not.toContain("esbuild");
    expect(listed).not.toContain("astro");
  });

  it("is pointed to from every bundled file", () => {
    for (const name of ["cli.js", "index.js"]) {
      expect(readFileSync(path.join(DIST, name), "utf8").split("\n").slice(0, 3).join("\n")).toContain(
        "THIRD-PARTY-NOTICES.md",
      );
    }
  });
});
