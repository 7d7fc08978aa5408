import { performance } from 'node:perf_hooks';
import type { Connection } from '../engine/connection.js';
import { PgformError } from '../errors.js';
import { noTransactionMarker, type MigrationFile } from './files.js';
import { dropInvalidIndex, leftoverOf, refusesTransaction } from './concurrent.js';
import { describeHolder, relationLockHolders } from './lock.js';
import { recordStatement, statementsDone } from './progress.js';
import { isLockTimeout, lockNotAvailable, retryOnLockTimeout, type Blocked, type LockRetry } from './retry.js';
import { lineAt, type SqlStatement } from './split.js';

/** ApplyOptions say how one migration file runs. */
export interface ApplyOptions {
  /** lock_timeout for the file's statements, e.g. "2s"; none in a shadow database. */
  lockTimeout?: string;
  /** Retries after a lock timeout (with lockTimeout); none when absent. */
  retry?: LockRetry;
  /** Runs after the file's statements, in its transaction when it has one: the history row. */
  record?: (durationMs: number) => Promise<void>;
  /**
   * Record each statement of a no-transaction file as it completes and skip those done by an
   * earlier, interrupted run (needs pgform.migration_progress: see progress.ts).
   */
  resumable?: boolean;
  onBlocked?: (blocked: Blocked) => void;
  /** An index an interrupted concurrent build left INVALID is being dropped to be built again. */
  onRebuild?: (index: string) => void;
  /** The file's search_path (a tenant schema's migration: unqualified names land in that schema). */
  searchPath?: string;
  /** The config's preset and the schemas its `pgform bootstrap` creates: a file failing on a missing one is told to run it. */
  bootstrap?: { preset: string; schemas: string[] };
}

interface DriverError {
  message?: string;
  code?: string;
  position?: string | number;
  detail?: string;
  hint?: string;
}

/** Where in the file a failure sits. */
interface Failure {
  error: unknown;
  statement?: SqlStatement;
  line?: number;
  /** Statements of a no-transaction file that ran before the failing one (they stay applied). */
  committedBefore?: number;
}

/** duplicate_table, duplicate_object, duplicate_schema, duplicate_function: the object exists. */
const alreadyExists = new Set(['42P07', '42710', '42P06', '42723']);
/** invalid_schema_name: a statement names a schema the database lacks. */
const undefinedSchema = '3F000';

/**
 * Applies one migration file and returns how long its statements took. A transactional file
 * runs as one script in one transaction with its history row, so it applies entirely or not at
 * all. A no-transaction file runs statement by statement, each committed on its own. Either way
 * the session starts clean (RESET ALL), since a file's SET must not leak into the next file.
 */
export async function applyMigration(conn: Connection, file: MigrationFile, options: ApplyOptions = {}): Promise<number> {
  await conn.exec('RESET ALL');
  // A killed migrate must not leave its statement running on: the server notices the closed
  // socket within a second and cancels it (PostgreSQL 14+), so the lock it holds goes too.
  if (conn.engine === 'postgres' && (await conn.serverVersion()) >= 140000) await conn.exec("SET client_connection_check_interval = '1s'");
  if (options.searchPath) await conn.query('SELECT set_config($1, $2, false)', ['search_path', options.searchPath]);
  const retry = options.lockTimeout ? options.retry : undefined;
  let failure: Failure | undefined;
  let duration = 0;
  if (file.transactional) {
    const attempt = async (): Promise<Failure | undefined> => {
      const tried = await inOneTransaction(conn, file, options);
      duration = tried.duration;
      // A lock timeout of the whole script is retried from the start: it rolled back entirely.
      if (tried.failure && isLockTimeout(tried.failure.error) && tried.failure.statement === undefined && retry) throw tried.failure.error;
      return tried.failure;
    };
    failure = await retryOnLockTimeout(conn, retry, { file: file.name }, attempt, options.onBlocked).catch((error: unknown): Failure => ({ error }));
    // Retries spent: find which statement waited, for the report.
    if (failure && isLockTimeout(failure.error) && failure.statement === undefined && retry) {
      const last = await inOneTransaction(conn, file, { ...options, retry: undefined });
      [failure, duration] = [last.failure, last.duration];
    }
  } else {
    if (options.lockTimeout) await conn.query('SELECT set_config($1, $2, false)', ['lock_timeout', options.lockTimeout]);
    const started = performance.now();
    const first = options.resumable ? await statementsDone(conn, file) : 0;
    for (const [index, statement] of file.statements.entries()) {
      if (index < first) continue;
      try {
        await retryOnLockTimeout(conn, retry, { file: file.name, statement: statement.sql }, () => runAlone(conn, file, index, statement, options), options.onBlocked);
      } catch (error) {
        failure = { error, statement, committedBefore: index, ...positionIn(file.sql, statement, error) };
        break;
      }
    }
    duration = performance.now() - started;
    if (!failure) await options.record?.(duration).catch((error: unknown) => (failure = { error }));
  }
  if (failure) throw await migrationError(conn, file, failure, options);
  return duration;
}

