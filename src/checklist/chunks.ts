import type { Root, RootContent } from "mdast";
import { walk } from "./walk.js";

/**
 * Splitting a long document before parsing. remark-parse's cost grows faster than the document
 * (a 50 KB checklist takes hundreds of milliseconds, ten times that takes dozens of times longer),
 * so long documents are parsed in pieces cut where Markdown itself starts afresh: at an ATX
 * heading (`#` at column 0) after a blank line. Such a line closes every paragraph, list, quote
 * and table; only a fenced code block or an HTML block running on past the blank line could hold
 * it — the parser reports that (its last block is code or HTML) and the piece is then joined to
 * the next. The cut points are only candidates; the parser has the last word on each.
 */

export interface Piece {
  text: string;
  /** Document line of the piece's first line, minus 1. */
  lineOffset: number;
  /** Character offset of the piece in the document. */
  offset: number;
}

/** Pieces smaller than this are joined to the next: parsing many tiny pieces costs more than it saves. */
const MIN_PIECE = 8 * 1024;

/** Cuts `text` at candidate boundaries into pieces of at least MIN_PIECE characters (the last may be shorter). */
export function candidatePieces(text: string): Piece[] {
  if (text.length < 2 * MIN_PIECE) return [{ text, lineOffset: 0, offset: 0 }];
  const pieces: Piece[] = [];
  let start = 0;
  let startLine = 0;
  let line = 0;
  let previousBlank = false;
  let position = 0;
  while (position < text.length) {
    const end = nextLineEnd(text, position);
    if (previousBlank && position - start >= MIN_PIECE && startsAtxHeading(text, position)) {
      pieces.push({ text: text.slice(start, position), lineOffset: startLine, offset: start });
      start = position;
      startLine = line;
    }
    previousBlank = isBlank(text, position, end.contentEnd);
    position = end.next;
    line++;
  }
  pieces.push({ text: text.slice(start), lineOffset: startLine, offset: start });
  return pieces;
}

function nextLineEnd(text: string, from: number): { contentEnd: number; next: number } {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") return { contentEnd: i, next: i + 1 };
    if (ch === "\r") return { contentEnd: i, next: text[i + 1] === "\n" ? i + 2 : i + 1 };
  }
  return { contentEnd: text.length, next: text.length };
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text[i] !== " " && text[i] !== "\t") return false;
  return true;
}

/** `#` to `######` at column 0 followed by a space, a tab or the line end. */
function startsAtxHeading(text: string, at: number): boolean {
  let i = at;
  while (i < text.length && i - at < 6 && text[i] === "#") i++;
  if (i === at) return false;
  const next = text[i];
  return next === undefined || next === " " || next === "\t" || next === "\n" || next === "\r";
}

type Parse = (text: string) => Root;

/**
 * Parses `text` piece by piece and returns one tree in document coordinates. A piece whose last
 * block is code or HTML may run on into the next piece, so the two are parsed together instead.
 * Link and footnote definitions apply document-wide, so a document that has any is parsed whole.
 * Only the first piece may start with front matter.
 */
export function parseInPieces(text: string, parseFirst: Parse, parseRest: Parse): Root {
  const pieces = candidatePieces(text);
  if (pieces.length === 1) return parseFirst(text);
  const children: RootContent[] = [];
  let index = 0;
  while (index < pieces.length) {
    const parse = index === 0 ? parseFirst : parseRest;
    let piece = pieces[index] as Piece;
    let tree = parse(piece.text);
    while (runsOn(tree) && index + 1 < pieces.length) {
      index++;
      const next = pieces[index] as Piece;
      piece = { text: piece.text + next.text, lineOffset: piece.lineOffset, offset: piece.offset };
      tree = parse(piece.text);
    }
    if (hasDefinitions(tree)) return parseFirst(text);
    shift(tree, piece.lineOffset, piece.offset);
    children.push(...tree.children);
    index++;
  }
  const end = children.at(-1)?.position?.end;
  return {
    type: "root",
    children,
    ...(end ? { position: { start: { line: 1, column: 1, offset: 0 }, end } } : {}),
  };
}

function runsOn(tree: Root): boolean {
  const last = tree.children.at(-1);
  return last?.type === "code" || last?.type === "html";
}

function hasDefinitions(tree: Root): boolean {
  let found = false;
  walk(tree, (node) => {
    found = node.type === "definition" || node.type === "footnoteDefinition";
    return found ? "exit" : undefined;
  });
  return found;
}

function shift(tree: Root, lines: number, offset: number): void {
  if (lines === 0 && offset === 0) return;
  walk(tree, (node) => {
    const position = node.position;
    if (!position) return undefined;
    position.start.line += lines;
    position.end.line += lines;
    if (position.start.offset !== undefined) position.start.offset += offset;
    if (position.end.offset !== undefined) position.end.offset += offset;
    return undefined;
  });
}
