import { InputError } from "../errors.js";

/**
 * Glob patterns for paths, branches and labels: `*` (any run within a path segment), `**` (any
 * number of segments), `?` (one character) and `{a,b}` (alternatives). Everything else is literal.
 */
export function globToRegExp(glob: string): RegExp {
  let out = "";
  let inBraces = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === "*") {
      if (glob[i + 1] === "*") {
        const slashAfter = glob[i + 2] === "/";
        out += slashAfter ? "(?:.*/)?" : ".*";
        i += slashAfter ? 2 : 1;
      } else out += "[^/]*";
    } else if (ch === "?") out += "[^/]";
    else if (ch === "{") {
      inBraces++;
      out += "(?:";
    } else if (ch === "}" && inBraces > 0) {
      inBraces--;
      out += ")";
    } else if (ch === "," && inBraces > 0) out += "|";
    else out += ch.replace(/[.+^$()|[\]\\/]/g, "\\$&");
  }
  if (inBraces > 0) {
    // Config and front matter check their globs when read (globProblem); this guards every other use.
    throw new InputError(`invalid glob "${glob}": a { … } group is not closed`, {
      fix: "close the group with }, e.g. {main,release/*}",
    });
  }
  return new RegExp(`^${out}$`);
}

/** Why a glob cannot be used, or null: for config validation with the key's line. */
export function globProblem(glob: string): string | null {
  try {
    globToRegExp(glob);
    return null;
  } catch (error) {
    return error instanceof InputError ? error.message : String(error);
  }
}

export function isGlob(pattern: string): boolean {
  return /[*?{]/.test(pattern);
}

export function matchesAny(value: string, globs: readonly string[]): boolean {
  return globs.some((g) => globToRegExp(g).test(value));
}
