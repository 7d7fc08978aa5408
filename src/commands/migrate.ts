import type { ResolvedConfig } from '../config/load.js';
import type { Connection } from '../engine/connection.js';
import { PgformError } from '../errors.js';
import { applyMigration } from '../migrate/apply.js';
import { listMigrations, migrationsFolder, type MigrationFile } from '../migrate/files.js';
import { ensureHistory, recordApplied, type AppliedMigration } from '../migrate/history.js';
import { clearProgress, ensureProgress } from '../migrate/progress.js';
import { defaultLockRetry, durationMs, type Blocked } from '../migrate/retry.js';
import { appliedHistory, ensureSupabaseHistory, recordSupabaseApplied } from '../migrate/supabase-history.js';
import { inTransaction } from '../engine/connection.js';
import { diffCommand, type DiffResult } from './diff.js';
import { withMigrationLock, type LockHolder } from '../migrate/lock.js';
import { migrationStatus } from '../migrate/status.js';
import { databaseLabel, openDatabase, presetOf, withConnection } from './database.js';

/** How long a migration statement waits for a lock before giving up, unless told otherwise. */
import { defaultLockTimeout } from './defaults.js';
import { schemasBootstrapCreates } from '../engine/presets.js';

export { defaultLockTimeout };

/** MigrateOptions: what `pgform migrate` may do. */
export interface MigrateOptions {
  /** Report what would run; change nothing (no lock, no history table). */
  dryRun?: boolean;
  /** Apply pending files named before the last applied one instead of refusing. */
  allowOutOfOrder?: boolean;
  /** PostgreSQL lock_timeout for each migration's statements ("2s", "500ms", "1min"). */
  lockTimeout?: string;
  /** How often a statement that timed out waiting for a lock is tried again (default 9; 0 never). */
  lockRetries?: number;
  /**
   * Adopt a database that already has the schema: record the files up to this version as applied
   * (after checking the database matches their replay), then apply the ones after it.
   */
  baseline?: string;
  onEvent?: (event: MigrateEvent) => void;
}

/** A MigrateEvent reports progress while migrations apply. */
export type MigrateEvent =
  | { type: 'waiting'; holder?: LockHolder }
  | { type: 'applying'; name: string }
  | { type: 'applied'; name: string; durationMs: number }
  /** A statement gave up waiting for a lock and will be tried again: who held it. */
  | ({ type: 'blocked' } & Blocked)
  /** A resumed file found the index its interrupted concurrent build left INVALID: dropped, built again. */
  | { type: 'rebuilding'; name: string; index: string };

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
  /** With `baseline`: the files recorded as applied without running, or the drift that refused it. */
  baseline?: { status: 'recorded'; recorded: string[] } | { status: 'refused'; drift: DiffResult };
}

/**
 * Applies pending migration files in order, each in its own transaction with its history row
 * (name, checksum, duration), under pgform's advisory lock. Nothing is applied when an applied
 * file was changed, or a pending file is out of order (unless allowed); a failing file is
 * rolled back and stops the run, the ones before it stay applied.
 */
export async function migrateCommand(config: ResolvedConfig, options: MigrateOptions = {}): Promise<MigrateResult> {
  const lockTimeout = checkLockTimeout(options.lockTimeout ?? config.lockTimeout ?? defaultLockTimeout);
  const retries = options.lockRetries ?? defaultLockRetry.attempts - 1;
  if (!Number.isInteger(retries) || retries < 0) throw new PgformError('USAGE', `invalid lock retries "${options.lockRetries}"`, { field: 'lock-retries' }, 'give a whole number: 0 never retries');
  const retry = { ...defaultLockRetry, timeout: lockTimeout, attempts: retries + 1 };
  const files = listMigrations(config.root, config.migrations);
  const base = { database: databaseLabel(config), folder: migrationsFolder(config.root, config.migrations).display, dryRun: Boolean(options.dryRun) };
  const preset = presetOf(config);
  const supabase = preset.supabaseHistory;
  const bootstrap = { preset: preset.name, schemas: schemasBootstrapCreates(preset) };
  const record = async (conn: Connection, file: MigrationFile, ms: number) => {
    await recordApplied(conn, file.name, file.checksum, ms);
    if (!file.transactional) await clearProgress(conn, file.name);
    if (supabase) await recordSupabaseApplied(conn, file);
  };
  let baselined: MigrationFile[] = [];
  if (options.baseline !== undefined) {
    const checked = await checkBaseline(config, files, options.baseline);
    if (checked.status === 'refused') return { ...base, applied: [], pending: [], missing: [], upToDate: 0, baseline: checked };
    baselined = checked.files;
  }
  return withConnection(
    () => openDatabase(config),
    async (conn) => {
      if (options.dryRun) {
        const { pending, missing, upToDate } = await pendingOf(conn, files, options, supabase, baselined);
        return { ...base, applied: [], pending, missing, upToDate, ...baselineResult(options, baselined) };
      }
      return withMigrationLock(
        conn,
        async () => {
          await ensureHistory(conn);
          await ensureProgress(conn);
          if (supabase) await ensureSupabaseHistory(conn);
          const recorded = await recordBaseline(conn, files, baselined, supabase, (file) => record(conn, file, 0));
          const { pending, missing, upToDate } = await pendingOf(conn, files, options, supabase);
          const applied: MigrateResult['applied'] = [];
          for (const file of pending) {
            options.onEvent?.({ type: 'applying', name: file.name });
            const durationMs = await applyMigration(conn, file, {
              lockTimeout,
              retry,
              resumable: true,
              record: (ms) => record(conn, file, ms),
              onBlocked: (blocked) => options.onEvent?.({ type: 'blocked', ...blocked }),
              onRebuild: (index) => options.onEvent?.({ type: 'rebuilding', name: file.name, index }),
              bootstrap,
            });
            applied.push({ name: file.name, durationMs: Math.round(durationMs) });
            options.onEvent?.({ type: 'applied', name: file.name, durationMs: Math.round(durationMs) });
          }
          return { ...base, applied, pending, missing, upToDate: upToDate - recorded.length, ...baselineResult(options, recorded) };
        },
        (holder) => options.onEvent?.({ type: 'waiting', ...(holder ? { holder } : {}) }),
      );
    },
  );
}

