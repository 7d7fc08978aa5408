import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { hstore } from '@electric-sql/pglite/contrib/hstore';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { PgformError } from '../errors.js';
import { isAlive } from './alive.js';
import type { Connection } from './connection.js';
import { copyDirectory } from './copy-directory.js';
import { collectClosedEngine, collectGarbage, largeFootprint } from './release.js';
import { engineStarting } from './wasm-tiering.js';
import { keptStatements } from './kept-statements.js';
import { lazyExtensions } from './lazy-extensions.js';
import { rememberFiles } from './remembered-files.js';
import { databaseOpened } from './heap-growth.js';

/**
 * Server settings for every embedded instance. One transaction creating thousands of tables and
 * indexes (a migration file replayed in the shadow) needs more lock slots than the default 64 per
 * connection slot. The lock table and shared buffers are allocated, and sit in the process's
 * memory, for every connection slot the server is configured for: an embedded engine has one
 * session, so a few slots and 8 MB of buffers (catalogs fit) save ~200 MB against the defaults.
 * PostgreSQL 18 counts autovacuum_worker_slots (16 by default) among the slots, whatever
 * autovacuum_max_workers says: one slot keeps the lock table at a third of the size (~15 MB less
 * per engine), and it still holds a whole 2,000-table schema created in one transaction.
 */
const startParams = [
  ...PGlite.defaultStartParams,
  ...['max_connections=4', 'max_wal_senders=0', 'autovacuum_max_workers=1', 'autovacuum_worker_slots=1', 'max_locks_per_transaction=4096', 'shared_buffers=8MB', 'wal_recycle=off'].flatMap((setting) => ['-c', setting]),
];

/**
 * The extensions PGlite ships that definitions may use (pgvector is not among them), each
 * compiled only when a database first loads it.
 */
const extensions = lazyExtensions({ btree_gin, btree_gist, citext, hstore, ltree, pg_trgm, pgcrypto, unaccent, uuid_ossp, fuzzystrmatch });

import { pgliteVersion } from './pglite-version.js';

export { pgliteVersion };

/**
 * Runs engine work without capturing stack traces. The file system under the engine reports a
 * missing file by throwing, and PostgreSQL probes for missing files all the time: capturing a
 * stack for each costs seconds on a large schema. Engine errors are reported by their message.
 */
async function withoutStackTraces<T>(work: () => Promise<T>): Promise<T> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return await work();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Starts an engine with what it learns of its files remembered (see rememberFiles). */
async function startEngine(options: PGliteOptions): Promise<PGlite> {
  databaseOpened();
  engineStarting();
  const engine = await PGlite.create(options);
  rememberFiles((engine as unknown as { mod?: Parameters<typeof rememberFiles>[0] }).mod);
  return engine;
}

/** `release` runs once the engine is closed, told whether it shut down cleanly; closing waits for it. */
function wrap(engine: PGlite, release: (cleanly: boolean) => void | Promise<void>, reopen?: () => Promise<PGlite>): Connection {
  let version: number | undefined;
  // Dropped on close, so the closed instance (and its WebAssembly memory) can be collected while
  // the Connection object is still referenced.
  let instance: PGlite | undefined = engine;
  const db = (): PGlite => {
    if (!instance) throw new Error('the embedded database is closed');
    return instance;
  };
  const session = {
    query: async <Row>(text: string, params?: unknown[]) => (await withoutStackTraces(() => db().query<Row>(text, params))).rows,
    exec: async (script: string) => {
      await withoutStackTraces(() => db().exec(script));
    },
  };
  // A renewed instance is a new session: it starts with no statements kept.
  let kept = keptStatements(session);
  return {
    engine: 'pglite',
    inTransaction: false,
    async query<Row>(text: string, params?: unknown[]) {
      kept.saw(text);
      return session.query<Row>(text, params);
    },
    queryKept: <Row>(text: string, params?: unknown[]) => kept.query<Row>(text, params),
    async exec(script: string) {
      kept.saw(script);
      await session.exec(script);
    },
    async serverVersion() {
      version ??= Number((await db().query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]!.v ?? 0);
      return version;
    },
    ...(reopen
      ? {
          async renew() {
            // A small process gains nothing worth an engine's start (~1 s) from renewing it.
            if (!largeFootprint()) return;
            await db().close();
            instance = undefined;
            await collectClosedEngine();
            instance = await reopen();
            kept = keptStatements(session);
          },
        }
      : {}),
    async close() {
      if (!instance) return;
      let cleanly = false;
      try {
        await instance.close();
        cleanly = true;
      } finally {
        instance = undefined;
        await release(cleanly);
        await collectClosedEngine();
      }
    },
  };
}

