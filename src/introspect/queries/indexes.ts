import type { Index } from '../../model/schema.js';
import { indexKeys } from '../printed.js';
import { asJsonRows, columnNames, commentOf, inSelectedNamespaces, notExtensionMember, storageOf } from './fragments.js';
import { storageField } from './tables.js';

/**
 * Indexes of tables and materialized views, except those backing a primary key, unique or
 * exclusion constraint of their own table (a foreign key's conindid names the referenced
 * table's index, hence the conrelid test). Keys come from the full pg_get_indexdef: per key it
 * prints the column or (expression), then COLLATE, opclass, DESC and NULLS exactly when they
 * differ from the default for that key. That default depends on the key expression's collation
 * and type, which the catalogs do not record for expressions, so printing is the one reliable
 * judge. An index attached to a partitioned table's index (relispartition) is the parent's, kept
 * once on the parent. `nullsNotDistinct` exists from PostgreSQL 15.
 */
export function indexesSql(serverVersion: number): string {
  const nullsNotDistinct = serverVersion >= 150000 ? 'ix.indnullsnotdistinct' : 'false';
  return asJsonRows(
    `SELECT n.nspname::text AS schema, c.relname::text AS "table", i.relname::text AS name,
       ix.indisunique AS "unique", am.amname::text AS method,
       pg_get_indexdef(ix.indexrelid, 0, true) AS definition,
       CASE WHEN ix.indnatts > ix.indnkeyatts THEN (${columnNames('ix.indrelid', 'ix.indkey::int2[]')})[ix.indnkeyatts + 1:] ELSE '{}' END AS include,
       pg_get_expr(ix.indpred, ix.indrelid) AS "where",
       ${nullsNotDistinct} AS "nullsNotDistinct",
       ${storageOf('i')} AS storage,
       ${commentOf('pg_class', 'i.oid')} AS comment
     FROM pg_index ix
     JOIN pg_class i ON i.oid = ix.indexrelid
     JOIN pg_class c ON c.oid = ix.indrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_am am ON am.oid = i.relam
     WHERE c.relkind IN ('r', 'p', 'm') AND NOT i.relispartition AND ${inSelectedNamespaces('n.nspname')}
       AND ${notExtensionMember('pg_class', 'c.oid')}
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k
         WHERE k.conindid = ix.indexrelid AND k.conrelid = ix.indrelid AND k.contype IN ('p', 'u', 'x'))`,
    'x.schema, x."table", x.name',
  );
}

export interface IndexRow {
  schema: string;
  table: string;
  name: string;
  unique: boolean;
  method: string;
  definition: string;
  include: string[];
  where: string | null;
  nullsNotDistinct: boolean;
  storage: string[];
  comment: string | null;
}

export function toIndex(row: IndexRow): Index {
  return {
    name: row.name,
    unique: row.unique,
    method: row.method,
    keys: indexKeys(row.definition),
    include: row.include,
    ...(row.where !== null ? { where: row.where } : {}),
    ...(row.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
    ...storageField(row.storage),
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}
