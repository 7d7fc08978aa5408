import { cacheKey, readCached, writeCached } from '../cache.js';
import type { ResolvedConfig } from '../config/load.js';
import type { Schema } from '../model/schema.js';
import { cacheDir, embeddedPrinter } from './states.js';

/**
 * Remembered answers of "nothing differs" between the definitions and the migration files, so
 * asking again over unchanged text costs no canonical form, no stored state and no comparison.
 * Each key holds everything the answer depends on: the declared model (source locations aside: a
 * line inserted above a definition changes nothing), the embedded printer, the key of the files'
 * state (see listedMigrations) and the question asked. A differing answer is never stored: it is
 * worked out again, so its report is always complete.
 */

/** Bump when what decides an answer changes. */
const verdictFormat = 1;

/** The declared model as text, without source locations. */
export function declaredText(declared: Schema): string {
  return JSON.stringify(declared, (key, value: unknown) => (key === 'source' ? undefined : value));
}

/** The key of one question about these definitions over these files; `question` says which and how it was asked. */
export function verdictKey(declared: Schema | string, migrations: string, question: string): string {
  return cacheKey(String(verdictFormat), question, embeddedPrinter, typeof declared === 'string' ? declared : declaredText(declared), migrations);
}

/** Whether "nothing differs" was stored under `key`. */
export function knownSame(config: ResolvedConfig, key: string): boolean {
  return readCached<boolean>(cacheDir(config, 'shadow'), key) === true;
}

export function rememberSame(config: ResolvedConfig, key: string): void {
  writeCached(cacheDir(config, 'shadow'), key, true);
}
