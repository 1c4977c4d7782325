import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Loader } from "astro/loaders";
import { InputError } from "../../../src/errors.js";
import { parseSnapshot } from "../../../src/snapshot/parse.js";

const SNAPSHOT_FILE = /^\d{4}-W\d{2}\.json$/;

/**
 * Loads every `<ISO week>.json` in the snapshot directory, validated by the project's own parser
 * (src/snapshot/parse.ts: the one zod schema, with file + JSON path in every error). Entry ids are
 * the week ids. Any invalid file fails the build: a status page must not silently drop a week.
 */
export function snapshotLoader(dir: string | undefined): Loader {
  return {
    name: "launchgate-snapshots",
    async load({ store, logger, generateDigest }) {
      if (!dir) {
        throw new Error(
          "LAUNCHGATE_SNAPSHOTS is not set. Fix: point it at a directory of <ISO week>.json snapshots " +
            "(launchgate site --snapshots DIR sets it for you).",
        );
      }
      const root = path.resolve(dir);
      let names: string[];
      try {
        names = (await readdir(root)).filter((name) => SNAPSHOT_FILE.test(name)).sort();
      } catch (error) {
        throw new Error(`cannot read the snapshot directory ${root}: ${(error as Error).message}`);
      }
      if (names.length === 0) {
        throw new Error(`no snapshots (<ISO week>.json) in ${root}. Fix: run launchgate report first.`);
      }
      store.clear();
      for (const name of names) {
        const file = path.join(root, name);
        const text = await readFile(file, "utf8");
        let data: ReturnType<typeof parseSnapshot>;
        try {
          data = parseSnapshot(text, file);
        } catch (error) {
          throw error instanceof InputError ? new Error(error.format()) : error;
        }
        const id = name.slice(0, -".json".length);
        if (data.week.id !== id) {
          throw new Error(`${file}: week.id is ${data.week.id} but the file is named for ${id}. Fix: rename the file.`);
        }
        store.set({ id, data, digest: generateDigest(text) });
      }
      logger.info(`${names.length} snapshots from ${root}`);
    },
  };
}
