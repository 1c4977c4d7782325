import { call, type GitHubClient } from "./client.js";
import type { Repo } from "./contents.js";

/** GitHub accepts at most 50 annotations per create/update request. */
export const ANNOTATIONS_PER_REQUEST = 50;

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "failure" | "warning" | "notice";
  title: string;
  message: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  annotations: Annotation[];
}

/** Splits annotations into request-sized batches; always at least one (possibly empty) batch. */
export function annotationBatches(annotations: readonly Annotation[]): Annotation[][] {
  const batches: Annotation[][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  return batches.length > 0 ? batches : [[]];
}

/**
 * Creates a completed check run on `headSha` and appends annotations beyond the first 50 with
 * updates (GitHub adds each update's annotations to the run's list).
 */
export async function publishCheckRun(
  client: GitHubClient,
  repo: Repo,
  run: { name: string; headSha: string; conclusion: "success" | "failure" | "neutral"; output: CheckRunOutput },
): Promise<number> {
  const [first = [], ...rest] = annotationBatches(run.output.annotations);
  const output = { title: run.output.title, summary: run.output.summary };
  const { data } = await call(`creating the check run "${run.name}"`, () =>
    client.octokit.request("POST /repos/{owner}/{repo}/check-runs", {
      ...repo,
      name: run.name,
      head_sha: run.headSha,
      status: "completed",
      conclusion: run.conclusion,
      output: { ...output, annotations: first },
    }),
  );
  for (const [index, annotations] of rest.entries()) {
    await call(`adding annotations ${(index + 1) * ANNOTATIONS_PER_REQUEST + 1}… to the check run`, () =>
      client.octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
        ...repo,
        check_run_id: Number(data.id),
        output: { ...output, annotations },
      }),
    );
  }
  return Number(data.id);
}
