/**
 * A record's own entry for a metric name. Metric names come from users' files, and a metric named
 * `constructor` or `toString` must not find Object.prototype's member.
 */
export function ownEntry<T>(record: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}
