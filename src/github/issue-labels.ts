import type { LabelChange } from "../triage/labels.js";
import { call, type GitHubClient, isNotFound, toApiError } from "./client.js";
import type { Repo } from "./contents.js";

/**
 * Applies one issue's label change: one request adds every new label (GitHub creates missing
 * repository labels), one request removes each label. A label already gone is not an error,
 * so concurrent runs converge.
 */
export async function applyLabelChange(client: GitHubClient, repo: Repo, change: LabelChange): Promise<void> {
  const issue_number = change.number;
  if (change.add.length > 0) {
    await call(`labelling #${issue_number}`, () =>
      client.octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
        ...repo,
        issue_number,
        labels: change.add,
      }),
    );
  }
  for (const name of change.remove) {
    try {
      await client.octokit.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", {
        ...repo,
        issue_number,
        name,
      });
    } catch (error) {
      if (!isNotFound(error)) throw toApiError(`removing "${name}" from #${issue_number}`, error);
    }
  }
}
