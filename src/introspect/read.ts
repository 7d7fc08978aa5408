import type { Connection } from '../engine/connection.js';
import { PgformError } from '../errors.js';

/**
 * Runs one catalog query, which returns a single row holding a JSON array (see `asJsonRows`),
 * and returns that array. pg and PGlite both parse json columns; a string is parsed here in case
 * a driver is configured not to.
 */
export async function readRows<Row>(conn: Connection, kind: string, sql: string, params?: unknown[]): Promise<Row[]> {
  let result: { rows: unknown }[];
  try {
    // The same reads come again on a session kept open: where the engine can keep their plans, it does.
    result = conn.queryKept ? await conn.queryKept<{ rows: unknown }>(sql, params) : await conn.query<{ rows: unknown }>(sql, params);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PgformError('INTROSPECTION_FAILED', `reading ${kind} from the catalogs failed: ${reason}`, { statement: sql }, undefined, {
      cause: error,
    });
  }
  const value = result[0]?.rows;
  return (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as Row[];
}

/**
 * Settings under which the catalogs print: an empty search_path schema-qualifies every name that
 * is not in pg_catalog; the output styles fix how constants in defaults and checks are printed
 * (a timestamptz default reads differently in another TimeZone). JIT is off: the catalog queries'
 * cost estimates grow with thousands of objects past the JIT thresholds, and compiling a query
 * took seconds where running it takes milliseconds (3.5 s against 7 ms for the unmanaged-objects
 * query over 1,000 schemas).
 */
const printSettings = [
  'SET LOCAL jit = off',
  "SET LOCAL search_path = ''",
  "SET LOCAL DateStyle = 'ISO, MDY'",
  "SET LOCAL IntervalStyle = 'postgres'",
  "SET LOCAL TimeZone = 'UTC'",
  'SET LOCAL extra_float_digits = 1',
  "SET LOCAL bytea_output = 'hex'",
].join(';\n');

/** Reads catalog queries on the sessions of one snapshot; `read` waits for a free session. */
export interface CatalogReader {
  read<Row>(kind: string, sql: string, params?: unknown[]): Promise<Row[]>;
  /** How many sessions read at once: a query split in this many parts keeps each one busy. */
  sessions: number;
}

/**
 * A query read in parts, one part a session, side by side: its last two parameters are the
 * number of parts and this part (see tablesSql). Each part's rows are converted as they arrive,
 * while the other parts are still read; the results of all parts come together, in no order
 * the caller may rely on.
 */
export async function readInParts<Row, T = Row>(reader: CatalogReader, kind: string, sql: string, params: unknown[], convert?: (row: Row) => T): Promise<T[]> {
  const parts = reader.sessions;
  const readPart = async (part: number) => {
    const rows = await reader.read<Row>(kind, sql, [...params, parts, part]);
    return convert ? rows.map(convert) : (rows as unknown as T[]);
  };
  // Every part ends before a failure is reported, as the other reads do (see introspect).
  const settled = await Promise.allSettled(Array.from({ length: parts }, (_, part) => readPart(part)));
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
}

/** How many sessions read a server's catalogs at once: the server and the client each get work. */
const parallelSessions = 3;

/**
 * When more sessions pay for themselves. Each one is a new server process whose caches start
 * cold and whose queries are planned afresh: 60–80 ms a read on a small database here, where the
 * whole read takes 60–150 ms alone. They pay off on a large catalog (at 500 tables, 4,000
 * relations, a command's first read took 0.81–0.85 s with them against 0.94–1.01 s alone) or on
 * a distant server, where each session's reads overlap the others' round trips. Exported so a
 * test can reach both branches on a small database.
 */
export const parallelReads = { fromRelations: 2_000, fromRoundTripMs: 15 };

/**
 * Runs `work` in one REPEATABLE READ transaction, so every query sees the same snapshot, with the
 * print settings above, undone afterwards so the session is untouched. On a server with a large
 * catalog or a long round trip, up to two more sessions join that snapshot (exported and
 * imported), so queries run in parallel and still see one state; if they cannot be opened, the
 * one session reads alone. Inside a transaction the caller already holds (canonical form,
 * migrations), a savepoint takes its place: the caller's uncommitted objects are what must be
 * read, and only that session sees them.
 */
export async function inCatalogSnapshot<T>(conn: Connection, work: (reader: CatalogReader) => Promise<T>): Promise<T> {
  const nested = conn.inTransaction;
  let siblings: Connection[] = [];
  if (nested) await conn.exec('SAVEPOINT pgform_introspect');
  else siblings = await beginShared(conn);
  try {
    // A kept statement is planned once for every later read: a generic plan, not one per parameter value.
    await conn.exec(conn.queryKept ? `${printSettings};\nSET LOCAL plan_cache_mode = force_generic_plan` : printSettings);
    return await work(pooledReader([conn, ...siblings]));
  } finally {
    await Promise.all(siblings.map((sibling) => sibling.close()));
    await conn.exec(nested ? 'ROLLBACK TO SAVEPOINT pgform_introspect; RELEASE SAVEPOINT pgform_introspect' : 'ROLLBACK');
  }
}

const beginSnapshot = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';

async function openSiblings(conn: Connection, count: number): Promise<Connection[]> {
  const opened = await Promise.allSettled(Array.from({ length: count }, () => conn.openSibling!()));
  return opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
}

/** Whether the catalog is large enough, or the server far enough, for more sessions to pay (see parallelReads). */
async function siblingsPay(conn: Connection): Promise<boolean> {
  const started = performance.now();
  // Relations the user made (oids from FirstNormalObjectId): the size of the catalog's reads.
  const [row] = await conn.query<{ relations: number }>('SELECT count(*)::int AS relations FROM pg_catalog.pg_class WHERE oid >= 16384');
  const roundTrip = performance.now() - started;
  return (row?.relations ?? 0) >= parallelReads.fromRelations || roundTrip >= parallelReads.fromRoundTripMs;
}

/**
 * Begins the main session's transaction and, where they pay, puts sibling sessions in its
 * snapshot; the ones that cannot join are closed. A server that cannot export snapshots (a
 * standby, some poolers) is read by the main session alone.
 */
async function beginShared(conn: Connection): Promise<Connection[]> {
  await conn.exec(beginSnapshot);
  if (!conn.openSibling || !(await siblingsPay(conn))) return [];
  const opening = openSiblings(conn, parallelSessions - 1);
  let id: string;
  try {
    const [row] = await conn.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
    id = row?.id ?? '';
    if (!/^[0-9A-F-]+$/i.test(id)) throw new Error(`unexpected snapshot id ${id}`);
  } catch {
    await Promise.all((await opening).map((sibling) => sibling.close()));
    // The failed export ended the transaction's usefulness: start it again.
    await conn.exec('ROLLBACK');
    await conn.exec(beginSnapshot);
    return [];
  }
  const siblings = await opening;
  if (siblings.length === 0) return [];
  const joined = await Promise.allSettled(
    siblings.map((sibling) => sibling.exec(`${beginSnapshot};\nSET TRANSACTION SNAPSHOT '${id}';\n${printSettings}`).then(() => sibling)),
  );
  const ready = joined.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  await Promise.all(siblings.filter((sibling) => !ready.includes(sibling)).map((sibling) => sibling.close()));
  return ready;
}

/** Hands each read to the first free session, in the order the reads were asked for. */
function pooledReader(sessions: Connection[]): CatalogReader {
  const free = [...sessions];
  const waiting: ((session: Connection) => void)[] = [];
  const acquire = () => new Promise<Connection>((resolve) => (free.length ? resolve(free.shift()!) : waiting.push(resolve)));
  const release = (session: Connection) => {
    const next = waiting.shift();
    if (next) next(session);
    else free.push(session);
  };
  return {
    sessions: sessions.length,
    async read<Row>(kind: string, sql: string, params?: unknown[]) {
      const session = await acquire();
      try {
        return await readRows<Row>(session, kind, sql, params);
      } finally {
        release(session);
      }
    },
  };
}
