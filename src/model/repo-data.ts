import type { RestComment, RestIssue, RestIssueEvent, RestPull, RestRelease } from "./rest.js";

/**
 * Everything triage, the release criteria and the weekly report read about a repository, in
 * GitHub's REST shapes: the CLI reads it from exported JSON files, the Action (and the live CLI)
 * from the GitHub fetchers in `src/github/`. The pipelines (`src/pipeline/`) take nothing else.
 */
export interface RepoData {
  issues: readonly RestIssue[];
  /** null when not given: first responses (and so response clocks) are unknown. */
  comments: readonly RestComment[] | null;
  /**
   * Issue events with their issue number (`labeled`, `unlabeled`, `closed` with `state_reason`,
   * `reopened`); null when not given: labels, states and close reasons are taken as they are now.
   */
  events: readonly RestIssueEvent[] | null;
  pulls: readonly RestPull[];
  releases: readonly RestRelease[];
  /** Live: PR number → the issues it closes (GraphQL `closingIssuesReferences`). Offline: read from PR bodies. */
  closingRefs?: ReadonlyMap<number, readonly number[]> | undefined;
}
