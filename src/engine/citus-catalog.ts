import type { Connection } from './connection.js';

/** Whether the database has Citus's catalog: the extension's own, or the stand-in's. */
export const citusCatalogPresentSql = "SELECT to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL AS present";

export async function hasCitusCatalog(conn: Connection): Promise<boolean> {
  const [row] = await conn.query<{ present: boolean }>(citusCatalogPresentSql);
  return row?.present === true;
}
