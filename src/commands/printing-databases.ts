import { join } from 'node:path';
import { cacheKey } from '../cache.js';
import type { KeepableConnection, KeptPrints } from '../canonical/index.js';
import type { ResolvedConfig } from '../config/load.js';
import type { ScratchConnection } from '../engine/pglite.js';
import { openClaimed, openScratch, presetOf } from './database.js';
import { keptByUse, pruneKept, touch } from './kept-directories.js';

/** How many printing databases are kept in a lineage: the one the next edit starts from (each is hundreds of megabytes at thousands of tables). */
const keptDatabases = 1;

/**
 * The fewest tables and views whose printing database is kept. A whole print of a few dozen
 * tables takes about as long as opening a kept database and reading it back, and a test suite's
 * or a small project's many prints would each write a database to the project's disk for nothing.
 */
const smallestKept = 50;

/** How many lineages' folders are kept: the one used last (another pgform version's databases are of no use to this one). */
const keptLineages = 1;

/**
 * The embedded printer's databases kept between runs (see printedOnKept), in `root` (the project's cache):
 * a folder per lineage and preset (the preset's objects are in every one of them), holding a data
 * directory per print, named by the print's key. Only the newest lineage's folder is kept.
 */
export function keptPrints(config: ResolvedConfig, root: string): KeptPrints {
  const folder = (lineage: string) => join(root, cacheKey(lineage, presetOf(config).bootstrapSql ?? ''));
  const keepable = (conn: ScratchConnection): KeepableConnection =>
    Object.assign(conn, {
      async keep(lineage: string, holds: string) {
        const dir = folder(lineage);
        const path = join(dir, holds);
        try {
          await conn.closeAndKeep(path);
          touch(path);
        } catch {
          // The print is read already: a database that cannot be kept (a full disk) only costs the next edit time.
        }
        pruneKept(dir, keptDatabases);
        touch(dir);
        pruneKept(root, keptLineages);
      },
    });
  return {
    smallest: smallestKept,
    newest: (lineage) => keptByUse(folder(lineage))[0],
    async open(lineage, holds) {
      try {
        // Taken into the root, where pruning another lineage's folder cannot remove it while it runs.
        return keepable(await openClaimed(config, join(folder(lineage), holds), root));
      } catch {
        // Taken or pruned by another process, or damaged: printed whole instead.
        return undefined;
      }
    },
    async empty() {
      return keepable(await openScratch(config, undefined, root));
    },
  };
}
