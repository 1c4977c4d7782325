import { InputError } from "../errors.js";
import type { GateEntry } from "../gates/config.js";
import { readGateDocument } from "../gates/document.js";
import { evaluateGate } from "../gates/evaluate.js";
import { isGlob, matchesAny } from "../gates/glob.js";
import { type CheckFileResult, toCheckFileResult } from "../gates/result.js";
import { ApiError, type GitHubClient } from "./client.js";
import { getFile, listFiles, type Repo } from "./contents.js";

/**
 * Every configured gate document at one commit (the default-branch commit a scheduled run sees),
 * evaluated as `launchgate check` would evaluate the file: tick state only. There is no base to
 * compare with and no sign-off attribution — verified sign-off is the release PR check's job; a
 * snapshot or readiness score shows what is ticked. `applies_to` (which PRs a gate applies to) is
 * not consulted: without a PR every configured gate counts.
 *
 * Fails closed like the gate mode: an API error, an unparsable or item-less gate, or a gate named
 * without a glob that does not exist is an error, never a shorter list. Globs matching nothing
 * yield no gate.
 */
export async function gatesAtRef(
  client: GitHubClient,
  repo: Repo,
  ref: string,
  entries: readonly GateEntry[],
): Promise<CheckFileResult[]> {
  const paths = await gatePaths(client, repo, ref, entries);
  return Promise.all(
    paths.map(async ({ path, explicit }) => {
      const file = await getFile(client, repo, path, ref);
      if (!file) {
        // Listed by the tree but absent from the contents API: GitHub is inconsistent, not the config.
        if (!explicit) throw new ApiError(`reading ${path} at ${ref.slice(0, 7)}`, undefined, "listed but not found");
        throw new InputError(`gate document not found at ${ref.slice(0, 7)}`, {
          file: path,
          fix: "fix the path under gates: in the config, or add the file to the default branch",
        });
      }
      const doc = readGateDocument(file.bytes, path);
      return toCheckFileResult(doc, evaluateGate(doc), null);
    }),
  );
}

/** Config entries → concrete paths, in config order; the tree is listed once, and only for globs. */
async function gatePaths(
  client: GitHubClient,
  repo: Repo,
  ref: string,
  entries: readonly GateEntry[],
): Promise<{ path: string; explicit: boolean }[]> {
  let tree: Promise<string[]> | undefined;
  const found = new Map<string, boolean>();
  for (const { path } of entries) {
    if (!isGlob(path)) {
      if (!found.has(path)) found.set(path, true);
      continue;
    }
    tree ??= listFiles(client, repo, ref);
    for (const file of (await tree).filter((f) => matchesAny(f, [path])).sort()) {
      if (!found.has(file)) found.set(file, false);
    }
  }
  return [...found].map(([path, explicit]) => ({ path, explicit }));
}