function baselineResult(options: MigrateOptions, recorded: MigrationFile[]): Pick<MigrateResult, 'baseline'> {
  return options.baseline === undefined ? {} : { baseline: { status: 'recorded', recorded: recorded.map((file) => file.name) } };
}

/**
 * The files a baseline records, once the database is shown to hold what they build: the database
 * is compared with the replay of those files, as `pgform diff --from database --to migrations`
 * would, and any difference refuses the baseline (recording it would hide that drift forever).
 */
async function checkBaseline(config: ResolvedConfig, files: MigrationFile[], version: string): Promise<{ status: 'ok'; files: MigrationFile[] } | { status: 'refused'; drift: DiffResult }> {
  if (!/^\d+$/.test(version)) throw new PgformError('USAGE', `invalid baseline version "${version}"`, { field: '--baseline' }, 'give the leading digits of a migration file name, e.g. 20240105090000');
  const upTo = files.filter((file) => file.version <= version);
  if (!files.some((file) => file.version === version)) {
    throw new PgformError('USAGE', `no migration file has version ${version}`, { field: '--baseline' }, `the versions are: ${files.map((file) => file.version).join(', ') || 'none (the folder is empty)'}`);
  }
  const drift = await diffCommand(config, { from: 'database', to: 'migrations', migrationsUpTo: version });
  if (drift.changes.length > 0) return { status: 'refused', drift };
  return { status: 'ok', files: upTo };
}

/** Records the baseline's files that no history has yet, each as applied in no time. */
async function recordBaseline(conn: Connection, files: MigrationFile[], baselined: MigrationFile[], supabase: boolean, record: (file: MigrationFile) => Promise<void>): Promise<MigrationFile[]> {
  if (baselined.length === 0) return [];
  const applied = new Set((await appliedHistory(conn, files, supabase)).map((row) => row.name));
  const fresh = baselined.filter((file) => !applied.has(file.name));
  await inTransaction(conn, async () => {
    for (const file of fresh) await record(file);
  });
  return fresh;
}

/** The files to apply, after the checks that must pass before anything is applied. */
async function pendingOf(
  conn: Connection,
  files: MigrationFile[],
  options: MigrateOptions,
  supabase: boolean,
  assumeApplied: MigrationFile[] = [],
): Promise<{ pending: MigrationFile[]; missing: string[]; upToDate: number }> {
  const recorded = await appliedHistory(conn, files, supabase);
  const names = new Set(recorded.map((row) => row.name));
  // A dry run's baseline is not recorded: its files count as applied all the same.
  const history = [...recorded, ...assumeApplied.filter((file) => !names.has(file.name)).map((file) => ({ name: file.name, checksum: file.checksum, appliedAt: '', durationMs: 0 }))];
  return pendingFrom(files, history, options);
}

/**
 * The files a history leaves to apply; refused (nothing applied) when an applied file changed, or
 * a pending one is dated before the last applied one unless allowed.
 */
export function pendingFrom(files: MigrationFile[], history: AppliedMigration[], options: Pick<MigrateOptions, 'allowOutOfOrder'>): { pending: MigrationFile[]; missing: string[]; upToDate: number } {
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
  durationMs(trimmed);
  return trimmed;
}
