import type { Connection } from '../engine/connection.js';
import { PgformError } from '../errors.js';
import type { MigrationFile } from './files.js';

/**
 * Progress inside a no-transaction file: one row per statement that has run, so a run that
 * stops part-way (a kill, a crash, a failed statement) resumes after the last statement done.
 * The rows go once the file's history row is written. Like the history table, it lives in
 * pgform's own schema, which no comparison sees.
 */
const createSql = `CREATE TABLE IF NOT EXISTS pgform.migration_progress (
  name text NOT NULL,
  statement integer NOT NULL,
  checksum text NOT NULL,
  done_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (name, statement)
)`;

async function progressTableExists(conn: Connection): Promise<boolean> {
  const [row] = await conn.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', ['pgform.migration_progress']);
  return Boolean(row?.found);
}

export async function ensureProgress(conn: Connection): Promise<void> {
  if (!(await progressTableExists(conn))) await conn.exec(createSql);
}

/**
 * How many statements of the file ran before (they run in order, so a count is enough). A file
 * changed since those ran cannot be resumed: which of its statements are done is unknown.
 */
export async function statementsDone(conn: Connection, file: MigrationFile): Promise<number> {
  const rows = await conn.query<{ statement: number; checksum: string }>('SELECT statement, checksum FROM pgform.migration_progress WHERE name = $1 ORDER BY statement', [file.name]);
  if (rows.some((row) => row.checksum !== file.checksum)) {
    throw new PgformError(
      'MIGRATION_INVALID',
      `migration ${file.name} was changed after ${rows.length} of its statements ran outside a transaction`,
      { file: file.path },
      'restore the content it had (see version control) so migrate can resume it; nothing was applied',
    );
  }
  return rows.length;
}

/** What a stopped run left of one no-transaction file: statements done, and the checksums they ran under. */
export interface FileProgress {
  done: number;
  checksums: string[];
}

/**
 * The progress rows of every file, by name, for `status`; reads only: a database that never ran
 * a no-transaction file has no progress table, and none is created.
 */
export async function progressByFile(conn: Connection): Promise<Map<string, FileProgress>> {
  if (!(await progressTableExists(conn))) return new Map();
  const rows = await conn.query<{ name: string; done: number | string; checksums: string[] }>(
    'SELECT name, count(*) AS done, array_agg(DISTINCT checksum ORDER BY checksum) AS checksums FROM pgform.migration_progress GROUP BY name',
  );
  return new Map(rows.map((row) => [row.name, { done: Number(row.done), checksums: row.checksums }]));
}

/** Marks a statement done; in the statement's own transaction where it has one. */
export async function recordStatement(conn: Connection, file: MigrationFile, index: number): Promise<void> {
  await conn.query('INSERT INTO pgform.migration_progress (name, statement, checksum) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [file.name, index, file.checksum]);
}

/** Forgets a file's progress once its history row says it is applied (or it is forgotten). */
export async function clearProgress(conn: Connection, name: string): Promise<void> {
  await conn.query('DELETE FROM pgform.migration_progress WHERE name = $1', [name]);
}