/**
 * A PgliteSetup is what a platform preset puts in every embedded database: its bootstrap script
 * (roles, schemas, extensions) and the search_path its roles have.
 */
export interface PgliteSetup {
  /** Idempotent SQL run once into a template of its own, so opening a database costs none of it. */
  sql: string;
  searchPath?: string;
}

/** Where a freshly initialised data directory is kept, so new databases skip initdb (~2 s). */
function templatePath(setup?: PgliteSetup): string {
  const suffix = setup?.sql ? `-${createHash('sha256').update(setup.sql).digest('hex').slice(0, 16)}` : '';
  return join(process.env.PGFORM_CACHE_DIR ?? join(tmpdir(), 'pgform-cache'), `pglite-${pgliteVersion}-template${suffix}`);
}

/**
 * The start parameters of a database: the platform's search_path is a server default here, not a
 * session setting, so RESET ALL (run before each migration file) keeps it.
 */
function startParamsFor(setup?: PgliteSetup): string[] {
  return setup?.searchPath ? [...startParams, '-c', `search_path=${setup.searchPath}`] : startParams;
}

async function templateDir(setup?: PgliteSetup): Promise<string> {
  const path = templatePath(setup);
  if (existsSync(join(path, 'PG_VERSION'))) return path;
  mkdirSync(dirname(path), { recursive: true });
  // Build beside it then rename, so parallel processes never open a half-written template.
  const partial = `${path}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  if (setup?.sql) await copyDirectory(await templateDir(), partial);
  const db = await startEngine({ dataDir: partial, extensions, ...(setup?.sql ? { startParams: startParamsFor(setup) } : {}) });
  if (setup?.sql) await withoutStackTraces(() => db.exec(setup.sql));
  await db.close();
  try {
    renameSync(partial, path);
  } catch (error) {
    // Another process renamed its own template first: use that one.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(join(path, 'PG_VERSION'))) throw error;
  }
  return path;
}

const scratchPrefix = 'pgform-scratch-';

/**
 * Where scratch data directories go: a RAM-backed file system when the machine has one. A scratch
 * database lives for one command, and on a disk most of its cost is copying the ~40 MB template
 * in and unlinking it afterwards (several times the engine's own start-up); in /dev/shm both are
 * memory copies. The pages sit in the kernel's shared memory, not in the process, and go with the
 * directory. PGFORM_SCRATCH_DIR chooses another place.
 */
export function scratchRoot(): string {
  if (process.env.PGFORM_SCRATCH_DIR) return process.env.PGFORM_SCRATCH_DIR;
  try {
    accessSync(ramDisk, constants.W_OK);
    return ramDisk;
  } catch {
    return tmpdir();
  }
}

const ramDisk = '/dev/shm';

/** Scratch directories left behind by killed processes; live processes' ones are kept. */
function sweepScratchDirs(): void {
  const root = scratchRoot();
  for (const name of readdirSync(root)) {
    if (!name.startsWith(scratchPrefix)) continue;
    const pid = Number(name.slice(scratchPrefix.length).split('-')[0]);
    if (pid && pid !== process.pid && !isAlive(pid)) rmSync(join(root, name), { recursive: true, force: true });
  }
}

/** A ScratchConnection is a scratch database whose data directory can outlive it. */
export interface ScratchConnection extends Connection {
  /**
   * Shuts the engine down cleanly and keeps its data directory at `path` (replacing nothing: when
   * another process kept one there first, that one stays), so a later scratch database can start
   * from this state instead of an empty one.
   */
  closeAndKeep(path: string): Promise<void>;
}

/**
 * A scratch database (canonical forms, shadow replays): a copy of the template in a temporary
 * directory (see scratchRoot). A directory rather than PGlite's in-memory file system, which holds the
 * whole data directory (and every WAL segment) in the process: ~200 MB more at start, over a
 * gigabyte for thousands of tables. `from` is a directory kept by `closeAndKeep` to start from
 * instead of the template; `keptIn`, the folder it is likely to be kept in (see partialIn).
 */
export async function openScratchPglite(setup?: PgliteSetup, from?: string, keptIn?: string): Promise<ScratchConnection> {
  const template = from ?? (await templateDir(setup));
  sweepScratchDirs();
  const dataDir = keptIn ? partialIn(keptIn) : mkdtempSync(join(scratchRoot(), `${scratchPrefix}${process.pid}-`));
  return startScratch(dataDir, setup, () => copyDirectory(template, dataDir));
}

/**
 * A scratch database started on a directory `closeAndKeep` kept, taken over instead of copied (a
 * schema of thousands of tables is a couple of hundred megabytes and tens of thousands of files):
 * moved at once into `folder` (on the same file system), so no other process starts on it, and
 * gone when the database is closed unless kept again. Throws when it cannot be taken (another
 * process took it first).
 */
export async function openClaimedPglite(directory: string, folder: string, setup?: PgliteSetup): Promise<ScratchConnection> {
  // A name of its own, as partialIn gives: keeping it again under the same key passes through
  // `<key>.<pid>.partial`, which must not be this directory.
  const dataDir = join(folder, `${randomBytes(8).toString('hex')}.${process.pid}.partial`);
  renameSync(directory, dataDir);
  return startScratch(dataDir, setup);
}

/** Starts an engine on `dataDir` once `fill` has put a data directory there; the directory is removed on close unless kept. */
async function startScratch(dataDir: string, setup: PgliteSetup | undefined, fill?: () => Promise<void>): Promise<ScratchConnection> {
  // What loading and planning left behind goes before the engine's memory joins it.
  collectGarbage();
  const remove = () => rmSync(dataDir, { recursive: true, force: true });
  // Where closeAndKeep asked the data directory to go once the engine has shut down cleanly.
  let keepAt: string | undefined;
  const release = async (cleanly: boolean) => {
    try {
      if (keepAt && cleanly) await keepDirectory(dataDir, keepAt);
    } finally {
      remove();
    }
  };
  let conn: Connection;
  try {
    await fill?.();
    const create = () => startEngine({ dataDir, extensions, startParams: startParamsFor(setup) });
    conn = wrap(await create(), release, create);
  } catch (error) {
    remove();
    throw error;
  }
  // The same object, so a flag a caller sets on the connection (inTransaction) is the one it reads.
  return Object.assign(conn, {
    async closeAndKeep(path: string) {
      keepAt = path;
      await conn.close();
    },
  });
}

/**
 * A new directory in `folder` for a database meant to be kept there (see closeAndKeep): on the
 * folder's own file system, keeping it is a rename instead of a copy of the whole database. Named
 * as a half-written entry of this process, so a killed process's one is swept with the others.
 */
function partialIn(folder: string): string {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${randomBytes(8).toString('hex')}.${process.pid}.partial`);
  mkdirSync(path);
  return path;
}

