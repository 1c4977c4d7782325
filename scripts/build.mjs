// Bundles the Action (dist/index.js) and the CLI (dist/cli.js) as ESM for Node 24.
// Deterministic output, so CI can rebuild and compare with the committed dist/. Builds into a
// temporary folder and renames each file into dist/, so a process running dist/ never sees it half-written.
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import { thirdPartyNotices } from "./third-party-notices.mjs";

// Minifying drops the bundled packages' licence comments (legalComments: "none" keeps chunks small
// and deterministic); their licences ship instead in dist/THIRD-PARTY-NOTICES.md, generated from
// the build's metafile, and every file points there.
const requireShim =
  "// launchgate, MIT. Bundled third-party code and its licences: THIRD-PARTY-NOTICES.md\nimport { createRequire as __launchgateRequire } from 'node:module'; const require = __launchgateRequire(import.meta.url);";
// @actions/core's OIDC client is the only user of its HTTP client, which bundles undici (400 KB,
// a tenth of the Action's start-up). launchgate never requests OIDC tokens: stub that one module.
const withoutOidc = {
  name: "actions-core-without-oidc",
  setup(build) {
    build.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, (args) =>
      args.importer.includes("@actions/core") ? { path: "oidc-utils", namespace: "launchgate-stub" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "launchgate-stub" }, () => ({
      contents:
        'export class OidcClient { static getIDToken() { throw new Error("launchgate does not request OIDC tokens"); } }',
    }));
  },
};
const tmp = await mkdtemp("dist.tmp-");
try {
  // One build with code splitting: the CLI loads only the modules of the command it runs, and
  // the Action and the CLI share chunks. Some dependencies are CommonJS and call require(); each
  // ESM chunk gets one. src/cli.ts carries its own #! line, which esbuild keeps.
  const result = await build({
    metafile: true,
    entryPoints: { index: "src/index.ts", cli: "src/cli.ts" },
    bundle: true,
    splitting: true,
    platform: "node",
    target: "node24",
    format: "esm",
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    legalComments: "none",
    logLevel: "warning",
    chunkNames: "chunks/[name]-[hash]",
    outdir: tmp,
    banner: { js: requireShim },
    plugins: [withoutOidc],
  });
  await writeFile(join(tmp, "THIRD-PARTY-NOTICES.md"), await thirdPartyNotices(Object.keys(result.metafile.inputs)));
  const built = (await readdir(tmp, { recursive: true })).filter((name) => name !== "chunks");
  await mkdir(join("dist", "chunks"), { recursive: true });
  for (const name of built) await rename(join(tmp, name), join("dist", name));
  for (const name of await readdir("dist", { recursive: true })) {
    if (name !== "chunks" && !built.includes(name)) await rm(join("dist", name), { force: true });
  }
} finally {
  await rm(tmp, { recursive: true, force: true });
}
