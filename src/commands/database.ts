import type { ResolvedConfig } from '../config/load.js';
import type { Connection } from '../engine/connection.js';
import { connectPostgres } from '../engine/pg.js';
import { presets, type Preset } from '../engine/presets.js';
import { redactUrl } from '../engine/redact.js';

export function presetOf(config: ResolvedConfig): Preset {
  return presets[config.preset];
}

/** The database a command works on: the URL's server, or the embedded one with the preset in place. */
export async function openDatabase(config: ResolvedConfig, url = config.url): Promise<Connection> {
  if (url) return connectPostgres(url);
  // The embedded engine is a large WebAssembly module: loaded only when a command needs it.
  const { openEmbeddedPglite } = await import('../engine/pglite.js');
  const conn = await openEmbeddedPglite(config.embeddedDir);
  try {
    const preset = presetOf(config);
    if (preset.bootstrapSql) await conn.exec(preset.bootstrapSql);
  } catch (error) {
    await conn.close();
    throw error;
  }
  return conn;
}

/** A fresh in-process database with the preset in place: shadow and scratch work. */
export async function openScratch(config: ResolvedConfig): Promise<Connection> {
  const { openScratchPglite } = await import('../engine/pglite.js');
  const conn = await openScratchPglite();
  const preset = presetOf(config);
  if (preset.bootstrapSql) await conn.exec(preset.bootstrapSql);
  return conn;
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
