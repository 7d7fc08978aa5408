import { join } from 'node:path';
import type { Input } from './base.js';

/** JavaScript source for a value, including the ones JSON cannot hold (undefined, NaN, 1n, functions, dates). */
export function toSource(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : value === Infinity ? 'Infinity' : value === -Infinity ? '-Infinity' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return '() => undefined';
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (Array.isArray(value)) return `[${value.map(toSource).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}: ${toSource(item)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
}

/**
 * A definitions file that declares an Input through the same harness, for the CLI to load as
 * a user's file. Its default export is the list of definitions.
 */
export function definitionsSource(input: Input): string {
  const harness = join(import.meta.dirname, 'base.ts');
  return `import { materialize } from ${JSON.stringify(harness)};\n\nexport default materialize(${toSource(input)});\n`;
}
