import type pg from 'pg';
import { PgformError } from '../errors.js';
import type { Connection } from './connection.js';
import { redactUrl } from './redact.js';
import { databaseOpened } from './heap-growth.js';

// Dates and timestamps stay text, as PGlite returns them, so both engines give the same rows.
const dateOids = new Set([1082, 1114, 1184]);
const rawTypes = (types: typeof pg.types): pg.CustomTypesConfig => ({
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    dateOids.has(oid) ? (value: string) => value : types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
});

/**
 * The driver. While it loads, pg asks whether it runs in a Cloudflare Worker: where there is no
 * `navigator` (Node 20) by building a fetch Response, which loads Node's whole fetch stack, a
 * sixth of a second of start-up on a loaded machine for a program that never fetches. A navigator
 * naming Node, there only while the driver loads, answers the question as Node 21 and later do.
 */
async function loadDriver(): Promise<typeof pg> {
  if ('navigator' in globalThis) return (await import('pg')).default;
  Object.defineProperty(globalThis, 'navigator', { value: { userAgent: 'Node.js' }, configurable: true });
  try {
    return (await import('pg')).default;
  } finally {
    delete (globalThis as { navigator?: unknown }).navigator;
  }
}

/** Opens a connection to a real PostgreSQL server. */
export async function connectPostgres(url: string): Promise<Connection> {
  // Loaded on first use: commands that never reach a server do not pay for the driver.
  const driver = await loadDriver();
  const client = new driver.Client({ connectionString: url, types: rawTypes(driver.types), application_name: 'pgform' });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PgformError('DATABASE_UNREACHABLE', `cannot connect to ${redactUrl(url)}: ${reason.split(url).join(redactUrl(url))}`, {}, 'check the URL and that the server is running');
  }
  databaseOpened();
  let version: number | undefined;
  return {
    engine: 'postgres',
    inTransaction: false,
    async query<Row>(text: string, params?: unknown[]) {
      const result = await client.query(text, params as unknown[]);
      return result.rows as Row[];
    },
    async exec(script: string) {
      await client.query(script);
    },
    async serverVersion() {
      version ??= Number((await client.query("SELECT current_setting('server_version_num') AS v")).rows[0].v);
      return version;
    },
    openSibling: () => connectPostgres(url),
    async close() {
      await client.end().catch(() => undefined);
    },
  };
}
