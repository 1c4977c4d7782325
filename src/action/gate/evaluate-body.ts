import { parseDescription } from "../../checklist/description.js";
import { normalizeOwner } from "../../checklist/owners.js";
import type { ChecklistItem } from "../../checklist/types.js";
import type { Config } from "../../config/schema.js";
import { InputError } from "../../errors.js";
import { descriptionRemovals } from "../../gates/description-removals.js";
import { evaluateGate } from "../../gates/evaluate.js";
import { toCheckFileResult } from "../../gates/result.js";
import { type Attribution, signoffsNeeded, statesByKey, teamsToCheck, verifySignoff } from "../../gates/signoff.js";
import {
  type BodyHistory,
  bodyAttributions,
  bodyRevisions,
  MAX_EDITS,
  readBodyHistory,
} from "../../github/body-history.js";
import type { GitHubClient } from "../../github/client.js";
import type { Repo } from "../../github/contents.js";
import { resolveMemberships } from "../../github/teams.js";
import { decide, wantedStates } from "./attribution.js";
import type { EvaluatedGate } from "./evaluated-gate.js";
import type { PullRequestInfo } from "./pull-request.js";

/** The pseudo path of the PR description gate in results. */
export const PR_BODY_PATH = "PR description";

/**
 * The PR description as a gate: its checklist with sign-off from the edit history, and owned
 * required items an earlier revision had that are gone now. Null when it is no gate.
 */
export async function evaluateBody(
  client: GitHubClient,
  repo: Repo,
  pr: PullRequestInfo,
  config: Config,
): Promise<{ gate: EvaluatedGate | null; notes: string[] }> {
  if (config.pr_body === "off") return { gate: null, notes: [] };
  const doc = parseDescription(pr.body, PR_BODY_PATH);
  const approvers = config.approvers.map(normalizeOwner);
  // The edit history tells who ticked each owned item and who removed one; even a description
  // without a checklist now needs it, since an earlier revision may have had one.
  const history = config.signoff !== "trust" ? readBodyHistory(client, repo, pr.number) : null;
  history?.catch(() => undefined);
  // An unread older edit may have removed an owned item: never pass without the whole history.
  if ((await history?.catch(() => null))?.complete === false) {
    throw new InputError(
      `the PR description has more than ${MAX_EDITS.toLocaleString("en-US")} edits; launchgate reads no further, so it cannot tell whether an owned item was removed in an older one`,
      {
        file: PR_BODY_PATH,
        fix: "open a new pull request with the checklist (its description starts a new history), or set pr_body: off and keep the checklist in a gate file",
      },
    );
  }
  // Each revision is read twice (removals, then sign-offs) and many repeat a text: parse each text once.
  const parsed = new Map<string, readonly ChecklistItem[] | null>();
  const itemsOf = (text: string) => {
    let items = parsed.get(text);
    if (items === undefined) {
      try {
        items = parseDescription(text, PR_BODY_PATH).items;
      } catch {
        items = null;
      }
      parsed.set(text, items);
    }
    return items;
  };
  const removals = history
    ? await removedFromDescription(client, history, pr.body, doc.items, itemsOf, approvers)
    : null;
  if (doc.items.length === 0 && !removals?.items.length) {
    if (config.pr_body === "optional") return { gate: null, notes: [] };
    throw new InputError("the PR description has no checklist, and pr_body is required", {
      file: PR_BODY_PATH,
      fix: "add the release checklist (- [ ] …) to the description",
    });
  }
  let unverified = new Map<number, string>();
  if (history) {
    const requests = signoffsNeeded(doc.items, approvers);
    const statesOf = (text: string) => {
      const items = itemsOf(text);
      return items ? statesByKey(items) : null;
    };
    const attributions = await bodyAttributions(history, wantedStates(requests), statesOf);
    unverified = await decide(client, requests, attributions);
  }
  const titled = { ...doc, frontMatter: null, firstHeading: "PR description checklist" };
  const verdict = evaluateGate(titled, { unverified, removed: removals?.items ?? [] });
  verdict.id = "pr-description";
  verdict.title = "PR description checklist";
  const result = toCheckFileResult(titled, verdict, null, config.signoff !== "trust");
  const gate: EvaluatedGate = { source: "body", path: PR_BODY_PATH, doc: titled, verdict, result, existsAtHead: false };
  return { gate, notes: removals?.notes ?? [] };
}

/**
 * Owned required items an earlier revision of the description had and it has no longer, unless
 * an owner of the item or an approver removed them: the items, and a note on each saying who.
 */
async function removedFromDescription(
  client: GitHubClient,
  history: Promise<BodyHistory>,
  body: string,
  current: readonly ChecklistItem[],
  itemsOf: (text: string) => readonly ChecklistItem[] | null,
  approvers: readonly string[],
): Promise<{ items: ChecklistItem[]; notes: string[] }> {
  const removals = descriptionRemovals(await bodyRevisions(history, body, itemsOf), current);
  const requests = removals.map((r) => ({
    item: r.item,
    key: String(r.item.line),
    signers: [...new Set([...r.item.owners, ...approvers])],
  }));
  const attributions = new Map<string, Attribution>(
    removals.map((r, i) => [
      String(requests[i]?.key),
      "gap" in r.by ? { kind: "gap", reason: r.by.gap } : { kind: "change", login: r.by.login, where: r.by.where },
    ]),
  );
  const pairs = requests.flatMap((request) => {
    const a = attributions.get(request.key);
    return a?.kind === "change" && a.login
      ? teamsToCheck(request, a.login).map((team) => ({ team, login: a.login as string }))
      : [];
  });
  const membership = await resolveMemberships(client, pairs);
  const items: ChecklistItem[] = [];
  const notes: string[] = [];
  requests.forEach((request) => {
    const why = verifySignoff(request, attributions.get(request.key), membership);
    if (!why) return;
    items.push(request.item);
    const a = attributions.get(request.key);
    const by =
      a?.kind === "change"
        ? `by ${a.login ? `@${a.login}` : "an unknown editor"} in ${a.where}`
        : `(${a?.kind === "gap" ? a.reason : "unknown"})`;
    notes.push(
      `The PR description's required item "${request.item.text}" was removed ${by}; only ${request.signers.map((s) => `@${s}`).join(" or ")} may remove it. Restore it, or ask its owner.`,
    );
  });
  return { items, notes };
}
