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
  return new RegExp(`^${out}$`);
}

export function isGlob(pattern: string): boolean {
  return /[*?{]/.test(pattern);
}

export function matchesAny(value: string, globs: readonly string[]): boolean {
  return globs.some((g) => globToRegExp(g).test(value));
}
