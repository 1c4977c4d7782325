import { InputError } from "../../errors.js";
import type { PullRequestFacts } from "../../gates/release.js";

/** The parts of a pull request the gate needs, from an event payload or the pulls API. */
export interface PullRequestInfo extends PullRequestFacts {
  number: number;
  body: string;
  baseSha: string;
  headSha: string;
  /** The head branch lives in another repository (a fork): its workflow token is read-only. */
  fromFork: boolean;
}

interface ApiPullRequest {
  number: number;
  title?: string | null;
  body?: string | null;
  labels?: ({ name?: string } | string)[];
  base: { ref: string; sha: string; repo?: { full_name?: string } | null };
  head: { ref: string; sha: string; repo?: { full_name?: string; fork?: boolean } | null };
}

/** Reads a pull request object (the `pull_request` of a webhook payload or a GET /pulls response). */
export function toPullRequestInfo(pr: ApiPullRequest): PullRequestInfo {
  const headRepo = pr.head.repo?.full_name;
  const baseRepo = pr.base.repo?.full_name;
  return {
    number: pr.number,
    title: pr.title ?? "",
    body: pr.body ?? "",
    labels: (pr.labels ?? []).map((l) => (typeof l === "string" ? l : (l.name ?? ""))).filter(Boolean),
    base: pr.base.ref,
    head: pr.head.ref,
    baseSha: pr.base.sha,
    headSha: pr.head.sha,
    // A deleted fork has no head repo; treat it as a fork too.
    fromFork: !pr.head.repo || (headRepo !== undefined && baseRepo !== undefined && headRepo !== baseRepo),
  };
}

export function pullRequestFromPayload(payload: Record<string, unknown>, eventName: string): PullRequestInfo {
  const pr = payload.pull_request as ApiPullRequest | undefined;
  if (!pr?.base?.sha || !pr.head?.sha) {
    throw new InputError(`the ${eventName} event has no pull_request`, {
      fix: "run the gate on pull_request, pull_request_target or merge_group events, or set mode",
    });
  }
  return toPullRequestInfo(pr);
}

/**
 * The event's pull request with what changes without a new commit (labels, title, description)
 * as it is now: a run may start long after its event (a re-run, a queued run, an `opened` run
 * that ends after the `labeled` one), and a stale payload must not turn a release PR into an
 * ordinary one. Labels and titles of both count, so neither an old payload nor a lagging read
 * lets a release PR pass as ordinary. The base (branch and SHA) is the current one; the head
 * branch and commit stay the event's: the check run belongs to the event's head commit.
 */
export function withCurrentState(event: PullRequestInfo, current: PullRequestInfo): PullRequestInfo {
  return {
    ...event,
    // Retargeting a PR changes its base without a new head commit: the current base is the one
    // its merge would land on, so the config, the gates' base versions and removed items come from it.
    base: current.base,
    baseSha: current.baseSha,
    title: current.title,
    otherTitles: current.title === event.title ? [] : [event.title],
    body: current.body,
    labels: [...new Set([...current.labels, ...event.labels])],
  };
}

/**
 * The PR a merge group was created for: GitHub names the group's branch
 * `gh-readonly-queue/<base>/pr-<number>-<sha>`, and each PR entering the queue gets its own group.
 */
export function mergeGroupPullNumber(payload: Record<string, unknown>): { number: number; headSha: string } {
  const group = payload.merge_group as { head_ref?: string; head_sha?: string } | undefined;
  const match = /\/pr-(\d+)-[0-9a-f]+$/.exec(group?.head_ref ?? "");
  if (!group?.head_sha || !match?.[1]) {
    throw new InputError(`cannot tell which pull request merge group "${group?.head_ref ?? "?"}" is for`, {
      fix: "expected a head_ref like refs/heads/gh-readonly-queue/main/pr-123-<sha>",
    });
  }
  return { number: Number(match[1]), headSha: group.head_sha };
}
