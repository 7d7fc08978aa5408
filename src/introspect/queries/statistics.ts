import type { StatisticsKind, StatisticsObject } from '../../model/schema.js';
import { asJsonRows, commentOf, inSelectedNamespaces, notExtensionMember } from './fragments.js';

/**
 * Extended statistics objects (pg_statistic_ext) on tables of the selected schemas. Their columns
 * and expressions as `pg_get_statisticsobjdef_columns` prints them (PostgreSQL 14+); stxkind
 * lists `d` (ndistinct), `f` (dependencies), `m` (mcv) and `e` for expressions, which the server
 * adds by itself. The target is -1 (PostgreSQL 15) or NULL (17 and later) when not set. Objects
 * on tables and materialized views; those on foreign tables are reported only (see coverage.ts).
 */
export const statisticsSql = asJsonRows(
  `SELECT tn.nspname::text AS "tableSchema", c.relname::text AS "table", sn.nspname::text AS schema, s.stxname::text AS name,
     pg_get_statisticsobjdef_columns(s.oid) AS "on", s.stxkind::text[] AS kinds,
     CASE WHEN s.stxstattarget >= 0 THEN s.stxstattarget END AS target,
     ${commentOf('pg_statistic_ext', 's.oid')} AS comment
   FROM pg_statistic_ext s
   JOIN pg_namespace sn ON sn.oid = s.stxnamespace
   JOIN pg_class c ON c.oid = s.stxrelid AND c.relkind IN ('r', 'p', 'm')
   JOIN pg_namespace tn ON tn.oid = c.relnamespace
   WHERE ${inSelectedNamespaces('tn.nspname')} AND ${notExtensionMember('pg_statistic_ext', 's.oid')}`,
  'x."tableSchema", x."table", x.name',
);

export interface StatisticsRow {
  tableSchema: string;
  table: string;
  schema: string;
  name: string;
  on: string;
  kinds: string[];
  target: number | null;
  comment: string | null;
}

const kindLetters: [string, StatisticsKind][] = [
  ['d', 'ndistinct'],
  ['f', 'dependencies'],
  ['m', 'mcv'],
];

export function toStatistics(row: StatisticsRow): StatisticsObject {
  return {
    name: row.name,
    ...(row.schema !== row.tableSchema ? { schema: row.schema } : {}),
    on: row.on,
    kinds: kindLetters.filter(([letter]) => row.kinds.includes(letter)).map(([, kind]) => kind),
    ...(row.target !== null ? { target: row.target } : {}),
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}
