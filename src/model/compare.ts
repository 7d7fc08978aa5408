/**
 * Structural comparison of model values. Documentation that never reaches the database (group,
 * note, source location) is ignored: two models are equal when PostgreSQL would hold the same.
 */
const documentationOnly = new Set(['group', 'note', 'source']);

/** A stable JSON text of a model value without documentation-only fields. */
export function stableText(value: unknown): string {
  return JSON.stringify(strip(value));
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    if (documentationOnly.has(key)) continue;
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    out[key] = strip(item);
  }
  return out;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return stableText(a) === stableText(b);
}

/** A Difference is one path at which two model values disagree. */
export interface Difference {
  path: string;
  expected: unknown;
  actual: unknown;
}

/** Every leaf path at which `expected` and `actual` differ, for test failures and reports. */
export function listDifferences(expected: unknown, actual: unknown, path = ''): Difference[] {
  const a = strip(expected);
  const b = strip(actual);
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => listDifferences(a[key], b[key], path ? `${path}.${key}` : key));
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item) => isRecord(item) && 'name' in item)) {
    return a.flatMap((item, i) => listDifferences(item, b[i], `${path}[${String((item as { name: unknown }).name)}]`));
  }
  return [{ path, expected: a, actual: b }];
}
