import http from "node:http";
import { Octokit } from "@octokit/rest";
import { InputError } from "../errors.js";
import { PROXY_URL_VARIABLES } from "../proxy-variables.js";
import { buildClient, type ClientOptions, type GitHubClient, type OctokitClient } from "./client.js";

/**
 * The live CLI's client: `@octokit/rest` with the same plugins, pacing and policies as the
 * Action's, so the fetchers behave the same from a laptop. Node's fetch is made to honour
 * HTTPS_PROXY/HTTP_PROXY and NO_PROXY first, when they are set.
 */
export function createCliClient(options: ClientOptions, env: NodeJS.ProcessEnv = process.env): GitHubClient {
  useEnvProxy(env);
  return buildClient(
    options,
    (input, init) => fetch(input, init),
    (octokitOptions, plugins) => {
      const WithPlugins = Octokit.plugin(...plugins);
      return new WithPlugins({ ...octokitOptions, auth: options.token }) as unknown as OctokitClient;
    },
  );
}

/**
 * Node ignores proxy variables unless asked: NODE_USE_ENV_PROXY=1 at start, or (Node 24.14 and
 * later) `http.setGlobalProxyFromEnv` at run time. Where neither works, stop rather than go around
 * the proxy.
 */
function useEnvProxy(env: NodeJS.ProcessEnv): void {
  const variable = PROXY_URL_VARIABLES.find((name) => env[name]);
  if (env.NODE_USE_ENV_PROXY === "1" || !variable) return;
  const setGlobalProxyFromEnv = (http as { setGlobalProxyFromEnv?: (env: NodeJS.ProcessEnv) => unknown })
    .setGlobalProxyFromEnv;
  if (!setGlobalProxyFromEnv)
    throw new InputError(`${variable} is set, but Node ${process.version} cannot send fetch requests through it`, {
      fix: "use Node 24.14 or later, or set NODE_USE_ENV_PROXY=1",
    });
  setGlobalProxyFromEnv(env);
}
