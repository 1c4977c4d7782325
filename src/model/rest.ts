import * as z from "zod";

/**
 * The parts of GitHub's REST shapes launchgate reads: what `gh api --paginate` prints for
 * issues, issue comments, issue events, pulls and releases. Unknown fields are kept out of the
 * way (zod strips them); fields GitHub may omit or null are optional/nullable.
 */

const timestamp = z.iso.datetime({ offset: true });
const login = z.object({ login: z.string(), type: z.string().optional() }).nullable();
const label = z
  .union([z.string(), z.object({ name: z.string() })])
  .transform((l) => (typeof l === "string" ? l : l.name));
const authorAssociation = z.string().optional();

export const restIssueSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  state: z.enum(["open", "closed"]),
  state_reason: z.string().nullable().optional(),
  html_url: z.string().optional(),
  body: z.string().nullable().optional(),
  user: login,
  author_association: authorAssociation,
  labels: z.array(label).default([]),
  milestone: z.object({ title: z.string() }).nullable().optional(),
  created_at: timestamp,
  updated_at: timestamp.optional(),
  closed_at: timestamp.nullable().optional(),
  comments: z.number().int().optional(),
  reactions: z.object({ "+1": z.number().int() }).partial().optional(),
  /** Present when the "issue" is a pull request: the issues API lists both. */
  pull_request: z.object({ merged_at: timestamp.nullable().optional() }).passthrough().optional(),
});

export const restCommentSchema = z.object({
  id: z.number().int(),
  issue_url: z.string(),
  html_url: z.string().optional(),
  user: login,
  author_association: authorAssociation,
  created_at: timestamp,
  body: z.string().nullable().optional(),
});

export const restIssueEventSchema = z.object({
  id: z.number().int().optional(),
  event: z.string(),
  created_at: timestamp,
  actor: login.optional(),
  label: z.object({ name: z.string() }).optional(),
  /** On `closed` events: why this close happened (`completed`, `not_planned`, `duplicate`). */
  state_reason: z.string().nullable().optional(),
  /** Repository-wide event lists (`…/issues/events`) carry the issue; per-issue lists do not. */
  issue: z.object({ number: z.number().int() }).passthrough().optional(),
});

export const restPullSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  state: z.enum(["open", "closed"]),
  html_url: z.string().optional(),
  body: z.string().nullable().optional(),
  user: login,
  author_association: authorAssociation,
  labels: z.array(label).default([]),
  created_at: timestamp,
  closed_at: timestamp.nullable().optional(),
  merged_at: timestamp.nullable().optional(),
  base: z.object({ ref: z.string() }).passthrough().optional(),
  head: z.object({ ref: z.string() }).passthrough().optional(),
});

export const restReleaseSchema = z.object({
  id: z.number().int().optional(),
  tag_name: z.string(),
  name: z.string().nullable().optional(),
  html_url: z.string().optional(),
  draft: z.boolean().default(false),
  prerelease: z.boolean().default(false),
  created_at: timestamp,
  published_at: timestamp.nullable().optional(),
  assets: z.array(z.object({ name: z.string(), download_count: z.number().int() }).passthrough()).default([]),
});

export type RestIssue = z.output<typeof restIssueSchema>;
export type RestComment = z.output<typeof restCommentSchema>;
export type RestIssueEvent = z.output<typeof restIssueEventSchema>;
export type RestPull = z.output<typeof restPullSchema>;
export type RestRelease = z.output<typeof restReleaseSchema>;

/** The issue number a comment belongs to, from its `issue_url` (…/issues/123). */
export function commentIssueNumber(comment: RestComment): number | null {
  const match = /\/issues\/(\d+)$/.exec(comment.issue_url);
  return match?.[1] ? Number(match[1]) : null;
}
