export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A record whose insertion order is its sorted keys, so JSON output is deterministic. */
export function sortedRecord<T>(entries: Iterable<[string, T]>): Record<string, T> {
  const record: Record<string, T> = {};
  for (const [key, value] of [...entries].sort(([a], [b]) => byText(a, b))) record[key] = value;
  return record;
}
