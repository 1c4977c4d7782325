import { InputError } from "../errors.js";

/** Where one GitHub lives: github.com, a GHE.com tenant or an Enterprise Server. */
export interface GitHubEndpoints {
  /** REST API base, e.g. https://api.github.com or https://ghe.example.com/api/v3. */
  apiUrl: string;
  /** GraphQL endpoint, e.g. https://api.github.com/graphql or https://ghe.example.com/api/graphql. */
  graphqlUrl: string;
  /** Web pages (links in reports), e.g. https://github.com or https://ghe.example.com. */
  serverUrl: string;
}

/**
 * The one place github.com is named: the public cloud's API when nothing else is given (no
 * GITHUB_API_URL, no --api-url). Everything else is derived from the API URL or read from the
 * environment, so an Enterprise Server's links point at the Enterprise Server.
 */
export const DEFAULT_API_URL = "https://api.github.com";

const trim = (url: string) => url.replace(/\/+$/, "");

/**
 * The endpoints that go with a REST API URL: an Enterprise Server serves REST under /api/v3 and
 * GraphQL under /api/graphql on its web host; github.com and GHE.com serve both from an `api.`
 * host in front of the web host. Anything else (a gateway, a test server) gets GraphQL at
 * `<api>/graphql` and its own origin as the web host.
 */
export function endpointsForApi(apiUrl: string): GitHubEndpoints {
  const api = trim(apiUrl);
  let url: URL;
  try {
    url = new URL(api);
  } catch {
    throw new InputError(`"${apiUrl}" is not a URL`, {
      fix: "give the REST API's base URL, e.g. https://ghe.example.com/api/v3",
    });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new InputError(`"${apiUrl}" is not an http(s) URL`, {
      fix: "give the REST API's base URL, e.g. https://ghe.example.com/api/v3",
    });
  const enterprise = /^(.*)\/api\/v3$/.exec(api);
  if (enterprise)
    return { apiUrl: api, graphqlUrl: `${enterprise[1]}/api/graphql`, serverUrl: enterprise[1] as string };
  if (url.hostname.startsWith("api.") && (url.pathname === "/" || url.pathname === "")) {
    const web = new URL(url.href);
    web.hostname = url.hostname.slice("api.".length);
    return { apiUrl: api, graphqlUrl: `${api}/graphql`, serverUrl: trim(web.href) };
  }
  return { apiUrl: api, graphqlUrl: `${api}/graphql`, serverUrl: url.origin };
}

/**
 * The endpoints a workflow runs against: GitHub sets GITHUB_API_URL, GITHUB_GRAPHQL_URL and
 * GITHUB_SERVER_URL on every runner (github.com, GHE.com and Enterprise Server alike); any that is
 * missing is derived from the API URL.
 */
export function endpointsFromEnv(env: NodeJS.ProcessEnv): GitHubEndpoints {
  const derived = endpointsForApi(env.GITHUB_API_URL || DEFAULT_API_URL);
  return {
    apiUrl: derived.apiUrl,
    graphqlUrl: env.GITHUB_GRAPHQL_URL ? trim(env.GITHUB_GRAPHQL_URL) : derived.graphqlUrl,
    serverUrl: env.GITHUB_SERVER_URL ? trim(env.GITHUB_SERVER_URL) : derived.serverUrl,
  };
}

/** The web page of a repository. */
export function repoWebUrl(endpoints: Pick<GitHubEndpoints, "serverUrl">, owner: string, name: string): string {
  return `${endpoints.serverUrl}/${owner}/${name}`;
}
