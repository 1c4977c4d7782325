import { decodeDocument } from "../../checklist/input.js";
import { normalizeOwner } from "../../checklist/owners.js";
import { retick } from "../../checklist/retick.js";
import type { Config } from "../../config/schema.js";
import { InputError } from "../../errors.js";
import { withBaseAuthority } from "../../gates/base-authority.js";
import { type AppliesTo, DEFAULT_GATES } from "../../gates/config.js";
import { type GateDocument, parseGateDocument, readGateDocument } from "../../gates/document.js";
import { evaluateGate } from "../../gates/evaluate.js";
import { isGlob, matchesAny } from "../../gates/glob.js";
import { gateApplies, matchRelease } from "../../gates/release.js";
import { toCheckFileResult } from "../../gates/result.js";
import type { SignoffMode } from "../../gates/signer.js";
import { statesByKey } from "../../gates/signoff.js";
import type { GitHubClient } from "../../github/client.js";
import { type FileAtRef, getFile, listFiles, type Repo } from "../../github/contents.js";
import { FileHistory } from "../../github/history.js";
import { PullCommits } from "../../github/own-commits.js";
import { verifyFile } from "./attribution.js";
import { evaluateBody } from "./evaluate-body.js";
import type { EvaluatedGate } from "./evaluated-gate.js";
import type { PullRequestInfo } from "./pull-request.js";

export interface GateRun {
  headSha: string;
  release: boolean;
  releaseReason: string;
  gates: EvaluatedGate[];
  /** Gate documents found but not applying to this PR, with why. */
  skipped: { path: string; reason: string }[];
  signoff: Config["signoff"];
  configSource: string;
  /** Things the reader should know (a base version that could not be parsed, …). */
  notes: string[];
}

/**
 * Parsed versions by git blob SHA: the head, the base and the history walk often read the same
 * version, and parsing a large gate costs far more than anything else in a run. A version that
 * only ticks boxes relative to the last one parsed of the same path reuses that parse (retick).
 */
const parsedBlobs = new Map<string, GateDocument>();
const lastParsed = new Map<string, { text: string; doc: GateDocument }>();

function parseBlob(file: FileAtRef, path: string): GateDocument {
  const id = `${file.sha}\u0000${path}`;
  let doc = parsedBlobs.get(id);
  if (!doc) {
    const text = decodeDocument(file.bytes, path);
    const previous = lastParsed.get(path);
    doc = (previous && retick(previous, text)) ?? parseGateDocument(text, path);
    lastParsed.set(path, { text, doc });
    parsedBlobs.set(id, doc);
  }
  return doc;
}

/**
 * Evaluates every gate that applies to one pull request, with sign-off attribution. `pr` is the
 * PR as it is now (see withCurrentState): its current base, labels, title and description.
 */
export async function evaluatePullRequest(
  client: GitHubClient,
  repo: Repo,
  pr: PullRequestInfo,
  loaded: { config: Config; source: string },
): Promise<GateRun> {
  const { config } = loaded;
  const match = matchRelease(pr, config.release);
  const run: GateRun = {
    headSha: pr.headSha,
    release: match.release,
    releaseReason: match.reason,
    gates: [],
    skipped: [],
    signoff: config.signoff,
    configSource: loaded.source,
    notes: [],
  };
  if (!match.release) return run;

  const entries = await resolveGateFiles(client, repo, pr, config.gates, loaded.source);
  // Sign-off needs each file's commit history: ask for it now, while the versions are read and parsed.
  const histories = new Map(
    config.signoff !== "trust"
      ? entries.map((entry) => [entry.path, new FileHistory(client, repo, entry.path, pr.headSha)])
      : [],
  );
  // The PR's own commits, listed only when a sign-off the base has undone needs them (undone-on-base.ts).
  const pullCommits = new PullCommits(client, repo, pr.baseSha, pr.headSha);
  const documents = await Promise.all(entries.map((entry) => readVersions(client, repo, pr, entry)));
  const configApprovers = config.approvers;
  const mode: SignoffMode = config.signoff === "author" ? "author" : "verify";
  const pending = documents.map(async (d): Promise<EvaluatedGate | null> => {
    if (!d) return null;
    // From the base version when there is one (a PR cannot exempt itself); a new gate's own otherwise.
    const appliesTo = d.appliesTo ?? (d.base ?? d.head).frontMatter?.applies_to;
    if (!gateApplies(pr, appliesTo)) {
      run.skipped.push({ path: d.path, reason: "applies_to does not match this PR" });
      return null;
    }
    // Approvers come from the base version: a PR cannot make itself an approver.
    const gateApprovers = (d.base ?? d.head).frontMatter?.approvers ?? [];
    const history = histories.get(d.path);
    const approvers = [...gateApprovers, ...configApprovers].map(normalizeOwner);
    const unverified =
      history && d.existsAtHead
        ? await verifyFile(
            client,
            repo,
            { history, head: d.head, base: d.base },
            { approvers, mode, pullCommits },
            (file) => statesByKey(parseBlob(file, d.path).items),
          )
        : new Map<number, string>();
    const verdict = evaluateGate(d.head, { ...(d.base ? { base: d.base } : {}), unverified });
    const result = toCheckFileResult(d.head, verdict, d.base ? d.path : null, config.signoff !== "trust");
    return { source: "file", path: d.path, doc: d.head, verdict, result, existsAtHead: d.existsAtHead };
  });
  const body = evaluateBody(client, repo, pr, config).then(({ gate, notes }) => {
    run.notes.push(...notes);
    return gate;
  });
  const gates = await Promise.all([...pending, body]);
  run.gates = gates.filter((g): g is EvaluatedGate => g !== null);
  if (run.gates.length === 0) {
    throw new InputError("this release PR has no gate", {
      file: loaded.source,
      fix: `add gate documents (${config.gates.map((g) => g.path).join(", ")}) or a checklist in the PR description with pr_body: required`,
    });
  }
  return run;
}

