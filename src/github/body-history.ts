import type { ChecklistItem } from "../checklist/types.js";
import type { Revision } from "../gates/description-removals.js";
import { type Attribution, AttributionWalk } from "../gates/signoff.js";
import { ApiError, type GitHubClient, toApiError } from "./client.js";
import type { Repo } from "./contents.js";
import { graphqlPages } from "./graphql.js";

const QUERY = `query launchgateBodyHistory($owner: String!, $name: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      body
      lastEditedAt
      author { login }
      userContentEdits(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes { editedAt deletedAt diff editor { login } }
      }
    }
  }
}`;

/**
 * Longest edit history read (100 edits per GraphQL page). Beyond it the history is incomplete:
 * sign-offs from older edits stay unverified, and the description gate fails (evaluate-body.ts),
 * since an owned item removed among the unread edits could not be noticed.
 */
export const MAX_EDITS = 5000;

interface Edit {
  editedAt: string;
  deletedAt: string | null;
  diff: string | null;
  editor: { login: string } | null;
}

export interface BodyHistory {
  body: string;
  author: string | null;
  lastEditedAt: string | null;
  edits: Edit[];
  /** False when there were more than MAX_EDITS edits: the oldest ones were not read. */
  complete: boolean;
}

type StatesOfText = (text: string) => ReadonlyMap<string, string> | null;

/**
 * Attributes each wanted item of a PR description to the editor of the revision that put it in
 * its current state, from the body's edit history (GraphQL `userContentEdits`, each edit's `diff`
 * holding that revision's text), ordered by `editedAt`. A description never edited was written
 * by the PR's author. Deleted revisions, missing editors and API errors are gaps.
 */
export async function bodyAttributions(
  read: Promise<BodyHistory>,
  wanted: ReadonlyMap<string, string>,
  statesOf: StatesOfText,
): Promise<Map<string, Attribution>> {
  const walk = new AttributionWalk(wanted);
  if (walk.done) return walk.finish("");
  let history: BodyHistory;
  try {
    history = await read;
  } catch (error) {
    walk.fail(`${historyFailure(error)}; re-run the check`);
    return walk.finish("");
  }
  if (history.edits.length === 0) {
    if (history.lastEditedAt) return walk.finish("the description was edited but GitHub returned no edit history");
    const states = statesOf(history.body);
    if (!states) return walk.finish("the description could not be parsed");
    walk.step({ states, login: history.author, where: "the PR description as opened" }, []);
    return walk.finish("");
  }
  const edits = [...history.edits].sort((a, b) => Date.parse(b.editedAt) - Date.parse(a.editedAt));
  // A revision's states, or why they are unknown.
  const statesAt = (edit: Edit) => {
    const where = `the description edit of ${edit.editedAt}`;
    if (edit.deletedAt || edit.diff === null) return `${where} was deleted, so the sign-off cannot be traced`;
    return statesOf(edit.diff) ?? `${where} could not be parsed, so the sign-off cannot be traced`;
  };
  let newer = statesAt(edits[0] as Edit);
  for (let i = 0; i < edits.length && !walk.done; i++) {
    const edit = edits[i] as Edit;
    if (typeof newer === "string") {
      walk.fail(newer);
      break;
    }
    const older = edits[i + 1];
    // The oldest revision read is the PR as opened only when the whole history was read.
    if (!older && !history.complete) {
      walk.fail(`the description has more than ${MAX_EDITS.toLocaleString("en-US")} edits; older ones were not read`);
      break;
    }
    const olderStates = older ? statesAt(older) : undefined;
    if (typeof olderStates === "string") {
      walk.fail(olderStates);
      break;
    }
    const where = `the description edit of ${edit.editedAt}`;
    walk.step({ states: newer, login: edit.editor?.login ?? null, where }, olderStates ? [olderStates] : []);
    if (olderStates) newer = olderStates;
  }
  return walk.finish("");
}

function historyFailure(error: unknown): string {
  return toApiError("reading the PR description's edit history", error).message;
}

/**
 * The description's revisions, oldest first, each with its items (null when the revision was
 * deleted from the history or cannot be parsed) and who saved it. The newest is the description
 * as it is now. A history that cannot be read is one unreadable revision (so every removal is a gap).
 */
export async function bodyRevisions(
  read: Promise<BodyHistory>,
  current: string,
  itemsOf: (text: string) => readonly ChecklistItem[] | null,
): Promise<Revision[]> {
  let history: BodyHistory;
  try {
    history = await read;
  } catch (error) {
    return [{ items: null, editor: null, where: `the edit history (${historyFailure(error)})` }, now(null)];
  }
  function now(editor: string | null): Revision {
    return { items: itemsOf(current), editor, where: "the description as it is now" };
  }
  if (history.edits.length === 0) return [now(history.author)];
  const edits = [...history.edits].sort((a, b) => Date.parse(a.editedAt) - Date.parse(b.editedAt));
  const revisions: Revision[] = edits.map((edit) => ({
    items: edit.deletedAt || edit.diff === null ? null : itemsOf(edit.diff),
    editor: edit.editor?.login ?? null,
    where: `the description edit of ${edit.editedAt}`,
  }));
  // Older revisions beyond the ones read are unknown, and the newest revision is the current text.
  if (!history.complete)
    revisions.unshift({
      items: null,
      editor: null,
      where: `edits older than the last ${MAX_EDITS.toLocaleString("en-US")}`,
    });
  revisions.push(now(edits.at(-1)?.editor?.login ?? null));
  return revisions;
}

/** Reads the description's edit history (up to MAX_EDITS edits, newest first as GitHub gives them). */
export async function readBodyHistory(client: GitHubClient, repo: Repo, number: number): Promise<BodyHistory> {
  const edits: Edit[] = [];
  let first: Omit<BodyHistory, "edits" | "complete"> | undefined;
  let complete = false;
  const pages = graphqlPages<BodyHistoryResponse>(client, "reading the PR description's edit history", QUERY, {
    owner: repo.owner,
    name: repo.repo,
    number,
  });
  for await (const page of pages) {
    const pr = page.repository?.pullRequest;
    if (!pr) throw new ApiError("GraphQL query", undefined, `pull request #${number} not found`);
    first ??= { body: pr.body, author: pr.author?.login ?? null, lastEditedAt: pr.lastEditedAt };
    edits.push(...(pr.userContentEdits?.nodes ?? []).filter((n): n is Edit => n !== null));
    complete = !pr.userContentEdits?.pageInfo.hasNextPage;
    if (edits.length >= MAX_EDITS) break;
  }
  return { ...(first as Omit<BodyHistory, "edits" | "complete">), edits, complete };
}

interface BodyHistoryResponse {
  repository: { pullRequest: GraphQlPullRequest | null } | null;
}

interface GraphQlPullRequest {
  body: string;
  lastEditedAt: string | null;
  author: { login: string } | null;
  userContentEdits: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: (Edit | null)[] | null;
  } | null;
}
