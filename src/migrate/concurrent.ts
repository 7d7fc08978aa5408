import type { Connection } from '../engine/connection.js';

/**
 * Statements PostgreSQL refuses inside a transaction block. They run bare, so the statement and
 * the progress row cannot commit together: these are the statements a re-run must check again.
 */
const refusingTransaction = /^(CREATE\s+(UNIQUE\s+)?INDEX\s+CONCURRENTLY|DROP\s+INDEX\s+CONCURRENTLY|REINDEX\b|VACUUM\b|(CREATE|DROP)\s+(DATABASE|TABLESPACE)\b|ALTER\s+SYSTEM\b)/i;

export function refusesTransaction(sql: string): boolean {
  return refusingTransaction.test(sql);
}

const name = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
const createConcurrently = new RegExp(String.raw`^CREATE\s+(?:UNIQUE\s+)?INDEX\s+CONCURRENTLY\s+(?:IF\s+NOT\s+EXISTS\s+)?(${name})\s+ON\s+(?:ONLY\s+)?(?:(${name})\s*\.\s*)?${name}`, 'i');
const dropConcurrently = new RegExp(String.raw`^DROP\s+INDEX\s+CONCURRENTLY\s+(?:IF\s+EXISTS\s+)?((?:${name}\s*\.\s*)?${name})\s*(?:CASCADE|RESTRICT)?$`, 'i');

/** What a bare statement left behind when a run stopped before its progress row was written. */
export type Leftover = { state: 'none' } | { state: 'done' } | { state: 'invalid index'; index: string };

/**
 * Looks for what an interrupted run of this statement left. An index a killed or timed-out
 * CREATE INDEX CONCURRENTLY leaves is INVALID: it takes writes yet serves no query, and must be
 * dropped and built again, never counted as done. A valid one finished; a dropped one is gone.
 */
export async function leftoverOf(conn: Connection, sql: string): Promise<Leftover> {
  const create = createConcurrently.exec(sql);
  if (create) {
    const index = create[2] ? `${create[2]}.${create[1]}` : create[1]!;
    const [row] = await conn.query<{ valid: boolean | null }>('SELECT (SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass($1)) AS valid', [index]);
    if (row?.valid === true) return { state: 'done' };
    if (row?.valid === false) return { state: 'invalid index', index };
    return { state: 'none' };
  }
  const drop = dropConcurrently.exec(sql);
  if (drop) {
    const [row] = await conn.query<{ gone: boolean }>('SELECT to_regclass($1) IS NULL AS gone', [drop[1]!]);
    return row?.gone ? { state: 'done' } : { state: 'none' };
  }
  return { state: 'none' };
}

/** Drops an index an interrupted concurrent build left INVALID, without blocking writes. */
export async function dropInvalidIndex(conn: Connection, index: string): Promise<void> {
  await conn.exec(`DROP INDEX CONCURRENTLY IF EXISTS ${index}`);
}
