/** The environment variables that name a proxy, in the order Node and `@actions/http-client` read them. */
export const PROXY_URL_VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"];

/** Every proxy setting: the proxies and the hosts that go around them. */
export const PROXY_VARIABLES = [...PROXY_URL_VARIABLES, "NO_PROXY", "no_proxy"];
