import type { CompositeType } from '../../model/schema.js';
import { collationName, nonDefaultCollation, type CollationRef } from './collation.js';
import { asJsonRows, commentOf, inSelectedNamespaces, notExtensionMember } from './fragments.js';

/**
 * Composite types made with CREATE TYPE ... AS (...): a pg_type of typtype 'c' whose relation is
 * of relkind 'c' (every table and view has a row type too, which is the relation's, not this).
 * Attributes come in attnum order, dropped ones left out.
 */
export const compositesSql = asJsonRows(
  `SELECT n.nspname::text AS schema, t.typname::text AS name,
     (SELECT json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
          'collation', ${nonDefaultCollation('a.attcollation', 'at.typcollation')},
          'comment', ${commentOf('pg_class', 'a.attrelid', 'a.attnum')}) ORDER BY a.attnum)
        FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid
        WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) AS attributes,
     ${commentOf('pg_type', 't.oid')} AS comment
   FROM pg_type t
   JOIN pg_namespace n ON n.oid = t.typnamespace
   JOIN pg_class c ON c.oid = t.typrelid
   WHERE t.typtype = 'c' AND c.relkind = 'c' AND ${inSelectedNamespaces('n.nspname')} AND ${notExtensionMember('pg_type', 't.oid')}`,
  'x.schema, x.name',
);

export interface CompositeRow {
  schema: string;
  name: string;
  attributes: { name: string; type: string; collation: CollationRef | null; comment: string | null }[] | null;
  comment: string | null;
}

export function toComposite(row: CompositeRow): CompositeType {
  return {
    schema: row.schema,
    name: row.name,
    attributes: (row.attributes ?? []).map((a) => ({ name: a.name, type: a.type, ...(a.collation ? { collation: collationName(a.collation) } : {}), ...(a.comment !== null ? { comment: a.comment } : {}) })),
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}
