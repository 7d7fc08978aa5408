import { refOwner } from '../../model/id.js';
import type { Dependency, ObjectRef } from '../../model/schema.js';
import { firstUserOid, locate, type AddressBook, type EndValues } from './addresses.js';
import { asJsonRows } from './fragments.js';

/** The catalogs of objects the model holds: the dependent side of the edges worth reading. */
const modelledCatalogs = ['pg_class', 'pg_rewrite', 'pg_attrdef', 'pg_type', 'pg_proc', 'pg_constraint', 'pg_trigger', 'pg_policy'];

/**
 * The catalogs' dependency edges between user objects (normal and automatic ones; internal and
 * extension membership are part of an object, not a dependency on another), each end located
 * for the address book to name (see addresses.ts): [auto, from, on]. Edges to schemas are
 * left out: a schema is dropped after everything, and created before. So are the edges of a
 * default, constraint or index to its own table's columns: PostgreSQL rebuilds those itself when
 * a column changes type, and on a large schema they are most of the rows.
 */
export const dependenciesSql = asJsonRows(
  `SELECT json_build_array(d.deptype = 'a', ${locate('d.classid', 'd.objid', 'd.objsubid')}, ${locate('d.refclassid', 'd.refobjid', 'd.refobjsubid')}) AS v
   FROM pg_depend d
   WHERE d.deptype IN ('n', 'a') AND d.objid >= ${firstUserOid} AND d.refobjid >= ${firstUserOid}
     AND d.classid IN (${modelledCatalogs.map((c) => `'${c}'::regclass`).join(', ')})
     AND d.refclassid <> 'pg_namespace'::regclass
     AND NOT (d.refclassid = 'pg_class'::regclass AND d.refobjid IS NOT DISTINCT FROM CASE d.classid
       WHEN 'pg_attrdef'::regclass THEN (SELECT adrelid FROM pg_attrdef WHERE oid = d.objid)
       WHEN 'pg_constraint'::regclass THEN (SELECT conrelid FROM pg_constraint WHERE oid = d.objid)
       WHEN 'pg_class'::regclass THEN (SELECT indrelid FROM pg_index WHERE indexrelid = d.objid) END)`,
  // Unordered: the client sorts the edges once, with the unmanaged objects' edges (table-parts.ts).
);

/** An edge as dependenciesSql reads it: whether it is automatic, then its two ends' EndValues. */
export interface DependencyRow {
  v: [auto: boolean, from: EndValues, on: EndValues];
}

/** The edges between objects pgform can name, without an object's edges to itself. */
export function toDependencies(rows: DependencyRow[], book: AddressBook): Dependency[] {
  const out: Dependency[] = [];
  for (const { v } of rows) {
    const from = book.resolve(v[1]);
    const on = book.resolve(v[2]);
    if (!from || !on) continue;
    if (sameObject(from, on)) continue;
    out.push({ from, on, ...(v[0] ? { auto: true } : {}) });
  }
  return out;
}

/** Whether two refs name one object or a part of it (a view's own columns). */
function sameObject(a: ObjectRef, b: ObjectRef): boolean {
  return ((a.type === 'view' || a.type === 'table') && refOwner(a) === refOwner(b)) || sameRef(a, b);
}

/** Whether two refs are equal, field by field. */
function sameRef(a: ObjectRef, b: ObjectRef): boolean {
  if (a.type !== b.type || refOwner(a) !== refOwner(b)) return false;
  if ('column' in a) return 'column' in b && a.column === b.column;
  if ('name' in a) return 'name' in b && a.name === b.name;
  return true;
}
