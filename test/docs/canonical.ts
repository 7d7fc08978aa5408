import { canonicalize } from '../../src/canonical/index.js';
import { loadSchema } from '../../src/load/definitions.js';
import type { Schema } from '../../src/model/schema.js';
import { pgliteEngine, withDatabase } from '../support/engines.js';
import { externalNamespaces } from '../support/round-trip.js';

/**
 * The canonical model of a definitions file, as `pgform gen docs` sees it: loaded, then printed
 * by a scratch PGlite database with the Supabase preset (types and expressions as PostgreSQL
 * prints them, view columns filled in).
 */
export async function canonicalModel(definitions: string): Promise<Schema> {
  const declared = await loadSchema(definitions, { externalNamespaces });
  return withDatabase(pgliteEngine, ({ conn }) => canonicalize(declared, conn, { externalNamespaces }));
}
