import type { ChecklistItem } from "../checklist/types.js";

export interface TaskProgress {
  /** The task heading (`TASK 5.1 — …`), or "(no heading)" for items above every heading. */
  heading: string;
  total: number;
  done: number;
  required: number;
  requiredDone: number;
}

/**
 * The heading level that names a task: the outermost one, unless a single outermost heading
 * (a document title) holds every item, in which case the level below it.
 */
function taskLevel(items: ChecklistItem[]): number {
  const outermost = new Set(items.map((i) => i.headings[0]));
  return outermost.size === 1 && items.some((i) => i.headings.length > 1) ? 1 : 0;
}

/** Per-task totals in document order. `isDone` decides what counts as done (ticked, waived, verified). */
export function taskProgress(items: ChecklistItem[], isDone: (item: ChecklistItem) => boolean): TaskProgress[] {
  const level = taskLevel(items);
  const tasks = new Map<string, TaskProgress>();
  for (const item of items) {
    const heading = item.headings[level] ?? item.headings.at(-1) ?? "(no heading)";
    let task = tasks.get(heading);
    if (!task) {
      task = { heading, total: 0, done: 0, required: 0, requiredDone: 0 };
      tasks.set(heading, task);
    }
    const done = isDone(item);
    task.total++;
    if (done) task.done++;
    if (!item.optional) {
      task.required++;
      if (done) task.requiredDone++;
    }
  }
  return [...tasks.values()];
}
