import { formField } from "../triage/severity.js";

/**
 * The share of users an issue affects, from its issue-form field (the `### Affected users (%)`
 * section GitHub renders, read by triage's form-field parser). Accepts `25`, `25%`, `25 %`,
 * `20.1`; `_No response_`, words or values over 100 give null.
 */
export function affectedUsersPercent(body: string | null | undefined, field: string): number | null {
  const answer = body ? formField(body, field) : null;
  const match = answer === null ? null : /^(\d+(?:\.\d+)?)\s?%?$/.exec(answer.trim());
  if (!match) return null;
  const percent = Number(match[1]);
  return percent <= 100 ? percent : null;
}