/** One try at a transactional file: its script and history row commit together, or nothing does. */
async function inOneTransaction(conn: Connection, file: MigrationFile, options: ApplyOptions): Promise<{ duration: number; failure?: Failure }> {
  let failure: Failure | undefined;
  let duration = 0;
  await conn.exec('BEGIN');
  conn.inTransaction = true;
  try {
    if (options.lockTimeout) await conn.query('SELECT set_config($1, $2, true)', ['lock_timeout', options.lockTimeout]);
    await conn.exec('SAVEPOINT pgform_migration');
    const started = performance.now();
    try {
      await conn.exec(file.sql);
    } catch (error) {
      // A lock timeout is retried whole; which statement waited matters only once retries are spent.
      failure = isLockTimeout(error) && options.retry ? { error } : await locateInScript(conn, file, error);
    }
    duration = performance.now() - started;
    if (!failure) await options.record?.(duration);
    if (!failure) await conn.exec('COMMIT');
  } catch (error) {
    failure ??= { error };
  } finally {
    conn.inTransaction = false;
  }
  if (failure) await conn.exec('ROLLBACK').catch(() => undefined);
  return failure ? { duration, failure } : { duration };
}

/**
 * One statement of a no-transaction file, committed on its own. With progress kept, the statement
 * and its progress row commit together; a statement PostgreSQL refuses in a transaction block
 * (CREATE INDEX CONCURRENTLY...) runs bare, so what an interrupted run of it left is checked
 * first: a finished index counts as done, an INVALID one is dropped and built again.
 */
