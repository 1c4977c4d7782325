// The benchmarks' baseline: the parser launchgate is required to use (unified + remark-parse +
// remark-gfm), on the same pieces launchgate parses, with none of launchgate's own work.
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { candidatePieces } from "../src/checklist/chunks.ts";

const processor = unified().use(remarkParse).use(remarkGfm);

export function remarkAlone(text) {
  for (const piece of candidatePieces(text)) processor.parse(piece.text);
}
