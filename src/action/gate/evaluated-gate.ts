import type { ChecklistDocument } from "../../checklist/types.js";
import type { GateVerdict } from "../../gates/evaluate.js";
import type { CheckFileResult } from "../../gates/result.js";

/** One gate the pull request's check evaluated, from a file (evaluate-pr.ts) or the PR description (evaluate-body.ts). */
export interface EvaluatedGate {
  /** A repository file (annotatable) or the PR description. */
  source: "file" | "body";
  path: string;
  doc: ChecklistDocument;
  verdict: GateVerdict;
  result: CheckFileResult;
  /** The file exists at the PR head (annotations need a line in it). */
  existsAtHead: boolean;
}
