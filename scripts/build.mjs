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
// @actions/github and its @actions/http-client import undici (400 KB) for one job: fetch through a
// proxy when HTTPS_PROXY/HTTP_PROXY apply. Loading it would cost every run a good part of the gate
// check's start-up budget, so they get a stand-in: Node's own fetch when no proxy applies, and the
// real undici (its own chunk, loaded on first use) behind a proxy.
const lazyUndici = {
  name: "lazy-undici-for-actions",
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, (args) =>
      /[\\/]@actions[\\/](github|http-client)[\\/]/.test(args.importer)
        ? { path: "undici", namespace: "launchgate-lazy-undici" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "launchgate-lazy-undici" }, () => ({
      resolveDir: process.cwd(),
      contents: `
let undici;
export class ProxyAgent {
  constructor(options) { this.options = options; }
}
export async function fetch(input, init = {}) {
  const { dispatcher, ...rest } = init;
  if (!(dispatcher instanceof ProxyAgent)) return globalThis.fetch(input, rest);
  // undici is CommonJS: its exports arrive as the namespace's default.
  undici ??= (await import("undici")).default;
  dispatcher.agent ??= new undici.ProxyAgent(dispatcher.options);
  return undici.fetch(input, { ...rest, dispatcher: dispatcher.agent });
}`,
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
    plugins: [withoutOidc, lazyUndici],
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