/** Moves a data directory to `path` whole: readers see all of it or nothing. */
async function keepDirectory(dataDir: string, path: string): Promise<void> {
  if (existsSync(path)) return;
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  try {
    renameSync(dataDir, partial);
  } catch {
    // Another file system (scratch space in memory, the cache on disk): copied instead.
    try {
      await copyDirectory(dataDir, partial);
    } catch (error) {
      rmSync(partial, { recursive: true, force: true });
      throw error;
    }
  }
  try {
    renameSync(partial, path);
  } catch {
    rmSync(partial, { recursive: true, force: true });
  }
}

/**
 * The embedded database: a persistent PGlite data directory (default `.pgform/db`). A lock file
 * keeps a second pgform process out, because two writers would corrupt the directory.
 */
export async function openEmbeddedPglite(dataDir: string, setup?: PgliteSetup): Promise<Connection> {
  const lock = `${dataDir}.lock`;
  mkdirSync(dirname(dataDir), { recursive: true });
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new PgformError('ENGINE_LOCKED', `the embedded database ${dataDir} is in use by another pgform process (pid ${pid})`, {}, 'wait for it to finish');
    }
  }
  writeFileSync(lock, String(process.pid));
  const release = () => rmSync(lock, { force: true });
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  let db: PGlite;
  try {
    if (fresh) await copyDirectory(await templateDir(setup), dataDir);
    db = await startEngine({ dataDir, extensions, startParams: startParamsFor(setup) });
    await db.query('SELECT 1');
  } catch (error) {
    release();
    if (error instanceof PgformError) throw error;
    throw new PgformError(
      'DATABASE_UNREACHABLE',
      `the embedded database ${dataDir} cannot be opened: ${error instanceof Error ? error.message : String(error)}`,
      {},
      'it may be damaged; pgform never re-creates it on its own: move it away to start afresh',
      { cause: error },
    );
  }
  return wrap(db, release);
}
