import type { Column } from '../../model/schema.js';
import { collationName, nonDefaultCollation, type CollationRef } from './collation.js';
import { commentOf } from './fragments.js';

/**
 * The live columns of relation `rel` as a JSON array in attribute order (a correlated subquery:
 * the pg_attribute index makes it one index scan per relation inside the single query).
 * `full` adds what only table columns have: defaults, identity, generation, collation.
 */
export function columnsOf(rel: string, full: boolean): string {
  const tableOnly = full
    ? `, 'notNull', a.attnotnull,
       'default', CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, ad.adrelid) END,
       'generated', CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END,
       'identity', nullif(a.attidentity, ''),
       'collation', ${nonDefaultCollation('a.attcollation', 'ty.typcollation')}`
    : '';
  return `(SELECT json_agg(json_build_object(
       'name', a.attname,
       'type', format_type(a.atttypid, a.atttypmod),
       'comment', ${commentOf('pg_class', 'a.attrelid', 'a.attnum')}${tableOnly}) ORDER BY a.attnum)
     FROM pg_attribute a
     JOIN pg_type ty ON ty.oid = a.atttypid
     LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
     WHERE a.attrelid = ${rel} AND a.attnum > 0 AND NOT a.attisdropped)`;
}

export interface ColumnRow {
  name: string;
  type: string;
  comment: string | null;
  notNull: boolean;
  default: string | null;
  generated: string | null;
  identity: 'a' | 'd' | null;
  collation: CollationRef | null;
}

/**
 * A table column. PostgreSQL 18 adds virtual generated columns (attgenerated 'v'); the model has
 * no place for the difference yet, so both kinds land in `generated`.
 */
export function toColumn(row: ColumnRow): Column {
  return {
    name: row.name,
    type: row.type,
    notNull: row.notNull,
    ...(row.default !== null ? { default: row.default } : {}),
    ...(row.identity ? { identity: row.identity === 'a' ? ('always' as const) : ('by default' as const) } : {}),
    ...(row.generated !== null ? { generated: row.generated } : {}),
    ...(row.collation ? { collation: collationName(row.collation) } : {}),
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}
