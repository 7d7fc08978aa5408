import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCached, writeCached } from '../cache.js';
import type { Schema } from '../model/schema.js';

/**
 * Canonical models in the cache, their dependency edges stored beside them. The edges are over a
 * third of a large model's text, and the commands that read a canonical model most often (types,
 * validators, docs) never look at them: they are parsed when first read, not with the model.
 */
export function writeCanonical(dir: string, key: string, schema: Schema): void {
  const { dependencies, ...rest } = schema;
  // The edges first: an entry is only ever found with its edges beside it (see readCanonical).
  if (dependencies) writeCached(dir, edgesKey(key), dependencies);
  writeCached(dir, key, { ...rest, ...(dependencies ? { [edgesMark]: true } : {}) });
}

export function readCanonical(dir: string, key: string): Schema | undefined {
  const stored = readCached<Schema & { [edgesMark]?: true }>(dir, key);
  if (!stored?.[edgesMark]) return stored;
  delete stored[edgesMark];
  // Read now, parsed later: the text cannot vanish (a bounded cache folder, another process)
  // between finding the model and reading its edges.
  const path = join(dir, `${edgesKey(key)}.json`);
  if (!existsSync(path)) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  return withEdgesParsedOnRead(stored, text);
}

const edgesMark = '$dependenciesBeside';
const edgesKey = (key: string) => `${key}-dependencies`;

function withEdgesParsedOnRead(schema: Schema, text: string): Schema {
  const settle = (value: Schema['dependencies']) => {
    Object.defineProperty(schema, 'dependencies', { value, enumerable: true, configurable: true, writable: true });
    return value;
  };
  // Defined last, where the edges stood in the model as it was printed: key order is kept.
  Object.defineProperty(schema, 'dependencies', {
    enumerable: true,
    configurable: true,
    get: () => settle(JSON.parse(text) as Schema['dependencies']),
    set: settle,
  });
  return schema;
}
