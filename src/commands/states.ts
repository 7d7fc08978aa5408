import { join } from 'node:path';
import { canonicalizeWith } from '../canonical/index.js';
import { pgliteVersion } from '../engine/pglite-version.js';
import type { ResolvedConfig } from '../config/load.js';
import { introspect } from '../introspect/index.js';
import type { Schema } from '../model/schema.js';
import { openDatabase, openScratch, presetOf, presetReads, withConnection } from './database.js';
import { loadConfiguredSchema } from './sql.js';

/** Where results are cached between runs: canonical forms, replayed migration files (models and data directories). */
export function cacheDir(config: ResolvedConfig, kind: 'canonical' | 'shadow' | 'shadow-data' = 'canonical'): string {
  return join(config.root, '.pgform', 'cache', kind);
}

/** The namespaces a model manages (what introspection must read to compare with it). */
export function managedNamespaces(schema: Schema): string[] {
  return Object.values(schema.namespaces)
    .filter((namespace) => !namespace.external)
    .map((namespace) => namespace.name);
}

/** The server that prints the definitions when no database is given: the embedded engine's package. */
export const embeddedPrinter = `pglite package ${pgliteVersion}`;

/** The definitions as a canonical model, printed by a scratch embedded database (cached). `declared`: the definitions already loaded. */
export async function definitionsState(config: ResolvedConfig, declared?: Schema): Promise<Schema> {
  const schema = declared ?? (await loadConfiguredSchema(config));
  const options = { externalNamespaces: presetOf(config).externalNamespaces, cacheDir: cacheDir(config) };
  return canonicalizeWith(schema, embeddedPrinter, (work) => withConnection(() => openScratch(config), work), options);
}

/** A live database as a model: the URL's server, or the embedded database. */
export async function databaseState(config: ResolvedConfig, url = config.url, namespaces = config.schemas, options: { tableParts?: boolean } = {}): Promise<Schema> {
  return withConnection(
    () => openDatabase(config, url),
    (conn) => introspect(conn, { ...presetReads(config), ...(namespaces ? { namespaces } : {}), ...options }),
  );
}
