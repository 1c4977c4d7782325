import { ApiError } from "./client.js";

/**
 * A response body that must be JSON of a given shape. Octokit hands over the raw text when a body
 * does not parse (a response cut off in transit, a proxy's HTML page), which would otherwise be
 * misread as "not a file" or "not found": say what happened instead, so the re-run is obvious.
 */
export function jsonResponse<T extends object>(what: string, data: unknown, shape: "object" | "array" = "object"): T {
  const ok = shape === "array" ? Array.isArray(data) : typeof data === "object" && data !== null;
  if (!ok) throw malformedResponse(what, typeof data === "string" ? undefined : `not the expected JSON ${shape}`);
  return data as T;
}

/** The error for a response body that is not what the API promises. */
export function malformedResponse(what: string, detail = "not valid JSON (cut off or malformed)"): ApiError {
  return new ApiError(what, undefined, `GitHub's response was ${detail}; re-run the check`);
}
