import type { TriageConfig } from "./config.js";

export interface Commenter {
  user: { login: string; type?: string | undefined } | null;
  author_association?: string | undefined;
}

/** A bot account: GitHub marks them `type: "Bot"`, and their logins end in `[bot]`. */
export function isBot(user: { login: string; type?: string | undefined }): boolean {
  return user.type === "Bot" || user.login.toLowerCase().endsWith("[bot]");
}

/**
 * Whether a comment counts as a response to the issue: written by someone other than the
 * issue's author, with one of the configured author associations (OWNER, MEMBER, COLLABORATOR),
 * not a bot (unless configured) and not an ignored login.
 */
export function isResponse(comment: Commenter, issueAuthor: string | null, config: TriageConfig): boolean {
  const user = comment.user;
  if (!user) return false;
  const login = user.login.toLowerCase();
  if (issueAuthor !== null && login === issueAuthor.toLowerCase()) return false;
  if (config.responders.ignore_bots && isBot(user)) return false;
  if (config.responders.ignore.some((ignored) => ignored.toLowerCase() === login)) return false;
  const association = (comment.author_association ?? "").toUpperCase();
  return config.responders.associations.some((a) => a.toUpperCase() === association);
}
