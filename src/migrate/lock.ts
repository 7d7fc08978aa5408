import type { Connection } from '../engine/connection.js';

/** The advisory lock key every pgform run takes: the bytes of "pgform" as a bigint. */
export const migrationLockKey = BigInt('0x7067666f726d').toString();

/** A LockHolder is the session holding a lock pgform waits for. */
export interface LockHolder {
  pid: number;
  application?: string;
  user?: string;
  state?: string;
  /** Seconds since its transaction (or, outside one, its session) began. */
  seconds?: number;
  query?: string;
  /** Relations it holds locks on (lock timeouts only). */
  relations?: string[];
  /** When its current (or last) query started, as the server prints a timestamptz. */
  queryStart?: string;
}

/**
 * Runs work holding pgform's session-level advisory lock, so concurrent runs apply each
 * migration once: the second waits, then finds them applied. The wait is not bounded by
 * lock_timeout: the holder is another pgform run making progress, itself bounded per statement.
 * `onWait` hears who holds the lock before the wait starts.
 */
export async function withMigrationLock<T>(conn: Connection, work: () => Promise<T>, onWait?: (holder: LockHolder | undefined) => void): Promise<T> {
  const [tried] = await conn.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [migrationLockKey]);
  if (!tried?.locked) {
    onWait?.(await advisoryHolder(conn));
    await conn.exec('SET lock_timeout = 0');
    await conn.query('SELECT pg_advisory_lock($1::bigint)', [migrationLockKey]);
  }
  try {
    return await work();
  } finally {
    await conn.query('SELECT pg_advisory_unlock($1::bigint)', [migrationLockKey]).catch(() => undefined);
  }
}

interface ActivityRow {
  pid: number;
  query_start: string | null;
  application_name: string | null;
  usename: string | null;
  state: string | null;
  seconds: number | null;
  query: string | null;
}

const activityColumns = `a.pid, a.application_name, a.usename, a.state, a.query_start::text AS query_start,
  floor(extract(epoch FROM now() - coalesce(a.xact_start, a.backend_start)))::int AS seconds, left(a.query, 200) AS query`;

function toHolder(row: ActivityRow & { relations?: string[] | null }): LockHolder {
  return {
    pid: Number(row.pid),
    ...(row.application_name ? { application: row.application_name } : {}),
    ...(row.usename ? { user: row.usename } : {}),
    ...(row.state ? { state: row.state } : {}),
    ...(row.seconds !== null ? { seconds: Number(row.seconds) } : {}),
    ...(row.query ? { query: row.query.replace(/\s+/g, ' ').trim() } : {}),
    ...(row.relations?.length ? { relations: row.relations } : {}),
    ...(row.query_start ? { queryStart: row.query_start } : {}),
  };
}

/** Who holds pgform's advisory lock (a bigint key splits into classid, high bits, and objid). */
async function advisoryHolder(conn: Connection): Promise<LockHolder | undefined> {
  const key = BigInt(migrationLockKey);
  const rows = await conn.query<ActivityRow>(
    `SELECT ${activityColumns}
     FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = $1 AND l.granted AND l.classid::bigint = $2::bigint AND l.objid::bigint = $3::bigint AND l.pid <> pg_backend_pid()`,
    ['advisory', (key >> 32n).toString(), (key & 0xffffffffn).toString()],
  );
  return rows[0] ? toHolder(rows[0]) : undefined;
}

/**
 * The other sessions holding locks on relations of this database: after a lock timeout, the
 * likely culprits (an idle-in-transaction session, a long query), oldest transaction first.
 */
export async function relationLockHolders(conn: Connection, heldForMs = 0): Promise<LockHolder[]> {
  const rows = await conn.query<ActivityRow & { relations: string[] | null }>(
    `SELECT ${activityColumns},
       array_agg(DISTINCT n.nspname || $2 || c.relname) FILTER (WHERE n.nspname NOT IN ($3, $4)) AS relations
     FROM pg_locks l
     JOIN pg_stat_activity a ON a.pid = l.pid
     JOIN pg_class c ON c.oid = l.relation
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE l.locktype = $1 AND l.granted AND l.pid <> pg_backend_pid() AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND clock_timestamp() - coalesce(a.xact_start, a.query_start) >= make_interval(secs => $5::float8 / 1000)
     GROUP BY a.pid, a.application_name, a.usename, a.state, a.query_start, a.xact_start, a.backend_start, a.query
     ORDER BY a.xact_start NULLS LAST, a.pid`,
    ['relation', '.', 'pg_catalog', 'information_schema', heldForMs],
  );
  return rows.filter((row) => row.relations?.length).map(toHolder);
}

/**
 * The sessions that can have made a statement wait out its lock_timeout: they hold relation
 * locks in a transaction open at least that long. The writers of a busy table come and go
 * within milliseconds and are not named.
 */
export function blockingHolders(conn: Connection, lockTimeoutMs: number): Promise<LockHolder[]> {
  return relationLockHolders(conn, lockTimeoutMs);
}

/** A holder as one line of text: "pid 4242 (psql, idle in transaction for 35 s): UPDATE ...". */
export function describeHolder(holder: LockHolder): string {
  const about = [holder.application, holder.user && `user ${holder.user}`, holder.state && `${holder.state}${holder.seconds !== undefined ? ` for ${holder.seconds} s` : ''}`]
    .filter(Boolean)
    .join(', ');
  const on = holder.relations?.length ? ` holds locks on ${holder.relations.join(', ')}` : '';
  const started = holder.queryStart ? `; query started ${holder.queryStart}` : '';
  return `pid ${holder.pid}${about ? ` (${about})` : ''}${on}${started}${holder.query ? `; last query: ${holder.query}` : ''}`;
}
