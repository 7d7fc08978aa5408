import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A folder of JSON values stored under the hash of everything that determines them, so a hit is
 * always right and nothing ever needs invalidating. Unreadable entries are misses; a cache that
 * cannot be written only costs time.
 */
export function cacheKey(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:${part}\n`);
  return hash.digest('hex');
}

export function readCached<T>(dir: string, key: string): T | undefined {
  const path = join(dir, `${key}.json`);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export function writeCached(dir: string, key: string, value: unknown): void {
  try {
    mkdirSync(dir, { recursive: true });
    // Written beside it, then renamed: a parallel reader never sees half a file.
    const partial = join(dir, `${key}.${process.pid}.partial`);
    writeFileSync(partial, JSON.stringify(value));
    renameSync(partial, join(dir, `${key}.json`));
  } catch {
    // Ignored on purpose: see above.
  }
}
