import { isTeam } from "../checklist/owners.js";
import type { ChecklistItem } from "../checklist/types.js";
import { itemKey } from "./removed.js";

/**
 * Verified sign-off, as pure rules. An owned item (one that names `@user` or `@org/team`) counts
 * as done only when the change that put it in its current state — ticked, or waived with its
 * reason — was made by one of its owners or by an approver. Unowned items need no attribution:
 * anyone who can change the file or the description may tick them. The facts (who made which
 * change, who is in which team) are fetched by src/github/ and passed in as data.
 */

/** The sign-off relevant state of an item: open, done, or waived with its exact reason. */
export function signoffState(item: ChecklistItem): string {
  if (!item.checked) return "open";
  return item.waived ? `waived:${item.waiverReason ?? ""}` : "done";
}

/**
 * Identity of each item within one version: its key plus its occurrence number, so that two
 * identical lines in one section are tracked separately.
 */
export function occurrenceKeys(items: readonly ChecklistItem[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const key = itemKey(item);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return `${key}\u0001${n}`;
  });
}

/** Occurrence key → sign-off state, for diffing one version of a document against another. */
export function statesByKey(items: readonly ChecklistItem[]): Map<string, string> {
  const keys = occurrenceKeys(items);
  return new Map(items.map((item, i) => [keys[i] as string, signoffState(item)]));
}

export interface SignoffRequest {
  item: ChecklistItem;
  key: string;
  /** Who may sign it: the item's owners, then the approvers (lower-case, no `@`). */
  signers: string[];
}

/** The items whose sign-off needs attribution: ticked or waived, owned, and not optional. */
export function signoffsNeeded(items: readonly ChecklistItem[], approvers: readonly string[]): SignoffRequest[] {
  const keys = occurrenceKeys(items);
  const requests: SignoffRequest[] = [];
  items.forEach((item, i) => {
    if (!item.checked || item.optional || item.waiverMissingReason || item.owners.length === 0) return;
    const signers = [...new Set([...item.owners, ...approvers.map((a) => a.toLowerCase())])];
    requests.push({ item, key: keys[i] as string, signers });
  });
  return requests;
}

/** Who made the change that put an item in its current state, or why that is unknown. */
export type Attribution =
  | { kind: "change"; login: string | null; where: string; unverified?: string; sha?: string }
  | { kind: "gap"; reason: string };

/** Team membership facts: `true` active member, `false` not a member, a string when the lookup failed. */
export type Membership = (team: string, login: string) => boolean | string | undefined;

/** Teams whose membership must be looked up to decide whether `login` may sign the request. */
export function teamsToCheck(request: SignoffRequest, login: string): string[] {
  const user = login.toLowerCase();
  if (request.signers.includes(user)) return [];
  return request.signers.filter(isTeam);
}

/** Why the sign-off does not count, or null when it is verified. */
export function verifySignoff(
  request: SignoffRequest,
  attribution: Attribution | undefined,
  membership: Membership,
): string | null {
  const needs = `needs ${orList(request.signers)}`;
  const verb = request.item.waived ? "waived" : "ticked";
  if (!attribution) return `no history found for this ${verb === "waived" ? "waiver" : "tick"}; ${needs}`;
  if (attribution.kind === "gap") return `${attribution.reason}; ${needs}`;
  if (attribution.unverified) return `${verb} in ${attribution.where}, but ${attribution.unverified}; ${needs}`;
  if (!attribution.login) return `${verb} in ${attribution.where} by an author with no GitHub account; ${needs}`;
  const login = attribution.login.toLowerCase();
  if (request.signers.includes(login)) return null;
  const failures: string[] = [];
  for (const team of teamsToCheck(request, login)) {
    const member = membership(team, login);
    if (member === true) return null;
    if (typeof member === "string") failures.push(`membership of @${team} unknown (${member})`);
    else if (member === undefined) failures.push(`membership of @${team} not checked`);
  }
  const byWhom = `${verb} by @${attribution.login} in ${attribution.where}`;
  return failures.length > 0 ? `${byWhom}; ${failures.join("; ")}; ${needs}` : `${byWhom}; ${needs}`;
}

/** Item line → reason, for every request whose sign-off is not verified. */
export function unverifiedItems(
  requests: readonly SignoffRequest[],
  attributions: ReadonlyMap<string, Attribution>,
  membership: Membership,
): Map<number, string> {
  const out = new Map<number, string>();
  for (const request of requests) {
    const reason = verifySignoff(request, attributions.get(request.key), membership);
    if (reason) out.set(request.item.line, reason);
  }
  return out;
}

