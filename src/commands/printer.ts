import { canonicalizeWith, canonicalOfStoredLoad } from '../canonical/index.js';
import { privilegesFor } from '../canonical/server-privileges.js';
import type { ResolvedConfig } from '../config/load.js';
import type { Connection } from '../engine/connection.js';
import { whileHeld } from '../engine/heap-growth.js';
import { connectPostgres } from '../engine/pg.js';
import { redactUrl } from '../engine/redact.js';
import { PgformError } from '../errors.js';
import type { Schema } from '../model/schema.js';
import { openScratch, presetOf, withConnection } from './database.js';
import { cacheDir, embeddedPrinter, embeddedPrintsKept } from './states.js';

/**
 * A Printer is the server whose printed forms (view queries, expressions, type names) a
 * comparison uses. Two models compare only once both are printed by the same server: PostgreSQL
 * 15 and PGlite (PostgreSQL 18) print some expressions differently.
 */
export interface Printer {
  engine: 'postgres' | 'pglite';
  version: number;
  /** The server's URL, for a PostgreSQL printer. */
  url?: string;
}

export function samePrinter(a: Printer | undefined, b: Printer | undefined): boolean {
  return !!a && !!b && a.engine === b.engine && a.version === b.version;
}

function scratchUrl(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * An empty scratch database on a PostgreSQL server, with the preset in place, dropped after
 * `work`. Canonical forms for a server must come from that server, and an empty database is
 * the only place definitions can be applied without touching real objects.
 */
export async function withServerScratch<T>(config: ResolvedConfig, url: string, work: (conn: Connection) => Promise<T>): Promise<T> {
  return withConnection(() => openServerScratch(config, url), work);
}

/** The same scratch database, kept until it is closed (closing drops it): a session's printing database. */
export async function openServerScratch(config: ResolvedConfig, url: string): Promise<Connection> {
  const name = `pgform_scratch_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = await connectPostgres(url);
  const drop = async () => {
    await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.close();
  };
  try {
    await admin.exec(`CREATE DATABASE "${name}" TEMPLATE template0`);
  } catch (error) {
    await admin.close();
    throw new PgformError(
      'DATABASE_UNREACHABLE',
      `cannot create a scratch database on ${redactUrl(url)} to print the definitions as that server would: ${error instanceof Error ? error.message : String(error)}`,
      {},
      'grant CREATEDB to the user, or compare against the embedded engine',
    );
  }
  let conn: Connection;
  try {
    conn = await connectPostgres(scratchUrl(url, name));
  } catch (error) {
    await drop();
    throw error;
  }
  try {
    const preset = presetOf(config);
    if (preset.bootstrapSql) await conn.exec(preset.bootstrapSql);
  } catch (error) {
    await conn.close();
    await drop();
    throw error;
  }
  const close = conn.close;
  return Object.assign(conn, {
    async close() {
      try {
        await close();
      } finally {
        await drop();
      }
    },
  });
}

/** The printer's name in the keys of its printed forms. */
const printerName = (printer: Printer) => (printer.engine === 'postgres' && printer.url ? `postgres ${printer.version}` : embeddedPrinter);

const printOptions = (config: ResolvedConfig, loadKey: string | undefined) => ({
  externalNamespaces: presetOf(config).externalNamespaces,
  cacheDir: cacheDir(config),
  ...(loadKey ? { loadKey } : {}),
});

/**
 * Prints a model as the printer would: apply it to an empty database there and read it back
 * (cached). `loadKey` names what the model was read from (see printedOfStoredLoad): the printed
 * form is then also stored under it.
 */
export async function printWith(config: ResolvedConfig, printer: Printer, schema: Schema, loadKey?: string): Promise<Schema> {
  const options = printOptions(config, loadKey);
  if (printer.engine === 'postgres' && printer.url) {
    const url = printer.url;
    return whileHeld(() => canonicalizeWith(privilegesFor(schema, printer.version), printerName(printer), (work) => withServerScratch(config, url, work), options));
  }
  return canonicalizeWith(schema, printerName(printer), (work) => withConnection(() => openScratch(config), work), { ...options, keptPrints: embeddedPrintsKept(config) });
}

/**
 * The printer's form of a model printWith stored under `loadKey`, if any: read without reading
 * (or holding) the model it was printed from.
 */
export function printedOfStoredLoad(config: ResolvedConfig, printer: Printer, loadKey: string): Schema | undefined {
  return canonicalOfStoredLoad(printerName(printer), { ...printOptions(config, undefined), loadKey });
}
