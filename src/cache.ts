import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
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
  writeText(dir, key, JSON.stringify(value));
}

function writeText(dir: string, key: string, text: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    // Written beside it, then renamed: a parallel reader never sees half a file.
    const partial = join(dir, `${key}.${process.pid}.partial`);
    writeFileSync(partial, text);
    renameSync(partial, join(dir, `${key}.json`));
    const limit = bounded.get(dir);
    if (limit !== undefined) keepNewestOnly(dir, limit);
  } catch {
    // Ignored on purpose: see above.
  }
}

/** Folders that keep only their newest entries, and how many (see boundCache). */
const bounded = new Map<string, number>();

/**
 * Keeps at most `count` entries in `dir`, the most recently written: older ones are deleted
 * after each write there. Entries are keyed by content, so each edit of a large schema adds whole
 * models (tens of megabytes at thousands of tables) that no later run asks for again.
 */
export function boundCache(dir: string, count: number): void {
  bounded.set(dir, count);
}

function keepNewestOnly(dir: string, count: number): void {
  const entries = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      try {
        return { name, time: statSync(join(dir, name)).mtimeMs };
      } catch {
        return { name, time: Number.POSITIVE_INFINITY };
      }
    })
    .sort((a, b) => b.time - a.time || (a.name < b.name ? -1 : 1));
  for (const { name } of entries.slice(count)) {
    try {
      unlinkSync(join(dir, name));
    } catch {
      // Another process removed it first, or it cannot be removed: a larger cache, nothing more.
    }
  }
}

/** Values held back until the run that computed them ends well: dir, key and the value as written. */
const held: { dir: string; key: string; text: string }[] = [];

/**
 * Like writeCached, for a value a run that then fails must not leave behind (a model loaded from
 * definitions the server refuses: a failed command writes nothing). Serialized now, as it is now;
 * written by writeHeld when the command ends well.
 */
export function writeCachedWhenDone(dir: string, key: string, value: unknown): void {
  const same = held.findIndex((entry) => entry.dir === dir && entry.key === key);
  if (same >= 0) held.splice(same, 1);
  held.push({ dir, key, text: JSON.stringify(value) });
  // A process that runs commands as a library never reaches writeHeld: only the newest values
  // are kept for it, not every model it ever loaded (a value not written is a miss later).
  if (held.length > heldLimit) held.splice(0, held.length - heldLimit);
}

/** How many values wait for writeHeld at most: a command holds two per definitions load. */
const heldLimit = 16;

/** Writes the values held back (the command ended well), or with `keep` false forgets them. */
export function writeHeld(keep = true): void {
  for (const { dir, key, text } of held.splice(0)) if (keep) writeText(dir, key, text);
}