async function runAlone(conn: Connection, file: MigrationFile, index: number, statement: SqlStatement, options: ApplyOptions): Promise<void> {
  if (!options.resumable) {
    await conn.exec(statement.sql);
    return;
  }
  if (refusesTransaction(statement.sql)) {
    const leftover = await leftoverOf(conn, statement.sql);
    if (leftover.state === 'invalid index') {
      options.onRebuild?.(leftover.index);
      await dropInvalidIndex(conn, leftover.index);
    }
    if (leftover.state !== 'done') await conn.exec(statement.sql);
    await recordStatement(conn, file, index);
    return;
  }
  await conn.exec('BEGIN');
  try {
    if (options.lockTimeout) await conn.query('SELECT set_config($1, $2, true)', ['lock_timeout', options.lockTimeout]);
    await conn.exec(statement.sql);
    await recordStatement(conn, file, index);
    await conn.exec('COMMIT');
  } catch (error) {
    await conn.exec('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Finds the failing statement of a script. The server's error position, when it gives one,
 * counts from the start of the script; errors raised while executing (constraint violations,
 * RAISE) carry none, so the statements run again one by one after rolling back to the savepoint.
 */
async function locateInScript(conn: Connection, file: MigrationFile, error: unknown): Promise<Failure> {
  const position = Number((error as DriverError)?.position);
  if (position > 0) {
    const offset = position - 1;
    const statement = [...file.statements].reverse().find((s) => s.offset <= offset);
    return { error, line: lineAt(file.sql, offset), ...(statement ? { statement } : {}) };
  }
  try {
    await conn.exec('ROLLBACK TO SAVEPOINT pgform_migration');
    // The lock is still taken, most likely: finding which statement waits for it need not wait long again.
    if ((error as DriverError)?.code === lockNotAvailable) await conn.query('SELECT set_config($1, $2, true)', ['lock_timeout', '100ms']);
    for (const statement of file.statements) {
      try {
        await conn.exec(statement.sql);
      } catch (again) {
        return { error: again, statement, ...positionIn(file.sql, statement, again) };
      }
    }
  } catch {
    // The connection itself failed: report the first error as it is.
  }
  return { error };
}

/** The line of an error inside one statement run alone: its position counts from the statement. */
function positionIn(text: string, statement: SqlStatement, error: unknown): { line: number } {
  const position = Number((error as DriverError)?.position);
  return { line: position > 0 ? lineAt(text, statement.offset + position - 1) : statement.line };
}

async function migrationError(conn: Connection, file: MigrationFile, failure: Failure, { lockTimeout, bootstrap }: ApplyOptions): Promise<PgformError> {
  const driver = failure.error as DriverError;
  const reason = driver?.message ?? String(failure.error);
  const detail = [driver?.detail, driver?.hint].filter(Boolean).join('; ');
  const line = failure.line ?? failure.statement?.line;
  const location = { file: file.path, ...(line ? { line } : {}), ...(failure.statement ? { statement: failure.statement.sql } : {}) };
  const kept =
    failure.committedBefore !== undefined && failure.committedBefore > 0
      ? `; it runs outside a transaction, so its first ${failure.committedBefore} statement(s) stay applied: make the file safe to re-run, then migrate again`
      : '; nothing of it was applied';
  if (driver?.code === lockNotAvailable) {
    const holders = conn.engine === 'postgres' ? await relationLockHolders(conn).catch(() => []) : [];
    const blocked = holders.length ? `blocked by ${holders.map(describeHolder).join('; ')}` : 'the session that held the lock has finished since';
    return new PgformError(
      'STATEMENT_FAILED',
      `migration ${file.name} waited longer than lock_timeout${lockTimeout ? ` (${lockTimeout})` : ''} for a lock: ${blocked}`,
      location,
      `end or wait for that session, or raise --lock-timeout${kept}`,
      { cause: failure.error },
    );
  }
  const outside = file.transactional && /cannot run inside a transaction block|unsafe use of new value/.test(reason);
  const exists = alreadyExists.has(driver?.code ?? '');
  const platformSchema = driver?.code === undefinedSchema ? /schema "([^"]+)" does not exist/.exec(reason)?.[1] : undefined;
  const fix = outside
    ? `make the first line of the file ${noTransactionMarker} so its statements run one by one, outside a transaction`
    : bootstrap && platformSchema && bootstrap.schemas.includes(platformSchema)
      ? `the database lacks what the ${bootstrap.preset} platform provides (schema ${platformSchema}): run pgform bootstrap on it, then migrate again`
      : exists
      ? `if the database already holds what the migrations build (made by hand, or by another tool), adopt it: pgform migrate --baseline <version of the last file it holds> checks that and records those files as applied; else fix the file and run migrate again`
      : 'fix the file and run migrate again';
  return new PgformError('STATEMENT_FAILED', `migration ${file.name} failed${line ? ` at line ${line}` : ''}: ${reason}${detail ? ` (${detail})` : ''}`, location, `${fix}${kept}`, {
    cause: failure.error,
  });
}
