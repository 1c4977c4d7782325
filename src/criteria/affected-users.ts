import { formAnswer } from "../triage/issue-form.js";

/**
 * The share of users an issue affects, from its issue-form field (the `### Affected users (%)`
 * section GitHub renders, read by triage's form-field parser). People write it loosely, so the
 * first number of the answer is read, with what is around it: `25`, `25%`, `25 %`, `~25%`,
 * `about 25 %`, `>20%` (more than 20: `beyond` is set), `25-30` or `25–30 %` (a range counts at its
 * lower bound: the share known to be affected). Answers with no number, several unrelated numbers
 * or a value over 100 give null.
 */
export function affectedUsers(body: string | null | undefined, field: string): AffectedShare | null {
  const answer = body ? formAnswer(body, field) : null;
  if (answer === null) return null;
  const match = PATTERN.exec(answer.source.toLowerCase()) ?? PATTERN.exec(answer.text.toLowerCase());
  if (!match) return null;
  const low = Number(match[2]);
  const high = match[3] === undefined ? null : Number(match[3]);
  if (low > 100 || (high !== null && (high < low || high > 100))) return null;
  return { percent: low, beyond: match[1] !== undefined && /^(>|more|over)/.test(match[1]) };
}

export interface AffectedShare {
  /** The share in percent (a range's lower bound). */
  percent: number;
  /** Written as "more than" (`>20%`): the share is strictly above `percent`. */
  beyond: boolean;
}

/** Whether a share is strictly greater than `limit` percent (`>20%` is, for a limit of 20). */
export function exceeds(share: AffectedShare, limit: number): boolean {
  return share.percent > limit || (share.beyond && share.percent >= limit);
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
/** Optional hedge (`~`, `about`, `approx.`, `>`, `≥`, `at least`, `over`), a number, an optional range, an optional `%`. */
const PATTERN = new RegExp(
  String.raw`^(~|≈|about|around|approx(?:imately|\.)?|roughly|circa|ca\.|>=|>|≥|at least|over|more than)?\s*` +
    NUMBER +
    String.raw`\s*%?(?:\s*(?:-|–|—|to)\s*` +
    NUMBER +
    String.raw`)?\s*%?(?:\s*of (?:all )?users)?$`,
);