/** One version of a document in its history: its items' states and who made it. */
export interface Version {
  states: ReadonlyMap<string, string>;
  /** GitHub login of the commit's signer (see signer.ts) or the description's editor; null when GitHub has none. */
  login: string | null;
  /** Why GitHub does not vouch for who made this version (an unsigned commit), when it does not. */
  unverified?: string;
  /** Where the change is, for messages: a short commit SHA or an edit's time. */
  where: string;
  /** The commit's full SHA (files only). */
  sha?: string;
}

/**
 * Walks a document's history newest first and attributes each wanted item (key → current state)
 * to the newest version that put it in that state: one whose predecessors (its parents; none for
 * the first version ever) all had it in a different state or not at all. A version that shows a
 * wanted item in another state before its change was found means the history does not add up,
 * and the item stays unattributed (a gap, never a pass).
 */
export class AttributionWalk {
  private readonly pendingStates: Map<string, string>;
  private readonly found = new Map<string, Attribution>();

  constructor(wanted: ReadonlyMap<string, string>) {
    this.pendingStates = new Map(wanted);
  }

  get done(): boolean {
    return this.pendingStates.size === 0;
  }

  /** Wanted items not attributed yet (key → state). */
  get pending(): ReadonlyMap<string, string> {
    return this.pendingStates;
  }

  /** Items whose attribution another walk takes over (e.g. along a merge parent's line). */
  handOff(keys: Iterable<string>): void {
    for (const key of [...keys]) this.pendingStates.delete(key);
  }

  /** `predecessors`: the states of the version's parents; an empty list for the first version. */
  step(version: Version, predecessors: readonly ReadonlyMap<string, string>[]): void {
    for (const [key, state] of this.pendingStates) {
      if (version.states.get(key) !== state) {
        this.found.set(key, { kind: "gap", reason: `history inconsistent at ${version.where}` });
        this.pendingStates.delete(key);
      } else if (!predecessors.some((p) => p.get(key) === state)) {
        this.record(key, version);
        this.pendingStates.delete(key);
      }
    }
  }

  /**
   * A merge commit (two parents, and their merge base's states): each pending item whose state the
   * merge itself produced (see mergeOrigin) is its own change; the others are handed off and
   * returned grouped by the parent (index) whose line of history they are to be followed into.
   */
  stepMerge(
    version: Version,
    base: ReadonlyMap<string, string>,
    parents: readonly ReadonlyMap<string, string>[],
  ): Map<number, Map<string, string>> {
    const follow = new Map<number, Map<string, string>>();
    for (const [key, state] of this.pendingStates) {
      this.pendingStates.delete(key);
      if (version.states.get(key) !== state) {
        this.found.set(key, { kind: "gap", reason: `history inconsistent at ${version.where}` });
        continue;
      }
      const origin = mergeOrigin(
        state,
        base.get(key),
        parents.map((p) => p.get(key)),
      );
      if (origin === "merge") this.record(key, version);
      else follow.set(origin, (follow.get(origin) ?? new Map()).set(key, state));
    }
    return follow;
  }

  private record(key: string, version: Version): void {
    const { login, where, unverified, sha } = version;
    this.found.set(key, {
      kind: "change",
      login,
      where,
      ...(unverified ? { unverified } : {}),
      ...(sha ? { sha } : {}),
    });
  }

  /** A version could not be read (deleted revision, unparsable file): whatever is still pending is a gap. */
  fail(reason: string): void {
    for (const key of this.pendingStates.keys()) this.found.set(key, { kind: "gap", reason });
    this.pendingStates.clear();
  }

  /** Attributions found; items still pending get `gapReason` (e.g. "no history"). */
  finish(gapReason: string): Map<string, Attribution> {
    for (const key of this.pendingStates.keys()) this.found.set(key, { kind: "gap", reason: gapReason });
    this.pendingStates.clear();
    return this.found;
  }
}

/**
 * Where an item's state at a two-parent merge came from, judged against the merge base as a
 * three-way merge would: from a parent (its index) that changed it to this state since the base —
 * or from before the base when neither side changed it (followed along the first parent) — or
 * from the merge commit itself ("merge"): a state no clean three-way merge produces, e.g. an
 * owner's untick on one side undone by the resolution, or a tick neither side made. More than
 * two parents: always the merge's own.
 */
export function mergeOrigin(
  state: string,
  base: string | undefined,
  parents: readonly (string | undefined)[],
): "merge" | number {
  if (parents.length !== 2) return "merge";
  const [ours, theirs] = parents;
  const conflict = ours !== theirs && ours !== base && theirs !== base;
  const clean = ours === base ? theirs : ours;
  if (conflict || clean !== state) return "merge";
  if (ours === state && ours !== base) return 0;
  if (theirs === state && theirs !== base) return 1;
  return 0;
}

function orList(owners: readonly string[]): string {
  const names = owners.map((o) => `@${o}`);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}
