import { objectId, readParts } from './id.js';
import type { RangeType } from './schema.js';

/**
 * The multirange type name PostgreSQL derives for a range type (makeMultirangeTypeName): the
 * first `range` in the name becomes `multirange`, else `_multirange` is appended; clipped to 63
 * bytes at a character boundary.
 */
export function defaultMultirangeName(rangeName: string): string {
  const at = rangeName.indexOf('range');
  const derived = at >= 0 ? `${rangeName.slice(0, at)}multi${rangeName.slice(at)}` : `${clipBytes(rangeName, 52)}_multirange`;
  return clipBytes(derived, 63);
}

function clipBytes(text: string, bytes: number): string {
  const encoder = new TextEncoder();
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = encoder.encode(char).length;
    if (used + size > bytes) break;
    out += char;
    used += size;
  }
  return out;
}

/** The id of a range type's multirange type: its own schema unless MULTIRANGE_TYPE_NAME named another. */
export function multirangeId(range: RangeType): string {
  const { parts } = readParts(range.multirange ?? '', '');
  if (parts.length === 2) return objectId(parts[0]!, parts[1]!);
  return objectId(range.schema, parts[0] ?? defaultMultirangeName(range.name));
}
