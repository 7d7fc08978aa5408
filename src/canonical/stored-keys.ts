import { cacheKey } from '../cache.js';
import type { Connection } from '../engine/connection.js';
import { planCodeFingerprint } from './plan-code.js';

/**
 * The keys of what the canonical cache stores, apart from the printing code: commands that answer
 * from a stored verdict use them without loading the printer.
 */

/** Bump when what the cache holds changes shape, so old entries are not read. */
export const cacheFormat = 10;

export interface CanonicalOptions {
  externalNamespaces: string[];
  /** Where printed forms are cached by content hash; none when absent. */
  cacheDir?: string;
  /**
   * The key of the load the model came from, unchanged (see loadSchemaCached): the whole canonical
   * model is then cached under it too, so a run whose files did not change neither hashes the
   * model nor merges printed forms into it.
   */
  loadKey?: string;
  /**
   * Where the printer's databases are kept between runs, so an edit is printed by applying it alone
   * (see printedOnKept); with `cacheDir` only. A print whose target would make a database for it
   * alone is made in one of these instead: only a printer whose scratch databases they are may
   * be given them.
   */
  keptPrints?: KeptPrints;
}

/** The key of a whole canonical model, by the load it came from (see CanonicalOptions.loadKey). */
export function wholeKey(printer: string, options: CanonicalOptions): string | undefined {
  if (!options.loadKey || !options.cacheDir) return undefined;
  return cacheKey(String(cacheFormat), 'canonical model of a load', options.loadKey, printer, planCodeFingerprint(), JSON.stringify(options.externalNamespaces));
}

/**
 * Printing databases kept on disk between runs, each holding the definitions of one print (see
 * printedOnKept). `lineage` names what makes two kept databases comparable: the printer and the
 * code that wrote their SQL. A database kept by other code may hold objects that code created
 * differently, so it is never edited by this one.
 */
export interface KeptPrints {
  /** The fewest tables and views definitions have for their printing database to be kept (a small schema prints whole as fast as a kept one opens). */
  smallest: number;
  /** The key of the print the database kept last in `lineage` holds; undefined when none is kept. */
  newest(lineage: string): string | undefined;
  /** That database, to edit and keep again; undefined when it cannot be opened (another process took it). */
  open(lineage: string, holds: string): Promise<KeepableConnection | undefined>;
  /** A new empty printing database. */
  empty(): Promise<KeepableConnection>;
}

export interface KeepableConnection extends Connection {
  /** Closes the database and keeps it as the one holding the print stored under `holds`; a database that cannot be kept is discarded. */
  keep(lineage: string, holds: string): Promise<void>;
}
