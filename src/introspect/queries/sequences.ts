import { objectId } from '../../model/id.js';
import type { Sequence } from '../../model/schema.js';
import { asJsonRows, commentOf, grantsOf, inSelectedNamespaces, notExtensionMember } from './fragments.js';
import { toGrants, type AclEntry } from './grants.js';

/**
 * Standalone sequences. A sequence an identity column owns (pg_depend deptype 'i') is part of
 * that column; one tied by OWNED BY (deptype 'a', serial columns too) is listed with its owner.
 * The bounds are int8, sent as text so no value loses precision in JSON.
 */
export const sequencesSql = asJsonRows(
  `SELECT n.nspname::text AS schema, c.relname::text AS name,
     format_type(s.seqtypid, NULL) AS type,
     s.seqstart::text AS start, s.seqincrement::text AS increment,
     s.seqmin::text AS min, s.seqmax::text AS max, s.seqcache::text AS cache, s.seqcycle AS cycle, c.relpersistence = 'u' AS unlogged,
     (SELECT json_build_object('schema', tn.nspname, 'table', tc.relname, 'column', ta.attname)
        FROM pg_depend d
        JOIN pg_class tc ON tc.oid = d.refobjid
        JOIN pg_namespace tn ON tn.oid = tc.relnamespace
        JOIN pg_attribute ta ON ta.attrelid = d.refobjid AND ta.attnum = d.refobjsubid
        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
          AND d.deptype = 'a' AND d.refobjsubid > 0
        LIMIT 1) AS "ownedBy",
     ${grantsOf('c.relacl', 'c.relowner')} AS grants,
     ${commentOf('pg_class', 'c.oid')} AS comment
   FROM pg_class c
   JOIN pg_namespace n ON n.oid = c.relnamespace
   JOIN pg_sequence s ON s.seqrelid = c.oid
   WHERE c.relkind = 'S' AND ${inSelectedNamespaces('n.nspname')} AND ${notExtensionMember('pg_class', 'c.oid')}
     AND NOT EXISTS (SELECT 1 FROM pg_depend i
       WHERE i.classid = 'pg_class'::regclass AND i.objid = c.oid AND i.deptype = 'i')`,
  'x.schema, x.name',
);

export interface SequenceRow {
  schema: string;
  name: string;
  type: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
  unlogged: boolean;
  ownedBy: { schema: string; table: string; column: string } | null;
  grants: AclEntry[];
  comment: string | null;
}

export function toSequence(row: SequenceRow): Sequence {
  return {
    schema: row.schema,
    name: row.name,
    type: row.type,
    start: row.start,
    increment: row.increment,
    min: row.min,
    max: row.max,
    cache: row.cache,
    cycle: row.cycle,
    ...(row.unlogged ? { unlogged: true } : {}),
    ...(row.ownedBy ? { ownedBy: { table: objectId(row.ownedBy.schema, row.ownedBy.table), column: row.ownedBy.column } } : {}),
    grants: toGrants(row.grants),
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}
