import { InputError } from "../errors.js";

/**
 * GitHub @mentions: a user (`@alice`) or a team (`@acme/release-managers`).
 * Usernames are 1–39 alphanumerics or single inner hyphens; a mention glued to a
 * preceding word character (an e-mail address like a@b.com) is not a mention.
 */
const MENTION = /(?<![\w@/])@([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})(?:\/([a-z\d][\w.-]*))?(?![\w-])/gi;

/**
 * Something written as a mention whose name is not plain ASCII (after NFKC): `@ürgen`, `@аlice`
 * with a Cyrillic `а`, `@\u200balice`. GitHub would not notify or link such a name, and a reader
 * would take it for the owner, so it is an input error rather than an item without its owner.
 */
const MENTION_LIKE = /(?<![\p{L}\p{N}_@/])@[\p{L}\p{N}\p{M}\p{Cf}_\-/]+/gu;
const NON_ASCII = /[^\p{ASCII}]/u;

/**
 * Distinct owners in order of appearance, lower-cased, without the `@`. `text` is read the way
 * an item's identity is (src/gates/removed.ts): compatibility forms count as what they look like,
 * so `＠ａｌｉｃｅ` is @alice. Throws an InputError for a mention that is not a GitHub login.
 */
export function extractOwners(text: string, where: { file?: string; line?: number } = {}): string[] {
  const plain = NON_ASCII.test(text) ? text.normalize("NFKC") : text;
  if (plain !== text || NON_ASCII.test(plain)) {
    const lookalike = plain.match(MENTION_LIKE)?.find((m) => NON_ASCII.test(m));
    if (lookalike) {
      throw new InputError(`"${lookalike}" looks like an @mention but is not a GitHub login`, {
        ...where,
        fix: "write the owner's login in plain ASCII letters, digits and hyphens (e.g. @alice), or drop the @",
      });
    }
  }
  const owners = new Set<string>();
  for (const match of plain.matchAll(MENTION)) {
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
