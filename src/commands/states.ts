import { join } from 'node:path';
import { boundCache } from '../cache.js';
import { pgliteVersion } from '../engine/pglite-version.js';
import type { ResolvedConfig } from '../config/load.js';
import { introspect } from '../introspect/index.js';
import type { Schema } from '../model/schema.js';
import type { KeptPrints, PrintTarget } from '../canonical/index.js';
import { openDatabase, openScratch, presetOf, presetReads, withConnection } from './database.js';
import { keptPrints } from './printing-databases.js';

/** Where results are cached between runs: canonical forms, replayed migration files (models and data directories), loaded definitions. */
export function cacheDir(config: ResolvedConfig, kind: 'canonical' | 'shadow' | 'shadow-data' | 'print-data' | 'model' = 'canonical'): string {
  const dir = join(config.root, '.pgform', 'cache', kind);
  // Data directories are bounded where they are kept (see pruneKept); the JSON entries here.
  if (!kind.endsWith('-data')) boundCache(dir, keptEntries);
  return dir;
}

/** How many entries each cache folder keeps: enough for every system of a project and a few edits back. */
const keptEntries = 48;

/** The server that prints the definitions when no database is given: the embedded engine's package. */
export const embeddedPrinter = `pglite package ${pgliteVersion}`;

/**
 * The definitions as a canonical model, printed by a scratch embedded database (cached).
 * `declared`: the definitions already loaded; `target`: where to print instead (see PrintTarget).
 */
export async function definitionsState(config: ResolvedConfig, declared?: Schema, target?: PrintTarget): Promise<Schema> {
  if (!declared) {
    const stored = await storedCanonical(config);
    if (stored) return stored;
  }
  return (await definitionsStates(config, declared, target)).canonical;
}

/** Prints in an embedded database of its own, started for the print and disposed of after it. */
export function scratchPrinter(config: ResolvedConfig): PrintTarget {
  return () => ({ withConnection: (work) => withConnection(() => openScratch(config), work), disposable: true });
}

/**
 * The canonical model of the definitions when the files are as they were at a load whose
 * canonical form is cached: found by the files' key alone, so neither the declared model (tens
 * of megabytes at thousands of tables) nor the loader is read.
 */
async function storedCanonical(config: ResolvedConfig): Promise<Schema | undefined> {
  const [{ storedConfiguredLoadKey }, { canonicalOfStoredLoad }] = await Promise.all([import('./sql.js'), import('../canonical/index.js')]);
  const loadKey = storedConfiguredLoadKey(config);
  return loadKey ? canonicalOfStoredLoad(embeddedPrinter, { ...canonicalOptions(config), loadKey }) : undefined;
}

/**
 * After a stored verdict answered for the definitions without reading their print: that print is
 * the one the next edit starts from (see previousReadAgain), so an edit undone and followed by an
 * added column is not printed anew. Reads and writes one small entry.
 */
export async function definitionsReadAgain(config: ResolvedConfig, declared: Schema): Promise<void> {
  const [{ previousReadAgain }, { loadKey }] = await Promise.all([import('../canonical/previous-print.js'), import('../load/model-cache.js')]);
  const key = loadKey(declared);
  if (key) previousReadAgain(embeddedPrinter, { ...canonicalOptions(config), loadKey: key });
}

function canonicalOptions(config: ResolvedConfig) {
  return { externalNamespaces: presetOf(config).externalNamespaces, cacheDir: cacheDir(config), keptPrints: embeddedPrintsKept(config) };
}

/** Where the embedded printer's databases are kept between runs (see printedOnKept). */
export function embeddedPrintsKept(config: ResolvedConfig): KeptPrints {
  return keptPrints(config, cacheDir(config, 'print-data'));
}

/**
 * The definitions as written (what `pgform lint` reads) and as a canonical model, from one load:
 * loading thousands of definitions twice costs seconds and the loader's memory.
 */
export async function definitionsStates(config: ResolvedConfig, loaded?: Schema, target = scratchPrinter(config)): Promise<{ declared: Schema; canonical: Schema }> {
  // Loaded here, not at the top: commands that only read a live database (gen types --url) skip
  // the definitions' loader and the planner.
  const [{ loadConfiguredSchema }, { canonicalizeAt }, { loadKey }] = await Promise.all([import('./sql.js'), import('../canonical/index.js'), import('../load/model-cache.js')]);
  const declared = loaded ?? (await loadConfiguredSchema(config));
  const key = loadKey(declared);
  const options = { ...canonicalOptions(config), ...(key ? { loadKey: key } : {}) };
  const canonical = await canonicalizeAt(declared, embeddedPrinter, target, options);
  return { declared, canonical };
}

/** A live database as a model: the URL's server, or the embedded database. */
export async function databaseState(config: ResolvedConfig, url = config.url, namespaces = config.schemas, options: { tableParts?: boolean } = {}): Promise<Schema> {
  return withConnection(
    () => openDatabase(config, url),
    (conn) => introspect(conn, { ...presetReads(config), ...(namespaces ? { namespaces } : {}), ...options }),
  );
}
