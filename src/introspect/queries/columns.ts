import { trimIdentity } from '../../model/identity.js';
import type { Column } from '../../model/schema.js';
import { collationName, nonDefaultCollation, type CollationRef } from './collation.js';
import { commentOf, grantsOf, inSelectedNamespaces } from './fragments.js';
import { toGrants, type AclEntry } from './grants.js';

/**
 * The columns of relation `rel` (a view) as a JSON array in attribute order: a correlated
 * subquery, one index scan per relation inside the single query.
 */
export function columnsOf(rel: string, options: { updatable?: string; owner?: string } = {}): string {
  const updatable = options.updatable ? `,
       'updatable', CASE WHEN ${options.updatable} THEN pg_column_is_updatable(a.attrelid, a.attnum, false) END` : '';
  const grants = options.owner ? `,
       'grants', CASE WHEN a.attacl IS NOT NULL THEN ${grantsOf('a.attacl', options.owner)} END` : '';
  return `(SELECT json_agg(json_build_object(
       'name', a.attname,
       'type', format_type(a.atttypid, a.atttypmod),
       'comment', ${commentOf('pg_class', 'a.attrelid', 'a.attnum')}${updatable}${grants}) ORDER BY a.attnum)
     FROM pg_attribute a
     WHERE a.attrelid = ${rel} AND a.attnum > 0 AND NOT a.attisdropped)`;
}

/**
 * The columns of every table in the selected namespaces, one row per table (`attrelid`,
 * `columns`), to join on the table's oid. Comments and defaults are joined once rather than looked
 * up per column: on thousands of tables the table query spends most of its time here. `shapeOnly`
 * reads what a column's type in client code depends on (name, type, nullability, default,
 * identity, generation, comment) and leaves out identity sequence options, collations and column
 * privileges: half the JSON, and half the server's time, on wide tables.
 */
export function tableColumns({ shapeOnly = false }: { shapeOnly?: boolean } = {}): string {
  const full = shapeOnly
    ? ''
    : `,
       'sequence', CASE WHEN a.attidentity <> '' THEN (SELECT json_build_object('start', s.seqstart::text,
           'increment', s.seqincrement::text, 'min', s.seqmin::text, 'max', s.seqmax::text,
           'cache', s.seqcache::text, 'cycle', s.seqcycle)
         FROM pg_depend d JOIN pg_sequence s ON s.seqrelid = d.objid
         WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
           AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum AND d.deptype = 'i' LIMIT 1) END,
       'collation', CASE WHEN a.attcollation <> ty.typcollation THEN ${nonDefaultCollation('a.attcollation', 'ty.typcollation')} END,
       'inherited', NOT a.attislocal,
       'storage', CASE WHEN a.attstorage <> ty.typstorage THEN a.attstorage END,
       'compression', CASE WHEN a.attcompression IN ('p', 'l') THEN a.attcompression END,
       'statistics', CASE WHEN a.attstattarget >= 0 THEN a.attstattarget END,
       'grants', CASE WHEN a.attacl IS NOT NULL THEN ${grantsOf('a.attacl', 'ac.relowner')} END`;
  return `(SELECT a.attrelid, json_agg(json_build_object(
       'name', a.attname,
       'type', format_type(a.atttypid, a.atttypmod),
       'comment', dsc.description,
       'notNull', a.attnotnull,
       'default', CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, ad.adrelid) END,
       'generated', CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END,
       'identity', nullif(a.attidentity, '')${full})
       ORDER BY a.attnum) AS columns
     FROM pg_attribute a
     JOIN pg_class ac ON ac.oid = a.attrelid AND ac.relkind IN ('r', 'p')
     JOIN pg_namespace an ON an.oid = ac.relnamespace AND ${inSelectedNamespaces('an.nspname')}
     ${shapeOnly ? '' : 'JOIN pg_type ty ON ty.oid = a.atttypid'}
     LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
     LEFT JOIN pg_description dsc ON dsc.objoid = a.attrelid AND dsc.classoid = 'pg_class'::regclass AND dsc.objsubid = a.attnum
     WHERE a.attnum > 0 AND NOT a.attisdropped
     GROUP BY a.attrelid)`;
}

export interface ColumnRow {
  name: string;
  type: string;
  comment: string | null;
  notNull: boolean;
  default: string | null;
  generated: string | null;
  identity: 'a' | 'd' | null;
  /** The identity sequence's options (bounds as text: int8 loses nothing). */
  /** Absent from a shape-only read (see tableColumns), as are collation, inherited and grants. */
  sequence?: { start: string; increment: string; min: string; max: string; cache: string; cycle: boolean } | null;
  collation?: CollationRef | null;
  inherited?: boolean;
  /** attstorage when not the type's typstorage. */
  storage?: 'p' | 'e' | 'x' | 'm' | null;
  compression?: 'p' | 'l' | null;
  /** attstattarget when set (PostgreSQL 15 stores -1 for the default, 17 and later NULL). */
  statistics?: number | null;
  /** Null when the column has no privileges of its own (the usual case). */
  grants?: AclEntry[] | null;
}

const storageModes = { p: 'plain', e: 'external', x: 'extended', m: 'main' } as const;

/**
 * A table column. PostgreSQL 18 adds virtual generated columns (attgenerated 'v'); the model has
 * no place for the difference yet, so both kinds land in `generated`.
 */
export function toColumn(row: ColumnRow): Column {
  const identityOptions = row.identity && row.sequence ? trimIdentity(row.type, row.sequence) : {};
  return {
    name: row.name,
    type: row.type,
    notNull: row.notNull,
    ...(row.default !== null ? { default: row.default } : {}),
    ...(row.identity ? { identity: row.identity === 'a' ? ('always' as const) : ('by default' as const) } : {}),
    ...(Object.keys(identityOptions).length > 0 ? { identityOptions } : {}),
    ...(row.generated !== null ? { generated: row.generated } : {}),
    ...(row.collation ? { collation: collationName(row.collation) } : {}),
    ...(row.storage ? { storage: storageModes[row.storage] } : {}),
    ...(row.compression ? { compression: row.compression === 'l' ? ('lz4' as const) : ('pglz' as const) } : {}),
    ...(row.statistics !== undefined && row.statistics !== null ? { statistics: row.statistics } : {}),
    ...(row.comment !== null ? { comment: row.comment } : {}),
    ...(row.inherited ? { inherited: true } : {}),
    ...(row.grants?.length ? { grants: toGrants(row.grants) } : {}),
  };
}
