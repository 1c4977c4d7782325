import type { SnapshotGate } from "../../../src/snapshot/schema.js";
import { safeUrl } from "./safe-url.js";

export type GateItem = SnapshotGate["tasks"][number]["items"][number];

export function itemState(item: GateItem): "waived" | "done" | "optional" | "open" {
  return item.waived ? "waived" : item.checked ? "done" : item.optional ? "optional" : "open";
}

/**
 * Why an item holds the gate back. Snapshots from before `blocking` was recorded fall back to the
 * tick state: a required item that is neither ticked nor waived blocks.
 */
export function blockingReason(item: GateItem): string | null {
  const reason =
    item.blocking !== undefined ? item.blocking : !item.checked && !item.waived && !item.optional ? "unticked" : null;
  switch (reason) {
    case "unticked":
      return "not ticked";
    case "waiver-without-reason":
      return "waived without a reason";
    case "unverified":
      return `ticked, but the sign-off is not verified${item.unverifiedReason ? `: ${item.unverifiedReason}` : ""}`;
    default:
      return null;
  }
}

/** Who signed a ticked item off, in words; null for an item that is not ticked. */
export function signerWords(item: GateItem): string | null {
  if (!item.checked) return null;
  if (item.signedOffBy) return `signed off by @${item.signedOffBy.replace(/^@/, "")}`;
  return `not verified: ${item.unverifiedReason ?? "this snapshot records the tick only (the release PR's gate check verifies who ticked it)"}`;
}

/**
 * The item's line on GitHub: `blob/<sha>/<path>#L<n>` when the snapshot names the commit, else
 * the default branch (`blob/HEAD/…`, where lines may have moved since). Only a repository-relative
 * path becomes a link; anything else stays text.
 */
export function lineUrl(repoUrl: string, gate: SnapshotGate, line?: number): string | undefined {
  const path = gate.path.replace(/\\/g, "/");
  if (path === "" || path.startsWith("/") || /^[a-z]:/i.test(path) || path.split("/").includes("..")) return undefined;
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  return safeUrl(`${repoUrl.replace(/\/+$/, "")}/blob/${gate.ref ?? "HEAD"}/${encoded}${line ? `#L${line}` : ""}`);
}

/** The headings above an item below its task heading ("Task › Section"), outermost first. */
export function sectionTrail(item: GateItem, taskHeading: string): string[] {
  const headings = item.headings ?? [];
  const at = headings.indexOf(taskHeading);
  return at >= 0 ? headings.slice(at + 1) : headings.filter((h) => h !== taskHeading);
}
