/**
 * Structural comparison of model values. What never reaches the database (group, note, source
 * location, rename hints, lint suppressions) is ignored: two models are equal when PostgreSQL would hold the same.
 * So are the catalogs' dependency edges: they follow from the objects, and only a database
 * has them, never definitions.
 * An extension's `relocatable` and `defaultVersion` are what only the server knows of an object
 * it did not get from the user; and whether an object is the preset's. A view's updatability
 * follows from its query, so it is no difference of its own. A materialized view's `WITH NO
 * DATA` says how it is created: once a job or a person refreshes it, it holds rows, which is data,
 * never drift to undo.
 */
const documentationOnly = new Set(['group', 'note', 'source', 'renamedFrom', 'renamedValues', 'sensitive', 'updatable', 'withNoData', 'dependencies', 'conversion', 'relocatable', 'defaultVersion', 'defaultComment', 'external', 'lint']);

/** A stable JSON text of a model value without documentation-only fields. */
export function stableText(value: unknown): string {
  return JSON.stringify(strip(value));
}

/**
 * Table columns compare by name, not position: PostgreSQL appends an added column and cannot
 * move one without rebuilding the table, so position is neither drift nor something to migrate.
 */
function isTableColumns(value: unknown[]): boolean {
  return value.length > 0 && value.every((item) => item !== null && typeof item === 'object' && 'name' in item && 'notNull' in item);
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(strip);
    if (!isTableColumns(value)) return items;
    return items.sort((a, b) => String((a as { name: string }).name).localeCompare(String((b as { name: string }).name)));
  }
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

/**
 * Whether two model values are equal under the rules of `stableText` (documentation-only and
 * undefined fields ignored, table columns by name), walked directly rather than printed: a diff
 * of two large models makes hundreds of thousands of these comparisons.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    const left = byNameIfColumns(a);
    const right = byNameIfColumns(b);
    for (let i = 0; i < left.length; i++) if (!sameValue(left[i], right[i])) return false;
    return true;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  // Every compared key of one side equal on the other, and as many compared keys on each: no key
  // lists are built or sorted (this runs hundreds of thousands of times on a large model).
  let keys = 0;
  for (const key of Object.keys(a)) {
    const value = (a as Record<string, unknown>)[key];
    if (value === undefined || documentationOnly.has(key)) continue;
    keys++;
    if (!sameValue(value, (b as Record<string, unknown>)[key])) return false;
  }
  for (const key of Object.keys(b)) if ((b as Record<string, unknown>)[key] !== undefined && !documentationOnly.has(key)) keys--;
  return keys === 0;
}

/** Columns in name order (by code point: equal names are what matters, not a locale's order). */
function byNameIfColumns(items: unknown[]): unknown[] {
  if (!isTableColumns(items)) return items;
  return [...items].sort((x, y) => {
    const p = String((x as { name: string }).name);
    const q = String((y as { name: string }).name);
    return p < q ? -1 : p > q ? 1 : 0;
  });
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
