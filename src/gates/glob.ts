import picomatch from "picomatch";
import { InputError } from "../errors.js";

/**
 * Glob patterns for paths, branches and labels, as picomatch reads them: `*` (any run within a
 * path segment, dots included), `**` (any number of segments), `?` (one character), `[0-9]`
 * (character classes), `{a,b}` (alternatives). A leading `!` is literal: every list means "any
 * of these", and a negation in it would quietly widen a gate's reach.
 */
const OPTIONS: picomatch.PicomatchOptions = { dot: true, nonegate: true, strictBrackets: true };

const compiled = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  let regexp = compiled.get(glob);
  if (regexp) return regexp;
  // picomatch reads an unclosed `{` literally; in a config it is a typo that would make the gate
  // silently stop applying, so it is an error (as an unclosed `[` is, by strictBrackets).
  if (unclosedBrace(glob)) {
    throw new InputError(`invalid glob "${glob}": a { … } group is not closed`, {
      fix: "close the group with }, e.g. {main,release/*}",
    });
  }
  try {
    regexp = picomatch.makeRe(glob, OPTIONS);
  } catch (error) {
    throw new InputError(`invalid glob "${glob}": ${(error as Error).message}`, {
      fix: "close each [ … ] class, or write \\[ for a literal [",
    });
  }
  compiled.set(glob, regexp);
  return regexp;
}

function unclosedBrace(glob: string): boolean {
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === "\\") i++;
    else if (glob[i] === "{") depth++;
    else if (glob[i] === "}" && depth > 0) depth--;
  }
  return depth > 0;
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
  return picomatch.scan(pattern).isGlob || /[*?{[]/.test(pattern);
}

export function matchesAny(value: string, globs: readonly string[]): boolean {
  return globs.some((g) => globToRegExp(g).test(value));
}
