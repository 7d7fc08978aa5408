import type { Connection } from '../engine/connection.js';
import { PgformError } from '../errors.js';

/**
 * Runs one catalog query, which returns a single row holding a JSON array (see `asJsonRows`),
 * and returns that array. pg and PGlite both parse json columns; a string is parsed here in case
 * a driver is configured not to.
 */
export async function readRows<Row>(conn: Connection, kind: string, sql: string, params?: unknown[]): Promise<Row[]> {
  let result: { rows: unknown }[];
  try {
    result = await conn.query<{ rows: unknown }>(sql, params);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PgformError('INTROSPECTION_FAILED', `reading ${kind} from the catalogs failed: ${reason}`, { statement: sql }, undefined, {
      cause: error,
    });
  }
  const value = result[0]?.rows;
  return (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as Row[];
}

/**
 * Settings under which the catalogs print: an empty search_path schema-qualifies every name that
 * is not in pg_catalog; the output styles fix how constants in defaults and checks are printed
 * (a timestamptz default reads differently in another TimeZone).
 */
const printSettings = [
  "SET LOCAL search_path = ''",
  "SET LOCAL DateStyle = 'ISO, MDY'",
  "SET LOCAL IntervalStyle = 'postgres'",
  "SET LOCAL TimeZone = 'UTC'",
  'SET LOCAL extra_float_digits = 1',
  "SET LOCAL bytea_output = 'hex'",
].join(';\n');

/**
 * Runs `work` in one REPEATABLE READ transaction, so every query sees the same snapshot, with the
 * print settings above, undone afterwards so the session is untouched. Inside a transaction the
 * caller already holds (canonical form, migrations), a savepoint takes its place: the caller's
 * uncommitted objects are what must be read.
 */
export async function inCatalogSnapshot<T>(conn: Connection, work: () => Promise<T>): Promise<T> {
  const nested = conn.inTransaction;
  await conn.exec(nested ? 'SAVEPOINT pgform_introspect' : 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await conn.exec(printSettings);
    return await work();
  } finally {
    await conn.exec(nested ? 'ROLLBACK TO SAVEPOINT pgform_introspect; RELEASE SAVEPOINT pgform_introspect' : 'ROLLBACK');
  }
}
