/**
 * A deep copy of model data, equal to what `structuredClone` makes of it (an object reached
 * twice is copied once, and both places hold the copy) at about half its cost: structuredClone
 * serialises the whole value before building the copy, which on a model of thousands of tables
 * is a second's work of its own. Values that are not plain objects, arrays or primitives (none
 * in a model) are left to structuredClone.
 */
export function cloneModel<T>(value: T): T {
  const copies = new Map<object, unknown>();
  const copy = (item: unknown): unknown => {
    if (typeof item !== 'object' || item === null) return item;
    const done = copies.get(item);
    if (done !== undefined) return done;
    if (Array.isArray(item)) {
      const out: unknown[] = [];
      copies.set(item, out);
      for (const element of item) out.push(copy(element));
      return out;
    }
    const prototype = Object.getPrototypeOf(item) as unknown;
    if (prototype !== Object.prototype && prototype !== null) {
      const out: unknown = structuredClone(item);
      copies.set(item, out);
      return out;
    }
    const out: Record<string, unknown> = {};
    copies.set(item, out);
    for (const key of Object.keys(item)) out[key] = copy((item as Record<string, unknown>)[key]);
    return out;
  };
  return copy(value) as T;
}
