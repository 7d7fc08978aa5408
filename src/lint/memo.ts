/**
 * A function of a text remembered per text: a schema's tables repeat the same few index keys and
 * policy clauses, so each is read once. Bounded, for processes that lint many schemas.
 */
export function memoized<T>(read: (text: string) => T, limit = 10_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text)!;
    const value = read(text);
    if (known.size >= limit) known.clear();
    known.set(text, value);
    return value;
  };
}
