/**
 * GitHub @mentions: a user (`@alice`) or a team (`@acme/release-managers`).
 * Usernames are 1–39 alphanumerics or single inner hyphens; a mention glued to a
 * preceding word character (an e-mail address like a@b.com) is not a mention.
 */
const MENTION = /(?<![\w@/`])@([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})(?:\/([a-z\d][\w.-]*))?(?![\w-])/gi;

/** Distinct owners in order of appearance, lower-cased, without the `@`. */
export function extractOwners(text: string): string[] {
  const owners = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    const [, user, team] = match;
    if (user) owners.add((team ? `${user}/${team}` : user).toLowerCase());
  }
  return [...owners];
}

/** Normalises an approver or owner written with or without `@`. */
export function normalizeOwner(name: string): string {
  return name.trim().replace(/^@/, "").toLowerCase();
}

export function isTeam(owner: string): boolean {
  return owner.includes("/");
}
