import { InputError } from "../errors.js";
import { ApiError } from "../github/api-error.js";

/** One line saying what failed and what to do; a stack trace only for bugs. */
export function failureMessage(error: unknown): string {
  if (error instanceof InputError) return `launchgate: ${error.format()}`;
  if (error instanceof ApiError) {
    return `launchgate: ${error.message}. Nothing was passed on doubt; re-run the job ("Re-run failed jobs") once GitHub is reachable, or check the token's permissions.`;
  }
  return `launchgate: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}
