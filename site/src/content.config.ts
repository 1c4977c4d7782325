import { defineCollection } from "astro:content";
import { z } from "astro/zod";
import { snapshotSchema } from "../../src/snapshot/schema.js";
import { snapshotLoader } from "./lib/snapshot-loader.js";

// src/snapshot/schema.ts imports "zod" from the repository root; Astro's content layer uses its own.
// astro.config.mjs dedupes them; fail the build if that ever stops working (two copies of zod
// disagree on classes and registries in ways that surface as odd validation bugs).
if (snapshotSchema.constructor !== z.ZodObject) {
  throw new Error(
    "zod is loaded twice (repository root and site/). Fix: keep resolve.dedupe ['zod'] in astro.config.mjs.",
  );
}

export const collections = {
  // The snapshot schema is the project's own (src/snapshot/schema.ts): no second copy of the types.
  snapshots: defineCollection({ loader: snapshotLoader(process.env.LAUNCHGATE_SNAPSHOTS), schema: snapshotSchema }),
};
