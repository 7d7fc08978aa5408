import type { Connection } from '../engine/connection.js';
import type { MigrationFile } from './files.js';
import { readHistory, type AppliedMigration } from './history.js';

/**
 * The Supabase CLI's history (`supabase db push`, `supabase migration repair`): one row per applied
 * file, keyed by the version, the file name's leading digits. pgform keeps it beside its own when
 * the preset is Supabase, so a team can switch between the two tools without applying a file
 * twice. pgform's own table stays authoritative for what it applied (it holds checksums); a
 * version found only here counts as applied, by the CLI, content unknown.
 */
export const supabaseHistoryTable = 'supabase_migrations.schema_migrations';

/** The CLI's own statements (pkg/migration/history.go), so either tool may create the table first. */
const createSql = `CREATE SCHEMA IF NOT EXISTS supabase_migrations;
CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY);
ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS statements text[];
ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS name text;`;

/** A SupabaseApplied is one row of the CLI's history. */
export interface SupabaseApplied {
  version: string;
  name: string;
}

async function exists(conn: Connection): Promise<boolean> {
  const [row] = await conn.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [supabaseHistoryTable]);
  return Boolean(row?.found);
}

/** Creates the CLI's history table when missing (under pgform's lock). */
export async function ensureSupabaseHistory(conn: Connection): Promise<void> {
  if (!(await exists(conn))) await conn.exec(createSql);
}

/** The CLI's applied versions; none when the table does not exist (nothing is created). */
export async function readSupabaseHistory(conn: Connection): Promise<SupabaseApplied[]> {
  if (!(await exists(conn))) return [];
  const rows = await conn.query<SupabaseApplied>(`SELECT version, coalesce(name, '') AS name FROM ${supabaseHistoryTable}`);
  return rows.sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
}

/** Records a file as the CLI would: version, name, statements (in the caller's transaction). */
export async function recordSupabaseApplied(conn: Connection, file: MigrationFile): Promise<void> {
  await conn.query(`INSERT INTO ${supabaseHistoryTable} (version, name, statements) VALUES ($1, $2, $3) ON CONFLICT (version) DO NOTHING`, [
    file.version,
    file.slug,
    file.statements.map((statement) => statement.sql),
  ]);
}

/** Forgets a version in the CLI's history (`repair --reverted`). */
export async function deleteSupabaseApplied(conn: Connection, version: string): Promise<void> {
  if (await exists(conn)) await conn.query(`DELETE FROM ${supabaseHistoryTable} WHERE version = $1`, [version]);
}

/**
 * pgform's history with the versions only the CLI recorded added: such a file counts as applied
 * with its current checksum (the CLI keeps none to compare), and a version without a file shows
 * as missing under the name the CLI recorded.
 */
export function withSupabaseHistory(history: AppliedMigration[], supabase: SupabaseApplied[], files: MigrationFile[]): AppliedMigration[] {
  const known = new Set(history.map((row) => row.name.split('_')[0]));
  const byVersion = new Map(files.map((file) => [file.version, file]));
  const added = supabase
    .filter((row) => !known.has(row.version))
    .map((row): AppliedMigration => {
      const file = byVersion.get(row.version);
      return { name: file?.name ?? `${row.version}_${row.name}.sql`, checksum: file?.checksum ?? '', appliedAt: '', durationMs: 0, recordedBy: 'supabase' };
    });
  return [...history, ...added].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** pgform's history, with the Supabase CLI's when the preset keeps it. */
export async function appliedHistory(conn: Connection, files: MigrationFile[], supabase: boolean): Promise<AppliedMigration[]> {
  const history = await readHistory(conn);
  return supabase ? withSupabaseHistory(history, await readSupabaseHistory(conn), files) : history;
}
