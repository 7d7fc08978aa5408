import { utimesSync, writeFileSync } from 'node:fs';
import { writeHeld } from '../../src/cache.js';

/** Writes a file as if saved a while ago: a file saved while a load runs is not cached (see loadSchemaCached). */
export function saveAWhileAgo(file: string, text: string): void {
  writeFileSync(file, text);
  const past = new Date(Date.now() - 60_000);
  utimesSync(file, past, past);
}

/**
 * Runs `work` as a command that ends well: what it held back for the cache is stored after it.
 * It starts as a command in a process of its own, with nothing held: test files share their
 * worker, and values other files' commands held belong to projects already removed (written
 * here, they would make those folders again).
 */
export async function asFinishedCommand<T>(work: () => Promise<T>): Promise<T> {
  writeHeld(false);
  const value = await work();
  writeHeld();
  return value;
}
