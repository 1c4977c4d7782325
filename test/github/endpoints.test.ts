import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { endpointsForApi, endpointsFromEnv } from "../../src/github/endpoints.js";

describe("GitHub endpoints", () => {
  it("derives GraphQL and web URLs from the REST API URL", () => {
    expect(endpointsForApi("https://api.github.com")).toEqual({
      apiUrl: "https://api.github.com",
      graphqlUrl: "https://api.github.com/graphql",
      serverUrl: "https://github.com",
    });
    // Enterprise Server: REST under /api/v3, GraphQL under /api/graphql, web on the same host.
    expect(endpointsForApi("https://ghe.example.com/api/v3/")).toEqual({
      apiUrl: "https://ghe.example.com/api/v3",
      graphqlUrl: "https://ghe.example.com/api/graphql",
      serverUrl: "https://ghe.example.com",
    });
    // GHE.com (data residency): an api. host in front of the tenant's web host.
    expect(endpointsForApi("https://api.acme.ghe.com")).toEqual({
      apiUrl: "https://api.acme.ghe.com",
      graphqlUrl: "https://api.acme.ghe.com/graphql",
      serverUrl: "https://acme.ghe.com",
    });
    // Anything else (a gateway, a test server): GraphQL beside REST, web at its origin.
    expect(endpointsForApi("http://127.0.0.1:4000")).toEqual({
      apiUrl: "http://127.0.0.1:4000",
      graphqlUrl: "http://127.0.0.1:4000/graphql",
      serverUrl: "http://127.0.0.1:4000",
    });
  });

  it("rejects what is not an http(s) URL with a one-line fix", () => {
    expect(() => endpointsForApi("ghe.example.com/api/v3")).toThrow(InputError);
    expect(() => endpointsForApi("ftp://ghe.example.com/api/v3")).toThrow(/not an http\(s\) URL/);
  });

  it("takes the runner's GITHUB_API_URL, GITHUB_GRAPHQL_URL and GITHUB_SERVER_URL as given", () => {
    expect(
      endpointsFromEnv({
        GITHUB_API_URL: "https://ghe.example.com/api/v3",
        GITHUB_GRAPHQL_URL: "https://ghe.example.com/api/graphql",
        GITHUB_SERVER_URL: "https://ghe.example.com/",
      }),
    ).toEqual({
      apiUrl: "https://ghe.example.com/api/v3",
      graphqlUrl: "https://ghe.example.com/api/graphql",
      serverUrl: "https://ghe.example.com",
    });
    // The runner's word wins over what the API URL would suggest.
    expect(
      endpointsFromEnv({
        GITHUB_API_URL: "https://gw.example.com/github",
        GITHUB_SERVER_URL: "https://code.example.com",
      }).serverUrl,
    ).toBe("https://code.example.com");
    // Missing ones are derived; nothing set means github.com.
    expect(endpointsFromEnv({ GITHUB_API_URL: "https://ghe.example.com/api/v3" }).graphqlUrl).toBe(
      "https://ghe.example.com/api/graphql",
    );
    expect(endpointsFromEnv({}).serverUrl).toBe("https://github.com");
    expect(endpointsFromEnv({ GITHUB_API_URL: "" }).apiUrl).toBe("https://api.github.com");
  });
});
