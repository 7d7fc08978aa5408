import { defaultMultirangeName } from '../../model/range.js';
import type { RangeType } from '../../model/schema.js';
import { namePart, objectId } from '../../model/id.js';
import { collationName, nonDefaultCollation, type CollationRef } from './collation.js';
import { asJsonRows, commentOf, inSelectedNamespaces, notExtensionMember } from './fragments.js';

/** A catalog object's schema and name as JSON, or null for oid 0. */
function named(catalog: string, nameColumn: string, namespaceColumn: string, oid: string): string {
  return `(SELECT json_build_object('schema', ns_.nspname, 'name', o_.${nameColumn})
    FROM ${catalog} o_ JOIN pg_namespace ns_ ON ns_.oid = o_.${namespaceColumn} WHERE o_.oid = ${oid})`;
}

/**
 * Range types made with CREATE TYPE ... AS RANGE, one row each with pg_range's options. The
 * operator class is read only when it is not a default one (what CREATE TYPE picks when
 * SUBTYPE_OPCLASS is left out), the collation only when it is not the subtype's. pg_range has
 * rngmultitypid from PostgreSQL 14 on, the oldest server pgform reads.
 */
export const rangesSql = asJsonRows(
  `SELECT n.nspname::text AS schema, t.typname::text AS name,
     format_type(r.rngsubtype, NULL) AS subtype,
     CASE WHEN NOT opc.opcdefault THEN ${named('pg_opclass', 'opcname', 'opcnamespace', 'r.rngsubopc')} END AS opclass,
     ${nonDefaultCollation('r.rngcollation', 'st.typcollation')} AS collation,
     ${named('pg_proc', 'proname', 'pronamespace', 'r.rngcanonical')} AS canonical,
     ${named('pg_proc', 'proname', 'pronamespace', 'r.rngsubdiff')} AS "subtypeDiff",
     ${named('pg_type', 'typname', 'typnamespace', 'r.rngmultitypid')} AS multirange,
     ${commentOf('pg_type', 't.oid')} AS comment
   FROM pg_range r
   JOIN pg_type t ON t.oid = r.rngtypid
   JOIN pg_namespace n ON n.oid = t.typnamespace
   JOIN pg_type st ON st.oid = r.rngsubtype
   JOIN pg_opclass opc ON opc.oid = r.rngsubopc
   WHERE ${inSelectedNamespaces('n.nspname')} AND ${notExtensionMember('pg_type', 't.oid')}`,
  'x.schema, x.name',
);

interface CatalogName {
  schema: string;
  name: string;
}

export interface RangeRow {
  schema: string;
  name: string;
  subtype: string;
  opclass: CatalogName | null;
  collation: CollationRef | null;
  canonical: CatalogName | null;
  subtypeDiff: CatalogName | null;
  multirange: CatalogName | null;
  comment: string | null;
}

/** A function or operator class as the model names it: pg_catalog's by name alone, others qualified. */
function catalogName(ref: CatalogName): string {
  return ref.schema === 'pg_catalog' ? namePart(ref.name) : objectId(ref.schema, ref.name);
}

export function toRange(row: RangeRow): RangeType {
  const multirange = row.multirange && (row.multirange.schema !== row.schema ? objectId(row.multirange.schema, row.multirange.name) : row.multirange.name !== defaultMultirangeName(row.name) ? namePart(row.multirange.name) : undefined);
  return {
    schema: row.schema,
    name: row.name,
    subtype: row.subtype,
    ...(row.opclass ? { subtypeOpclass: catalogName(row.opclass) } : {}),
    ...(row.collation ? { collation: collationName(row.collation) } : {}),
    ...(row.canonical ? { canonical: catalogName(row.canonical) } : {}),
    ...(row.subtypeDiff ? { subtypeDiff: catalogName(row.subtypeDiff) } : {}),
    ...(multirange ? { multirange } : {}),
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}
