import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
import type { Connection } from './connection.js';

/**
 * Server settings for every embedded instance: one transaction creating thousands of tables and
 * indexes (a canonical form, a first migration) needs more lock slots than the default 64.
 */
const startParams = [...PGlite.defaultStartParams, '-c', 'max_locks_per_transaction=4096'];

/** The extensions PGlite ships that definitions may use. pgvector is not among them. */
const extensions = { btree_gin, btree_gist, citext, hstore, ltree, pg_trgm, pgcrypto, unaccent, uuid_ossp, fuzzystrmatch };

import { pgliteVersion } from './pglite-version.js';

export { pgliteVersion };

function wrap(db: PGlite, release: () => void): Connection {
  let version: number | undefined;
  return {
    engine: 'pglite',
    inTransaction: false,
    async query<Row>(text: string, params?: unknown[]) {
      const result = await db.query<Row>(text, params);
      return result.rows;
    },
    async exec(script: string) {
      await db.exec(script);
    },
    async serverVersion() {
      version ??= Number((await db.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]!.v ?? 0);
      return version;
    },
    async close() {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}

/** Where a freshly initialised data directory is kept, so new databases skip initdb (~2 s). */
function templatePath(): string {
  return join(process.env.PGFORM_CACHE_DIR ?? join(tmpdir(), 'pgform-cache'), `pglite-${pgliteVersion}-template.tar`);
}

async function templateBlob(): Promise<Blob> {
  const path = templatePath();
  if (existsSync(path)) return new Blob([readFileSync(path)]);
  const db = await PGlite.create({ extensions });
  try {
    const dump = await db.dumpDataDir('none');
    const bytes = Buffer.from(await dump.arrayBuffer());
    mkdirSync(dirname(path), { recursive: true });
    // Write then rename, so parallel test workers never read a half-written template.
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, bytes);
    renameSync(partial, path);
    return new Blob([bytes]);
  } finally {
    await db.close();
  }
}

/** An in-memory PGlite database started from the template: scratch and shadow databases. */
export async function openScratchPglite(): Promise<Connection> {
  const loadDataDir = await templateBlob();
  const db = await PGlite.create({ loadDataDir, extensions, startParams });
  return wrap(db, () => undefined);
}

/**
 * The embedded database: a persistent PGlite data directory (default `.pgform/db`). A lock file
 * keeps a second pgform process out, because two writers would corrupt the directory.
 */
export async function openEmbeddedPglite(dataDir: string): Promise<Connection> {
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
    const options: PGliteOptions = { dataDir, extensions, startParams };
    if (fresh) {
      mkdirSync(dataDir, { recursive: true });
      options.loadDataDir = await templateBlob();
    }
    db = await PGlite.create(options);
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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
