import type { Connection } from '../engine/connection.js';
import type { AppliedMigration } from './history.js';

/**
 * The history of per-tenant migrations: one row per tenant schema and file, in pgform's own
 * schema (external to every preset, so never drift). Per schema, not per database: a tenant made
 * later takes every file from the first while the others are up to date, and a tenant whose file
 * failed is behind alone. One table for all of them, so one query reads every tenant's history.
 */
export const tenantHistoryTable = 'pgform.tenant_migrations';

const createSql = `CREATE SCHEMA IF NOT EXISTS pgform;
CREATE TABLE IF NOT EXISTS pgform.tenant_migrations (
  schema_name text NOT NULL,
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  duration_ms integer NOT NULL,
  PRIMARY KEY (schema_name, name)
);`;

/** Creates the table when missing. Run it holding the migration lock: two creators would race. */
export async function ensureTenantHistory(conn: Connection): Promise<void> {
  const exists = await conn.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [tenantHistoryTable]);
  if (!exists[0]?.found) await conn.exec(createSql);
}

/** Every tenant schema's applied files, in name order (none for a schema with no row; nothing is created). */
export async function readTenantHistory(conn: Connection): Promise<Map<string, AppliedMigration[]>> {
  const exists = await conn.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [tenantHistoryTable]);
  const history = new Map<string, AppliedMigration[]>();
  if (!exists[0]?.found) return history;
  const rows = await conn.query<{ schema_name: string; name: string; checksum: string; applied_at: string; duration_ms: number }>(
    'SELECT schema_name, name, checksum, applied_at::text AS applied_at, duration_ms FROM pgform.tenant_migrations',
  );
  // Sorted here, not by the database's collation: names compare as the files sort.
  rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const row of rows) {
    const list = history.get(row.schema_name) ?? [];
    list.push({ name: row.name, checksum: row.checksum, appliedAt: row.applied_at, durationMs: Number(row.duration_ms) });
    history.set(row.schema_name, list);
  }
  return history;
}

/** Records a file as applied to one tenant schema (in the file's transaction). */
export async function recordTenantApplied(conn: Connection, schema: string, name: string, checksum: string, durationMs: number): Promise<void> {
  await conn.query('INSERT INTO pgform.tenant_migrations (schema_name, name, checksum, duration_ms) VALUES ($1, $2, $3, $4)', [schema, name, checksum, Math.round(durationMs)]);
}
