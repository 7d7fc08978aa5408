import { readdirSync, renameSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from '../engine/alive.js';
import { removeInBackground } from '../engine/background-removal.js';

/** Marks a kept directory as used, so pruning removes the ones unused the longest. */
export function touch(directory: string): void {
  try {
    const now = new Date();
    utimesSync(directory, now, now);
  } catch {
    // Only the pruning order depends on it.
  }
}

/**
 * Removes all but the `keptDirectories` most recently used directories in `dataDir` (each named
 * by a key), and what killed processes left half written. Each is renamed away first: a reader
 * copying it fails (and starts from nothing) rather than from part of a database. Then it is removed by a process of its own, which this
 * command does not wait for (see removeInBackground).
 */
export function pruneKept(dataDir: string, keptDirectories: number): void {
  try {
    const names = readdirSync(dataDir);
    for (const name of names) {
      const pid = Number(/\.(\d+)\.(partial|removed)$/.exec(name)?.[1]);
      if (pid && !isAlive(pid)) removeInBackground(join(dataDir, name));
    }
    for (const name of byUse(dataDir, names).slice(keptDirectories)) {
      const trash = join(dataDir, `${name}.${process.pid}.removed`);
      renameSync(join(dataDir, name), trash);
      removeInBackground(trash);
    }
  } catch {
    // A cache that cannot be pruned only costs disk space; another process may be pruning too.
  }
}

/** The names of the directories kept in `dir`, the one used last first (see touch). */
export function keptByUse(dir: string): string[] {
  try {
    return byUse(dir, readdirSync(dir));
  } catch {
    return [];
  }
}

function byUse(dir: string, names: string[]): string[] {
  return names
    .filter((name) => /^[0-9a-f]{64}$/.test(name))
    .flatMap((name) => {
      const used = lastUsed(join(dir, name));
      return used === undefined ? [] : [{ name, used }];
    })
    .sort((a, b) => b.used - a.used)
    .map(({ name }) => name);
}

/** When a directory was last used; undefined when another process has just taken or removed it. */
function lastUsed(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}
