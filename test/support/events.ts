import examples from "@octokit/webhooks-examples" with { type: "json" };
import type { Issue, Repository } from "./fake-github/model.js";
import * as shape from "./fake-github/shapes.js";

/**
 * Event payloads for the Action, starting from GitHub's real webhook examples
 * (@octokit/webhooks-examples) and patched so repository, pull request, issue, SHAs and sender
 * match the fake's model. Fields the model does not know keep the example's values.
 */

interface ExampleGroup {
  name: string;
  examples: Record<string, unknown>[];
}

const groups = examples as unknown as ExampleGroup[];

/**
 * The first example of `event` with `action` (any action when absent). When the package has no
 * example for that action (pull_request `edited`), the first example is used with `action` set.
 */
export function webhookExample(event: string, action?: string): Record<string, unknown> {
  const group = groups.find((g) => g.name === event);
  if (!group) throw new Error(`no webhook examples for event "${event}"`);
  const example = group.examples.find((e) => action === undefined || e.action === action);
  if (example) return structuredClone(example);
  return { ...structuredClone(group.examples[0] as Record<string, unknown>), action };
}

export interface EventSpec {
  /** Event name (GITHUB_EVENT_NAME), e.g. pull_request, pull_request_target, merge_group, issues. */
  name: string;
  /** Webhook action, e.g. opened, edited, synchronize, labeled; picks the example. */
  action?: string;
  /** Which example event to start from when `name` has none (pull_request_target uses pull_request's). */
  example?: string;
  /** PR or issue number in the model the payload is about. */
  number?: number;
  /** User who triggered the event (defaults to the PR/issue author). */
  sender?: string;
  /** The PR's base branch when the event fired (it was retargeted since): the payload's `base`. */
  base?: string;
  /** A branch whose tip was the PR's head commit when the event fired (force-pushed since): the payload's `head.sha`. */
  head?: string;
  /** Deep-merged into the payload last. */
  overrides?: Record<string, unknown>;
}

export function deepMerge(target: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(patch)) {
    const current = target[key];
    if (
      value &&
      typeof value === "object" &&
      !Array.isArray(value) &&
      current &&
      typeof current === "object" &&
      !Array.isArray(current)
    )
      deepMerge(current as Record<string, unknown>, value as Record<string, unknown>);
    else target[key] = value;
  }
  return target;
}

export interface BuiltEvent {
  payload: Record<string, unknown>;
  /** GITHUB_SHA and GITHUB_REF as the runner sets them for this event. */
  sha: string;
  ref: string;
}

/** Builds the payload the Action reads from GITHUB_EVENT_PATH; `api` is the fake's URL. */
export function buildEvent(repo: Repository, api: string, spec: EventSpec): BuiltEvent {
  const exampleName = spec.example ?? (spec.name === "pull_request_target" ? "pull_request" : spec.name);
  const payload = webhookExample(exampleName, spec.action);
  const item: Issue | undefined = spec.number === undefined ? undefined : repo.issues.get(spec.number);
  if (spec.number !== undefined && !item) throw new Error(`event: no PR or issue #${spec.number} in the scenario`);
  payload.repository = shape.repository(repo, api);
  payload.sender = shape.simpleUser(repo.world, api, spec.sender ?? item?.user ?? repo.owner);
  if ("organization" in payload) payload.organization = { login: repo.owner, id: repo.world.user(repo.owner).id };
  const defaultSha = repo.resolve(repo.defaultBranch) ?? "";
  let sha = defaultSha;
  let ref = `refs/heads/${repo.defaultBranch}`;

  if (exampleName === "pull_request") {
    if (!item?.pull) throw new Error("a pull_request event needs `number` of a pull request");
    payload.number = item.number;
    payload.pull_request = shape.pullRequest(repo, api, item);
    if (spec.base !== undefined) {
      const sha = repo.resolve(spec.base);
      if (!sha) throw new Error(`event.base: no branch ${spec.base}`);
      const base = (payload.pull_request as { base: Record<string, unknown> }).base;
      Object.assign(base, { ref: spec.base, sha, label: `${repo.owner}:${spec.base}` });
    }
    if (spec.head !== undefined) {
      const sha = repo.resolve(spec.head);
      if (!sha) throw new Error(`event.head: no branch ${spec.head}`);
      (payload.pull_request as { head: Record<string, unknown> }).head.sha = sha;
    }
    if (spec.action === "labeled" || spec.action === "unlabeled") {
      const name = item.labels.at(-1) ?? "release";
      payload.label = shape.label(repo, api, repo.label(name));
    }
    if (spec.action === "edited" && !("changes" in payload && payload.changes))
      payload.changes = { body: { from: item.edits.at(-2)?.body ?? "" } };
    if (spec.action === "synchronize") {
      const commits = repo.history(repo.headSha(item));
      payload.before = commits[1]?.sha ?? repo.baseSha(item);
      payload.after = repo.headSha(item);
    }
    // pull_request runs on the merge ref; pull_request_target on the base branch.
    sha =
      spec.name === "pull_request_target"
        ? repo.baseSha(item)
        : ((payload.pull_request as { head: { sha: string } }).head.sha ?? repo.headSha(item));
    ref = spec.name === "pull_request_target" ? `refs/heads/${item.pull.base}` : `refs/pull/${item.number}/merge`;
  } else if (exampleName === "merge_group") {
    if (!item?.pull) throw new Error("a merge_group event needs `number` of the queued pull request");
    const head = repo.headSha(item);
    const base = repo.baseSha(item);
    const queueRef = `refs/heads/gh-readonly-queue/${item.pull.base}/pr-${item.number}-${base}`;
    repo.refs.set(queueRef, head);
    const commit = repo.commits.get(head);
    payload.merge_group = {
      ...(payload.merge_group as Record<string, unknown>),
      head_sha: head,
      head_ref: queueRef,
      base_sha: base,
      base_ref: `refs/heads/${item.pull.base}`,
      head_commit: {
        id: head,
        tree_id: commit?.tree,
        message: commit?.message,
        timestamp: commit?.committer.date,
        author: { name: commit?.author.name, email: commit?.author.email },
        committer: { name: commit?.committer.name, email: commit?.committer.email },
      },
    };
    sha = head;
    ref = queueRef;
  } else if (exampleName === "issues" || exampleName === "issue_comment") {
    if (!item) throw new Error(`an ${exampleName} event needs \`number\` of an issue`);
    payload.issue = shape.issue(repo, api, item);
    if (exampleName === "issue_comment") {
      const comment = repo.comments.filter((c) => c.issue === item.number).at(-1);
      if (comment) payload.comment = shape.issueComment(repo, api, comment);
    }
  } else if (exampleName === "workflow_dispatch") {
    payload.ref = ref;
  }
  if (spec.overrides) deepMerge(payload, spec.overrides);
  return { payload, sha, ref };
}
