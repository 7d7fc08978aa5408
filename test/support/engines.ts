import type { Connection } from '../../src/engine/connection.js';
import { connectPostgres } from '../../src/engine/pg.js';
import { openScratchPglite } from '../../src/engine/pglite.js';
import { presets } from '../../src/engine/presets.js';

/** A TestEngine opens a fresh, uniquely named database and drops it afterwards. */
export interface TestEngine {
  name: 'postgres' | 'pglite';
  /** Why the engine cannot run here; tests then skip with this message (never under CI=true). */
  unavailable?: string;
  open(options?: { preset?: boolean }): Promise<OpenDatabase>;
}

export interface OpenDatabase {
  conn: Connection;
  /** A URL for child processes (PostgreSQL only). */
  url?: string;
  dispose(): Promise<void>;
}

export const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function serverProblem(): Promise<string | undefined> {
  try {
    const conn = await connectPostgres(serverUrl);
    await conn.close();
    return undefined;
  } catch (error) {
    if (process.env.CI === 'true') throw error;
    return error instanceof Error ? error.message : String(error);
  }
}

const postgresProblem = await serverProblem();
if (postgresProblem) console.warn(`\n*** PostgreSQL tests skipped (not reachable at ${serverUrl}): ${postgresProblem}\n`);

export function uniqueName(prefix = 'pgform_t'): string {
  return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
}

async function bootstrap(conn: Connection, preset: boolean | undefined) {
  if (preset !== false) await conn.exec(presets.supabase.bootstrapSql);
}

export const postgresEngine: TestEngine = {
  name: 'postgres',
  ...(postgresProblem ? { unavailable: postgresProblem } : {}),
  async open(options = {}) {
    const name = uniqueName();
    const admin = await connectPostgres(serverUrl);
    await admin.exec(`CREATE DATABASE ${name}`);
    const url = databaseUrl(name);
    const conn = await connectPostgres(url);
    await bootstrap(conn, options.preset);
    return {
      conn,
      url,
      async dispose() {
        await conn.close();
        try {
          await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await admin.close();
        }
      },
    };
  },
};

export const pgliteEngine: TestEngine = {
  name: 'pglite',
  async open(options = {}) {
    // The preset's template already holds the bootstrap (extensions included): no per-database cost.
    const { bootstrapSql: sql, searchPath } = presets.supabase;
    const conn = await openScratchPglite(options.preset === false ? undefined : { sql, ...(searchPath ? { searchPath } : {}) });
    return { conn, dispose: () => conn.close() };
  },
};

/** Both engines: every database test runs on each. */
export const engines: TestEngine[] = [pgliteEngine, postgresEngine];

/** Opens a database on an engine, runs work, and always drops it. */
export async function withDatabase<T>(engine: TestEngine, work: (db: OpenDatabase) => Promise<T>, options?: { preset?: boolean }): Promise<T> {
  const db = await engine.open(options);
  try {
    return await work(db);
  } finally {
    await db.dispose();
  }
}
