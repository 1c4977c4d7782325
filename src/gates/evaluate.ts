import type { ChecklistDocument, ChecklistItem } from "../checklist/types.js";
import type { GateDocument } from "./document.js";
import { removedItems } from "./removed.js";
import { type TaskProgress, taskProgress } from "./tasks.js";

export type BlockingReason = "unticked" | "waiver-without-reason" | "unverified";

export interface BlockingItem {
  item: ChecklistItem;
  reason: BlockingReason;
  /** Human explanation, e.g. who ticked it and who may. */
  detail: string;
}

export interface GateVerdict {
  id: string;
  title: string;
  passed: boolean;
  total: number;
  done: number;
  required: number;
  requiredDone: number;
  tasks: TaskProgress[];
  blocking: BlockingItem[];
  /** Required items present in the base version and missing from this one. */
  removed: ChecklistItem[];
}

export interface EvaluateOptions {
  /** The same document at the base version, for removed-item detection. */
  base?: ChecklistDocument;
  /**
   * Sign-off problems found by attribution (item line → explanation). An item listed here is
   * ticked but does not count until someone with authority ticks it.
   */
  unverified?: ReadonlyMap<number, string>;
  /** Required items removed, when known otherwise than from `base` (a PR description's edit history). */
  removed?: ChecklistItem[];
}

/**
 * The gate rule: a gate passes only when every required (non-`(optional)`) item is ticked or
 * waived with a reason, every sign-off is verified, and no required item of the base version was
 * removed. A document without items never passes by accident: callers reject it as input.
 */
export function evaluateGate(doc: GateDocument, options: EvaluateOptions = {}): GateVerdict {
  const blocking: BlockingItem[] = [];
  const isDone = (item: ChecklistItem) =>
    item.checked && !item.waiverMissingReason && !options.unverified?.has(item.line);
  for (const item of doc.items) {
    if (item.optional || isDone(item)) continue;
    if (!item.checked) blocking.push({ item, reason: "unticked", detail: "not ticked" });
    else if (item.waiverMissingReason) {
      blocking.push({
        item,
        reason: "waiver-without-reason",
        detail: "struck through without a reason; add `N/A: <reason>` after the struck text",
      });
    } else {
      blocking.push({
        item,
        reason: "unverified",
        detail: options.unverified?.get(item.line) ?? "sign-off unverified",
      });
    }
  }
  const removed = [...(options.base ? removedItems(options.base.items, doc.items) : []), ...(options.removed ?? [])];
  const required = doc.items.filter((i) => !i.optional);
  return {
    id: doc.frontMatter?.gate ?? gateIdFromPath(doc.path),
    title: doc.frontMatter?.title ?? doc.firstHeading ?? doc.path,
    passed: blocking.length === 0 && removed.length === 0,
    total: doc.items.length,
    done: doc.items.filter(isDone).length,
    required: required.length,
    requiredDone: required.filter(isDone).length,
    tasks: taskProgress(doc.items, isDone),
    blocking,
    removed,
  };
}

function gateIdFromPath(path: string): string {
  const name = path.split(/[\\/]/).at(-1) ?? path;
  return name.replace(/\.(md|markdown)$/i, "");
}
