import { cacheKey } from '../cache.js';
import type { KeptPrints } from './kept-print.js';
import { planCodeFingerprint } from './plan-code.js';

/**
 * The keys of what the canonical cache stores, apart from the printing code: commands that answer
 * from a stored verdict use them without loading the printer.
 */

/** Bump when what the cache holds changes shape, so old entries are not read. */
export const cacheFormat = 9;

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
  /** Where printing databases are kept between runs, so an edit is printed by applying it alone (see printedOnKept); with `cacheDir` only. */
  keptPrints?: KeptPrints;
}

/** The key of a whole canonical model, by the load it came from (see CanonicalOptions.loadKey). */
export function wholeKey(printer: string, options: CanonicalOptions): string | undefined {
  if (!options.loadKey || !options.cacheDir) return undefined;
  return cacheKey(String(cacheFormat), 'canonical model of a load', options.loadKey, printer, planCodeFingerprint(), JSON.stringify(options.externalNamespaces));
}
