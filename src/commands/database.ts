import type { ResolvedConfig } from '../config/load.js';
import type { Connection } from '../engine/connection.js';
import { connectPostgres } from '../engine/pg.js';
import type { PgliteSetup, ScratchConnection } from '../engine/pglite.js';
import { presets, type Preset } from '../engine/presets.js';
import { redactUrl } from '../engine/redact.js';

export function presetOf(config: ResolvedConfig): Preset {
  return presets[config.preset];
}

/** How introspection treats the preset's objects: what lives in its namespaces is referenced. */
export function presetReads(config: ResolvedConfig): { externalNamespaces: string[]; externalRoles: string[] } {
  const preset = presetOf(config);
  return { externalNamespaces: preset.externalNamespaces, externalRoles: preset.externalRoles };
}

/** The database a command works on: the URL's server, or the embedded one with the preset in place. */
export async function openDatabase(config: ResolvedConfig, url = config.url): Promise<Connection> {
  if (url) return connectPostgres(url);
  // The embedded engine is a large WebAssembly module: loaded only when a command needs it.
  const { openEmbeddedPglite } = await import('../engine/pglite.js');
  const preset = presetOf(config);
  const conn = await openEmbeddedPglite(config.embeddedDir, pgliteSetup(preset));
  try {
    // Run on every open: an embedded database made before the preset changed catches up.
    if (preset.bootstrapSql) await conn.exec(preset.bootstrapSql);
  } catch (error) {
    await conn.close();
    throw error;
  }
  return conn;
}

/**
 * A fresh in-process database with the preset in place (its template has it): shadow and scratch
 * work. `from` is a data directory a scratch database kept (see ScratchConnection) to start from;
 * `keptIn`, the folder the database is likely to be kept in (a shadow: see migrationsState).
 */
export async function openScratch(config: ResolvedConfig, from?: string, keptIn?: string): Promise<ScratchConnection> {
  const { openScratchPglite } = await import('../engine/pglite.js');
  return openScratchPglite(pgliteSetup(presetOf(config)), from, keptIn);
}

/** A scratch database started on a directory a scratch database kept, taken over into `into` rather than copied (see openClaimedPglite). */
export async function openClaimed(config: ResolvedConfig, directory: string, into: string): Promise<ScratchConnection> {
  const { openClaimedPglite } = await import('../engine/pglite.js');
  return openClaimedPglite(directory, into, pgliteSetup(presetOf(config)));
}

/** What the embedded engine builds its preset template from. */
function pgliteSetup(preset: Preset): PgliteSetup | undefined {
  return preset.bootstrapSql ? { sql: preset.bootstrapSql, ...(preset.searchPath ? { searchPath: preset.searchPath } : {}) } : undefined;
}

/** How a database is named in output: a redacted URL, or the embedded directory. */
export function databaseLabel(config: ResolvedConfig, url = config.url): string {
  return url ? redactUrl(url) : `embedded (${config.embeddedDir.replace(config.root + '/', '')})`;
}

/** Runs work with a connection that is always closed, so an embedded database never keeps the process alive. */
export async function withConnection<T>(open: () => Promise<Connection>, work: (conn: Connection) => Promise<T>): Promise<T> {
  const conn = await open();
  try {
    return await work(conn);
  } finally {
    await conn.close();
  }
}
