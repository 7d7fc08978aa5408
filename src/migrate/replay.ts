import { hasCitusCatalog } from '../engine/citus-catalog.js';
import { callsCitus, citusStandInSql } from '../engine/citus-standin.js';
import type { Connection } from '../engine/connection.js';
import { PgformError, isPgformError } from '../errors.js';
import { applyMigration } from './apply.js';
import type { MigrationFile } from './files.js';

/**
 * Files that distribute tables call Citus's coordinator API, which a shadow database (the
 * embedded engine) does not have: the stand-in takes the calls and keeps Citus's catalog, so the
 * state read back carries the files' distribution as a coordinator's would.
 */
async function standInForCitus(conn: Connection, files: MigrationFile[]): Promise<void> {
  if (!files.some((file) => callsCitus(file.sql))) return;
  if (!(await hasCitusCatalog(conn))) await conn.exec(citusStandInSql);
}

/** Progress of a replay: files done of the total, and the file just applied. */
export type ReplayProgress = (done: number, total: number, file: MigrationFile) => void;

/**
 * Replays migration files, in order, into a shadow database: the state the files build, with no
 * history table and no lock (nobody else sees a shadow). A file that fails here would fail on
 * every database, so its error says the shadow is where it failed.
 */
export async function replayMigrations(conn: Connection, files: MigrationFile[], onProgress?: ReplayProgress): Promise<void> {
  await standInForCitus(conn, files);
  for (const [index, file] of files.entries()) {
    try {
      await applyMigration(conn, file);
    } catch (error) {
      if (!isPgformError(error)) throw error;
      throw new PgformError(error.code, `${error.message} (replaying the migrations into a shadow database)`, error.location, 'fix the migration file; the files must apply in order to an empty database', {
        cause: error,
      });
    }
    onProgress?.(index + 1, files.length, file);
  }
}