interface GateFile {
  path: string;
  appliesTo: AppliesTo | undefined;
  /** Named literally in the config (not found by a glob): it must exist. */
  explicit: boolean;
}

/** Config entries → concrete paths. Globs are expanded in both the head and the base tree, so a deleted gate still counts. */
async function resolveGateFiles(
  client: GitHubClient,
  repo: Repo,
  pr: PullRequestInfo,
  entries: Config["gates"],
  configSource: string,
): Promise<GateFile[]> {
  const trees = new Map<string, Promise<string[]>>();
  const tree = (sha: string) => {
    let files = trees.get(sha);
    if (!files) {
      files = listFiles(client, repo, sha);
      trees.set(sha, files);
    }
    return files;
  };
  const found = new Map<string, GateFile>();
  for (const entry of entries) {
    const appliesTo = "applies_to" in entry ? entry.applies_to : undefined;
    if (!isGlob(entry.path)) {
      if (!found.has(entry.path)) found.set(entry.path, { path: entry.path, appliesTo, explicit: true });
      continue;
    }
    const [head, base] = await Promise.all([tree(pr.headSha), tree(pr.baseSha)]);
    const matches = [...new Set([...head, ...base])].filter((path) => matchesAny(path, [entry.path])).sort();
    // A configured glob that finds nothing is a broken config, not a gate that is absent; only
    // the default location may be empty (a repository that gates on the PR description alone).
    if (matches.length === 0 && !(DEFAULT_GATES.includes(entry.path) && appliesTo === undefined)) {
      throw new InputError(`the gate glob ${entry.path} matches no file at the PR head or base`, {
        file: configSource,
        fix: "fix the glob under gates: in the config (on the base branch), or add the gate document",
      });
    }
    for (const path of matches) if (!found.has(path)) found.set(path, { path, appliesTo, explicit: false });
  }
  return [...found.values()];
}

interface Versions {
  path: string;
  appliesTo: AppliesTo | undefined;
  head: GateDocument;
  base: GateDocument | undefined;
  existsAtHead: boolean;
}

async function readVersions(
  client: GitHubClient,
  repo: Repo,
  pr: PullRequestInfo,
  entry: GateFile,
): Promise<Versions | null> {
  const [headFile, baseFile] = await Promise.all([
    getFile(client, repo, entry.path, pr.headSha),
    getFile(client, repo, entry.path, pr.baseSha),
  ]);
  const base = baseFile ? parseBase(baseFile, entry.path, pr.baseSha) : undefined;
  if (!headFile) {
    if (base) {
      // Deleted on the PR branch: an empty head makes every required base item "removed".
      return {
        path: entry.path,
        appliesTo: entry.appliesTo,
        head: { ...base, items: [] },
        base,
        existsAtHead: false,
      };
    }
    if (entry.explicit) {
      throw new InputError("gate document not found at the PR head or base", {
        file: entry.path,
        fix: "fix the path under gates: in the config, or add the file",
      });
    }
    return null;
  }
  const parsed = parseBlob(headFile, entry.path);
  // Same error as the CLI for a gate without items: never an empty gate that passes.
  if (parsed.items.length === 0) readGateDocument(headFile.bytes, entry.path);
  const head = withBaseAuthority(parsed, base);
  return { path: entry.path, appliesTo: entry.appliesTo, head, base, existsAtHead: true };
}

/**
 * The base version decides owners, approvers, `applies_to` and which items may not be removed, so
 * one that cannot be parsed fails the gate: nothing from the head's version stands in for it.
 */
function parseBase(file: FileAtRef, path: string, baseSha: string): GateDocument {
  try {
    return parseBlob(file, path);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(
      `the base version of the gate (at ${baseSha.slice(0, 7)}) cannot be parsed, and the gate's rules come from it: ${error.format()}`,
      { file: path, fix: "fix the gate document on the base branch first; a PR cannot replace its base's rules" },
    );
  }
}
