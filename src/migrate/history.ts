import type { Connection } from '../engine/connection.js';

/**
 * The history table lives in pgform's own schema, which every preset lists as external: the
 * differ never sees it, so it never shows as drift or gets dropped.
 */
export const historyTable = 'pgform.migrations';

/** An AppliedMigration is one row of the history table. */
export interface AppliedMigration {
  name: string;
  checksum: string;
  /** When it was applied, as the server prints a timestamptz. */
  appliedAt: string;
  durationMs: number;
  /** Set when only the Supabase CLI's history holds it (see supabase-history.ts). */
  recordedBy?: 'supabase';
}

const createSql = `CREATE SCHEMA IF NOT EXISTS pgform;
CREATE TABLE IF NOT EXISTS pgform.migrations (
  name text PRIMARY KEY,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  duration_ms integer NOT NULL
);`;

/** Creates the history table when missing. Run it holding the migration lock: two creators would race. */
export async function ensureHistory(conn: Connection): Promise<void> {
  const exists = await conn.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [historyTable]);
  if (!exists[0]?.found) await conn.exec(createSql);
}

/** The applied migrations in name order; none when the table does not exist yet (nothing is created). */
export async function readHistory(conn: Connection): Promise<AppliedMigration[]> {
  const exists = await conn.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [historyTable]);
  if (!exists[0]?.found) return [];
  const rows = await conn.query<{ name: string; checksum: string; applied_at: string; duration_ms: number }>(
    'SELECT name, checksum, applied_at::text AS applied_at, duration_ms FROM pgform.migrations',
  );
  // Sorted here, not by the database's collation: names compare as the files sort.
  rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return rows.map((row) => ({ name: row.name, checksum: row.checksum, appliedAt: row.applied_at, durationMs: Number(row.duration_ms) }));
}

/** Records a migration as applied (in the caller's transaction when it has one). */
export async function recordApplied(conn: Connection, name: string, checksum: string, durationMs: number): Promise<void> {
  await conn.query('INSERT INTO pgform.migrations (name, checksum, duration_ms) VALUES ($1, $2, $3)', [name, checksum, Math.round(durationMs)]);
}

/** Forgets an applied migration (`migrate repair --reverted`): its file will be applied again. */
export async function deleteApplied(conn: Connection, name: string): Promise<void> {
  await conn.query('DELETE FROM pgform.migrations WHERE name = $1', [name]);
}
