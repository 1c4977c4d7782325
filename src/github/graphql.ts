import { ApiError, type GitHubClient, toApiError } from "./client.js";

/**
 * One GraphQL query through `octokit.graphql` (the endpoint the client was given), typed by the
 * caller's description of the response. Any failure, including GraphQL errors beside partial
 * data, is an ApiError naming `what`: a half-answered query is never read as a whole one.
 */
export async function graphqlQuery<T>(
  client: GitHubClient,
  what: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  try {
    return await client.octokit.graphql<T>(query, variables);
  } catch (error) {
    throw graphqlError(what, error);
  }
}

/**
 * The pages of a query that follows one connection with `$cursor` and `pageInfo`
 * (`@octokit/plugin-paginate-graphql`); the caller stops when it has read enough.
 */
export async function* graphqlPages<T extends object>(
  client: GitHubClient,
  what: string,
  query: string,
  variables: Record<string, unknown> = {},
): AsyncGenerator<T> {
  try {
    for await (const page of client.octokit.graphql.paginate.iterator<T>(query, variables)) yield page;
  } catch (error) {
    throw graphqlError(what, error);
  }
}

/** GitHub's first GraphQL error message when there is one (octokit's own message lists them all over lines). */
function graphqlError(what: string, error: unknown): ApiError {
  const errors = (error as { errors?: unknown }).errors;
  const first = Array.isArray(errors) ? (errors[0] as { message?: unknown } | undefined)?.message : undefined;
  return typeof first === "string" ? new ApiError(what, undefined, first) : toApiError(what, error);
}
