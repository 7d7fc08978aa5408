/**
 * A Connection is the small interface both engines satisfy: real PostgreSQL through `pg`, and
 * PGlite in process. Everything that talks to a database goes through it.
 */
export interface Connection {
  readonly engine: 'postgres' | 'pglite';
  /** True while `inTransaction`/`inRolledBackTransaction` hold a transaction open on it. */
  inTransaction: boolean;
  /** One statement with bind parameters. */
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /**
   * `query` for a statement the session runs again and again (the catalog reads): its plan is
   * made once and kept for the session (see kept-statements.ts). Absent where planning costs
   * little next to a round trip: a server's sessions.
   */
  queryKept?<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** A script of any number of statements, no parameters. */
  exec(script: string): Promise<void>;
  /** The server's version number, e.g. 150020 or 180006. */
  serverVersion(): Promise<number>;
  /**
   * Another session on the same database, for reading in parallel (a server runs each session
   * on its own core). Absent where there is only one session: the embedded engine.
   */
  openSibling?(): Promise<Connection>;
  /**
   * Closes the engine and opens it again on the same data, outside any transaction: an embedded
   * instance's memory only grows (catalog caches, the largest result so far), and a new one
   * starts from its base. Only a scratch database has it, and it renews only a large process.
   */
  renew?(): Promise<void>;
  close(): Promise<void>;
}

/** Runs `work` inside a transaction that is always rolled back: it leaves no trace. */
export async function inRolledBackTransaction<T>(conn: Connection, work: () => Promise<T>): Promise<T> {
  await conn.exec('BEGIN');
  conn.inTransaction = true;
  try {
    return await work();
  } finally {
    conn.inTransaction = false;
    await conn.exec('ROLLBACK');
  }
}

/** Runs `work` inside a transaction committed on success, rolled back on error. */
export async function inTransaction<T>(conn: Connection, work: () => Promise<T>): Promise<T> {
  await conn.exec('BEGIN');
  conn.inTransaction = true;
  try {
    const result = await work();
    await conn.exec('COMMIT');
    return result;
  } catch (error) {
    await conn.exec('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    conn.inTransaction = false;
  }
}
