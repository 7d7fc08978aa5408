import type { ResolvedConfig } from '../config/load.js';
import type { Connection } from '../engine/connection.js';
import { PgformError } from '../errors.js';
import { applyMigration } from '../migrate/apply.js';
import { listMigrations, migrationsFolder, type MigrationFile } from '../migrate/files.js';
import { ensureHistory, readHistory, recordApplied } from '../migrate/history.js';
import { withMigrationLock, type LockHolder } from '../migrate/lock.js';
import { migrationStatus } from '../migrate/status.js';
import { databaseLabel, openDatabase, withConnection } from './database.js';

/** How long a migration statement waits for a lock before giving up, unless told otherwise. */
import { defaultLockTimeout } from './defaults.js';

export { defaultLockTimeout };

/** MigrateOptions: what `pgform migrate` may do. */
export interface MigrateOptions {
  /** Report what would run; change nothing (no lock, no history table). */
  dryRun?: boolean;
  /** Apply pending files named before the last applied one instead of refusing. */
  allowOutOfOrder?: boolean;
  /** PostgreSQL lock_timeout for each migration's statements ("10s", "500ms", "2min"). */
  lockTimeout?: string;
  onEvent?: (event: MigrateEvent) => void;
}

/** A MigrateEvent reports progress while migrations apply. */
export type MigrateEvent = { type: 'waiting'; holder?: LockHolder } | { type: 'applying'; name: string } | { type: 'applied'; name: string; durationMs: number };

/** A MigrateResult lists what was applied (or, in a dry run, would be) and what is amiss. */
export interface MigrateResult {
  database: string;
  folder: string;
  dryRun: boolean;
  applied: { name: string; durationMs: number }[];
  /** The files that run (dry run) or ran, in order. */
  pending: Pick<MigrationFile, 'name' | 'path' | 'sql' | 'transactional'>[];
  /** Applied migrations whose files are gone from the folder. */
  missing: string[];
  /** Migrations already applied before this run. */
  upToDate: number;
}

/**
 * Applies pending migration files in order, each in its own transaction with its history row
 * (name, checksum, duration), under pgform's advisory lock. Nothing is applied when an applied
 * file was changed, or a pending file is out of order (unless allowed); a failing file is
 * rolled back and stops the run, the ones before it stay applied.
 */
export async function migrateCommand(config: ResolvedConfig, options: MigrateOptions = {}): Promise<MigrateResult> {
  const lockTimeout = checkLockTimeout(options.lockTimeout ?? defaultLockTimeout);
  const files = listMigrations(config.root, config.migrations);
  const base = { database: databaseLabel(config), folder: migrationsFolder(config.root, config.migrations).display, dryRun: Boolean(options.dryRun) };
  return withConnection(
    () => openDatabase(config),
    async (conn) => {
      if (options.dryRun) return { ...base, applied: [], ...(await pendingOf(conn, files, options)) };
      return withMigrationLock(
        conn,
        async () => {
          await ensureHistory(conn);
          const { pending, missing, upToDate } = await pendingOf(conn, files, options);
          const applied: MigrateResult['applied'] = [];
          for (const file of pending) {
            options.onEvent?.({ type: 'applying', name: file.name });
            const durationMs = await applyMigration(conn, file, { lockTimeout, record: (ms) => recordApplied(conn, file.name, file.checksum, ms) });
            applied.push({ name: file.name, durationMs: Math.round(durationMs) });
            options.onEvent?.({ type: 'applied', name: file.name, durationMs: Math.round(durationMs) });
          }
          return { ...base, applied, pending, missing, upToDate };
        },
        (holder) => options.onEvent?.({ type: 'waiting', ...(holder ? { holder } : {}) }),
      );
    },
  );
}

/** The files to apply, after the checks that must pass before anything is applied. */
async function pendingOf(conn: Connection, files: MigrationFile[], options: MigrateOptions): Promise<{ pending: MigrationFile[]; missing: string[]; upToDate: number }> {
  const history = await readHistory(conn);
  const rows = migrationStatus(files, history);
  const changed = rows.filter((row) => row.status === 'changed');
  if (changed.length) {
    const names = changed.map((row) => row.name);
    throw new PgformError(
      'MIGRATION_INVALID',
      `${names.length === 1 ? 'an applied migration was' : `${names.length} applied migrations were`} changed after being applied: ${names.join(', ')}`,
      { file: files.find((file) => file.name === names[0])!.path },
      'restore the applied content (see version control) and put new changes in a new migration (pgform generate); nothing was applied',
    );
  }
  const late = rows.filter((row) => row.status === 'pending' && row.outOfOrder);
  if (late.length && !options.allowOutOfOrder) {
    const last = history.map((row) => row.name).sort().at(-1);
    throw new PgformError(
      'MIGRATION_INVALID',
      `pending migration${late.length === 1 ? '' : 's'} ${late.map((row) => row.name).join(', ')} ${late.length === 1 ? 'is' : 'are'} dated before the last applied one (${last})`,
      { file: files.find((file) => file.name === late[0]!.name)!.path },
      'they usually come from a merged branch: check they do not conflict with what was applied since, then pass --allow-out-of-order (or re-date them with pgform generate); nothing was applied',
    );
  }
  const pendingNames = new Set(rows.filter((row) => row.status === 'pending').map((row) => row.name));
  return {
    pending: files.filter((file) => pendingNames.has(file.name)),
    missing: rows.filter((row) => row.status === 'missing').map((row) => row.name),
    upToDate: rows.filter((row) => row.status === 'applied').length,
  };
}

/** A lock_timeout PostgreSQL accepts: a number with an optional unit (plain numbers are ms). */
function checkLockTimeout(value: string): string {
  const trimmed = value.trim();
  if (!/^\d+(\s*(us|ms|s|min|h|d))?$/.test(trimmed)) {
    throw new PgformError('USAGE', `invalid lock timeout "${value}"`, { field: 'lock-timeout' }, 'use e.g. 10s, 500ms or 2min (0 waits forever)');
  }
  return trimmed;
}
