// @ts-check
import { defineConfig } from "astro/config";

/**
 * Everything that differs between deployments comes from the environment, so the composite action,
 * `launchgate site` and the tests build the same project:
 *   LAUNCHGATE_SNAPSHOTS   directory of <ISO week>.json snapshots (read by src/content.config.ts)
 *   LAUNCHGATE_SITE        absolute origin, e.g. https://owner.github.io (RSS links need it)
 *   LAUNCHGATE_BASE        base path for project pages, e.g. /repo
 *   LAUNCHGATE_OUT         output directory (default site/dist)
 *   LAUNCHGATE_NOW         the build's "now" for the stale-data banner (default: the real build time)
 *   LAUNCHGATE_SITE_CACHE  Astro's cache directory (content store), e.g. a fresh one per test build
 */
// Astro exposes process.env through import.meta.env, so an inherited BASE_URL, SITE or MODE (vitest
// exports them, some CI images too) would override the configured base path in every link.
for (const name of ["BASE_URL", "SITE", "MODE", "DEV", "PROD", "SSR", "ASSETS_PREFIX"]) delete process.env[name];

export default defineConfig({
  site: process.env.LAUNCHGATE_SITE || undefined,
  base: process.env.LAUNCHGATE_BASE || "/",
  outDir: process.env.LAUNCHGATE_OUT || "./dist",
  cacheDir: process.env.LAUNCHGATE_SITE_CACHE || "./node_modules/.astro",
  trailingSlash: "ignore",
  // Compression drops the line breaks between inline elements, gluing words together ("Passed:2 / 2").
  compressHTML: false,
  build: { format: "directory", inlineStylesheets: "always" },
  devToolbar: { enabled: false },
  vite: {
    // src/snapshot/schema.ts lives outside site/ and imports "zod"; resolve it to the same copy
    // Astro uses (from site/, which also works where the repository root has no node_modules, as
    // in the composite action). src/content.config.ts fails the build if there are two.
    resolve: { dedupe: ["zod"] },
  },
});
