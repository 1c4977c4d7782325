import { createClient, type GitHubClient } from "../github/client.js";
import type { ActionContext } from "./context.js";

/** The GitHub client every Action mode uses: the run's token and the runner's endpoints. */
export function clientFor(ctx: ActionContext): GitHubClient {
  return createClient({ token: ctx.token, apiUrl: ctx.apiUrl, graphqlUrl: ctx.graphqlUrl, serverUrl: ctx.serverUrl });
}
