export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A record whose insertion order is its sorted keys, so JSON output is deterministic. Keys are
 * sorted by the default order of strings, which is byText's (UTF-16 code units), without a call
 * per comparison; of repeated keys the last value stays.
 */
export function sortedRecord<T>(entries: Iterable<[string, T]>): Record<string, T> {
  const values = new Map(entries);
  const record: Record<string, T> = {};
  for (const key of [...values.keys()].sort()) record[key] = values.get(key)!;
  return record;
}
