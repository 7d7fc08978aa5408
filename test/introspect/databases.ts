import type { Connection } from '../../src/engine/connection.js';
import { connectPostgres } from '../../src/engine/pg.js';
import { openScratchPglite } from '../../src/engine/pglite.js';

/** A TestEngine opens a fresh, empty database and disposes of it afterwards. */
export interface TestEngine {
  name: 'postgres' | 'pglite';
  /** Why the engine cannot run here, when it cannot; tests then skip with this message. */
  unavailable?: string;
  open(): Promise<{ conn: Connection; dispose(): Promise<void> }>;
}

const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of database `name` on the test server. */
function databaseUrl(name: string): string {
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
if (postgresProblem) console.warn(`PostgreSQL cases skipped: ${postgresProblem}`);

const postgres: TestEngine = {
  name: 'postgres',
  ...(postgresProblem ? { unavailable: postgresProblem } : {}),
  async open() {
    const name = `pgform_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = await connectPostgres(serverUrl);
    await admin.exec(`CREATE DATABASE ${name}`);
    const conn = await connectPostgres(databaseUrl(name));
    return {
      conn,
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

const pglite: TestEngine = {
  name: 'pglite',
  async open() {
    const conn = await openScratchPglite();
    return { conn, dispose: () => conn.close() };
  },
};

/** Both engines every introspection case runs on. */
export const testEngines: TestEngine[] = [postgres, pglite];
