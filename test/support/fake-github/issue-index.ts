import type { Issue } from "./model.js";

/**
 * A repository's issues in the orders and selections queries ask for, computed once and kept
 * until an issue changes. The scale benchmark pages through 100,000 issues a thousand times;
 * sorting and filtering them on every page made the fake, not the Action, the slow part.
 *
 * "Until an issue changes" has to hold however a test changes one: through the fake's routes,
 * through the model's methods, or by assigning to an issue's fields directly
 * (`issue.updatedAt = …`, `issue.labels.push(…)`, `issue.labels = […]`). So the issues the
 * model hands out are proxies that count every write into `revision`, and so is each issue's
 * labels list; `issues.set`/`delete` count too. Reads go straight through.
 */
export class IssueIndex {
  /** Goes up on every change to an issue, a label list or the set of issues. */
  revision = 0;
  private cachedAt = -1;
  private readonly lists = new Map<string, Issue[]>();

  constructor(private readonly issues: () => Iterable<Issue>) {}

  /** Marks every list stale. */
  readonly changed = (): void => {
    this.revision++;
  };

  /**
   * The list named `key`, built by `build` from the issues at most once per revision. `key` must
   * name everything `build` depends on besides the issues.
   */
  list(key: string, build: (issues: Iterable<Issue>) => Issue[]): Issue[] {
    if (this.cachedAt !== this.revision) {
      this.lists.clear();
      this.cachedAt = this.revision;
    }
    let list = this.lists.get(key);
    if (!list) {
      list = build(this.issues());
      this.lists.set(key, list);
    }
    return list;
  }
}

const tracked = new WeakSet<object>();

/** `issue` with every write to it, or to its labels, reported to `changed`; an already tracked issue as it is. */
export function trackIssue(issue: Issue, changed: () => void): Issue {
  if (tracked.has(issue)) return issue;
  issue.labels = trackList(issue.labels, changed);
  const proxy = new Proxy(issue, {
    set(target, key, value) {
      const next = key === "labels" && Array.isArray(value) ? trackList(value, changed) : value;
      changed();
      return Reflect.set(target, key, next);
    },
    deleteProperty(target, key) {
      changed();
      return Reflect.deleteProperty(target, key);
    },
  });
  tracked.add(proxy);
  return proxy;
}

function trackList<T>(list: T[], changed: () => void): T[] {
  if (tracked.has(list)) return list;
  const proxy = new Proxy(list, {
    set(target, key, value) {
      changed();
      return Reflect.set(target, key, value);
    },
    deleteProperty(target, key) {
      changed();
      return Reflect.deleteProperty(target, key);
    },
  });
  tracked.add(proxy);
  return proxy;
}

/** A Map of issues whose `set`, `delete` and `clear` count as changes, and whose values are tracked issues. */
export class IssueMap extends Map<number, Issue> {
  constructor(private readonly changed: () => void) {
    super();
  }

  override set(number: number, issue: Issue): this {
    this.changed();
    return super.set(number, trackIssue(issue, this.changed));
  }

  override delete(number: number): boolean {
    this.changed();
    return super.delete(number);
  }

  override clear(): void {
    this.changed();
    super.clear();
  }
}

/**
 * Items (comments, events) by issue number, kept between requests while the list is unchanged:
 * same length and the same items at both ends (tests only append, or replace whole lists).
 * Without it a page of 100 issues would scan every comment of the repository 100 times.
 */
const byIssueCache = new WeakMap<
  object,
  { length: number; first: unknown; last: unknown; index: Map<number, unknown[]> }
>();
export function byIssue<T extends { issue: number }>(items: readonly T[]): Map<number, T[]> {
  const known = byIssueCache.get(items);
  if (known && known.length === items.length && known.first === items[0] && known.last === items.at(-1))
    return known.index as Map<number, T[]>;
  const index = new Map<number, T[]>();
  for (const item of items) {
    const list = index.get(item.issue);
    if (list) list.push(item);
    else index.set(item.issue, [item]);
  }
  byIssueCache.set(items, { length: items.length, first: items[0], last: items.at(-1), index });
  return index;
}
