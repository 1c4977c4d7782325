import { getCollection } from "astro:content";
import type { Snapshot } from "../../../src/snapshot/schema.js";

/** All snapshots, oldest first (ISO week ids sort chronologically as strings). */
export async function loadSnapshots(): Promise<Snapshot[]> {
  const entries = await getCollection("snapshots");
  return entries.map((entry) => entry.data).sort((a, b) => a.week.id.localeCompare(b.week.id));
}

/** The newest snapshot; the loader refuses to build without one. */
export async function newestSnapshot(): Promise<Snapshot> {
  const all = await loadSnapshots();
  const newest = all.at(-1);
  if (!newest) throw new Error("no snapshots loaded");
  return newest;
}
