import type { ResolvedConfig } from '../config/load.js';
import { connectPostgres } from '../engine/pg.js';
import { isPgformError } from '../errors.js';
import type { Schema } from '../model/schema.js';
import { withConnection } from './database.js';
import { loadKey } from '../load/model-cache.js';
import { printedOfStoredLoad, printWith, type Printer } from './printer.js';
import { loadConfiguredSchema, storedConfiguredLoadKey } from './sql.js';
import { definitionsState } from './states.js';

/** CanonicalOnServerOptions: what to do when the server will not make a scratch database. */
export interface CanonicalOnServerOptions {
  /**
   * Called with the reason when CREATE DATABASE is refused (no CREATEDB privilege): the
   * definitions are then printed by the embedded engine instead. Without it, the error stands.
   */
  onFallback?: (reason: string) => void;
}

/**
 * The definitions as a canonical model printed by the server at `url`: PostgreSQL prints types
 * and expressions differently across versions, so comparing with a live database needs its own
 * printing, done in a scratch database on that server (see printer.ts) and cached.
 */
export async function canonicalOnServer(config: ResolvedConfig, url: string, options: CanonicalOnServerOptions = {}): Promise<Schema> {
  const version = await withConnection(() => connectPostgres(url), (conn) => conn.serverVersion());
  const printer: Printer = { engine: 'postgres', version, url };
  // The files as at a stored load: their print by this server may be stored under the load's key (see printWith).
  const storedKey = storedConfiguredLoadKey(config);
  const stored = storedKey && printedOfStoredLoad(config, printer, storedKey);
  if (stored) return stored;
  const schema = await loadConfiguredSchema(config);
  try {
    return await printWith(config, printer, schema, loadKey(schema));
  } catch (error) {
    if (!options.onFallback || !isPgformError(error) || error.code !== 'DATABASE_UNREACHABLE') throw error;
    options.onFallback(`${error.message}; the embedded engine prints the definitions instead`);
    return definitionsState(config);
  }
}
