import { objectId, refOwner, routineId, unmanagedKey } from '../../model/id.js';
import type { Dependency, ObjectRef } from '../../model/schema.js';
import { asJsonRows } from './fragments.js';

/** The first oid initdb does not hand out: below it lie the built-in objects no plan touches. */
const firstUserOid = 16384;

/**
 * An object address (catalog, oid, sub-id) as JSON naming it the way the model does: the view of
 * a view's `_RETURN` rule, the column of a default, the table of a constraint, trigger or policy,
 * the element type of an array type, the relation of a row type; anything else by the kind and
 * identity `pg_identify_object` gives it, which is how `unmanaged` objects are keyed.
 */
export function refOf(cls: string, oid: string, sub: string): string {
  const identified = (c: string, o: string, su: string) =>
    `(SELECT json_build_object('type', 'other', 'kind', io_.type, 'identity', io_.identity) FROM pg_identify_object(${c}, ${o}, ${su}) io_)`;
  // A composite type's relation (its attributes' edges start there) stands for the type.
  const relation = (relOid: string, column: string) => `(SELECT CASE WHEN r_.relkind = 'c' THEN json_build_object('type', 'type', 'schema', rn_.nspname, 'name', r_.relname)
      WHEN r_.relkind IN ('r', 'p', 'v', 'm', 'S', 'i', 'I') THEN json_build_object(
      'type', CASE WHEN r_.relkind IN ('r', 'p') THEN 'table' WHEN r_.relkind IN ('v', 'm') THEN 'view' WHEN r_.relkind = 'S' THEN 'sequence' ELSE 'index' END,
      'schema', rn_.nspname, 'name', r_.relname,
      'column', (SELECT ra_.attname FROM pg_attribute ra_ WHERE ra_.attrelid = r_.oid AND ra_.attnum = ${column} AND ${column} > 0))
      ELSE ${identified("'pg_class'::regclass", 'r_.oid', '0')} END
    FROM pg_class r_ JOIN pg_namespace rn_ ON rn_.oid = r_.relnamespace WHERE r_.oid = ${relOid})`;
  const part = (catalog: string, alias: string, relCol: string, nameCol: string, type: string) => `(SELECT json_build_object(
      'type', '${type}', 'schema', pn_.nspname, 'name', pc_.relname, 'part', ${alias}.${nameCol})
    FROM ${catalog} ${alias} JOIN pg_class pc_ ON pc_.oid = ${alias}.${relCol} JOIN pg_namespace pn_ ON pn_.oid = pc_.relnamespace
    WHERE ${alias}.oid = ${oid})`;
  // Enums, domains, range and composite types are the model's types; an array type stands for
  // its element type, a multirange for its range.
  const type = (typeOid: string) => `(SELECT CASE
      WHEN et_.typtype IN ('e', 'd', 'r') OR (et_.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = et_.typrelid) = 'c') THEN json_build_object('type', 'type', 'schema', en_.nspname, 'name', et_.typname)
      WHEN et_.typrelid <> 0 AND (SELECT relkind FROM pg_class WHERE oid = et_.typrelid) <> 'c' THEN ${relation('et_.typrelid', '0')}
      ELSE ${identified("'pg_type'::regclass", 'et_.oid', '0')} END
    FROM pg_type ty_ JOIN pg_type et_ ON et_.oid = CASE WHEN ty_.typelem <> 0 AND ty_.typsubscript = 'array_subscript_handler'::regproc THEN ty_.typelem
      WHEN ty_.typtype = 'm' THEN (SELECT rg_.rngtypid FROM pg_range rg_ WHERE rg_.rngmultitypid = ty_.oid) ELSE ty_.oid END
    JOIN pg_namespace en_ ON en_.oid = et_.typnamespace WHERE ty_.oid = ${typeOid})`;
  return `CASE ${cls}
    WHEN 'pg_class'::regclass THEN ${relation(oid, sub)}
    WHEN 'pg_rewrite'::regclass THEN (SELECT CASE WHEN rw_.rulename = '_RETURN' THEN ${relation('rw_.ev_class', '0')} ELSE ${identified(cls, oid, sub)} END
      FROM pg_rewrite rw_ WHERE rw_.oid = ${oid})
    WHEN 'pg_attrdef'::regclass THEN (SELECT (${relation('ad_.adrelid', 'ad_.adnum')}::jsonb || '{"type": "default"}')::json FROM pg_attrdef ad_ WHERE ad_.oid = ${oid})
    WHEN 'pg_type'::regclass THEN ${type(oid)}
    WHEN 'pg_proc'::regclass THEN (SELECT CASE WHEN pr_.prokind IN ('f', 'p', 'a') THEN json_build_object('type', 'routine',
        'schema', prn_.nspname, 'name', pr_.proname,
        'arguments', ARRAY(SELECT format_type(t_, NULL) FROM unnest(pr_.proargtypes::oid[]) t_))
        ELSE ${identified(cls, oid, sub)} END
      FROM pg_proc pr_ JOIN pg_namespace prn_ ON prn_.oid = pr_.pronamespace WHERE pr_.oid = ${oid})
    WHEN 'pg_constraint'::regclass THEN (SELECT CASE WHEN co_.conrelid <> 0 THEN ${part('pg_constraint', 'cc_', 'conrelid', 'conname', 'constraint')}
        ELSE ${type('co_.contypid')} END
      FROM pg_constraint co_ WHERE co_.oid = ${oid})
    WHEN 'pg_trigger'::regclass THEN ${part('pg_trigger', 'tg_', 'tgrelid', 'tgname', 'trigger')}
    WHEN 'pg_policy'::regclass THEN ${part('pg_policy', 'po_', 'polrelid', 'polname', 'policy')}
    ELSE ${identified(cls, oid, sub)}
  END`;
}

/** The catalogs of objects the model holds: the dependent side of the edges worth reading. */
const modelledCatalogs = ['pg_class', 'pg_rewrite', 'pg_attrdef', 'pg_type', 'pg_proc', 'pg_constraint', 'pg_trigger', 'pg_policy'];

/**
 * The catalogs' dependency edges between user objects (normal and automatic ones; internal and
 * extension membership are part of an object, not a dependency on another). Edges to schemas
 * are left out: a schema is dropped after everything, and created before. So are the edges of a
 * default, constraint or index to its own table's columns: PostgreSQL rebuilds those itself when
 * a column changes type, and on a large schema they are most of the rows. Read in parts, side by
 * side on the snapshot's sessions: the edges whose dependent object's oid modulo `$1` is `$2`.
 */
export const dependenciesSql = asJsonRows(
  `SELECT d.deptype = 'a' AS auto, ${refOf('d.classid', 'd.objid', 'd.objsubid')} AS "from", ${refOf('d.refclassid', 'd.refobjid', 'd.refobjsubid')} AS "on"
   FROM pg_depend d
   WHERE d.deptype IN ('n', 'a') AND d.objid >= ${firstUserOid} AND d.refobjid >= ${firstUserOid}
     AND d.classid IN (${modelledCatalogs.map((c) => `'${c}'::regclass`).join(', ')})
     AND d.refclassid <> 'pg_namespace'::regclass AND d.objid::int8 % $1::int8 = $2::int8
     AND NOT (d.refclassid = 'pg_class'::regclass AND d.refobjid IS NOT DISTINCT FROM CASE d.classid
       WHEN 'pg_attrdef'::regclass THEN (SELECT adrelid FROM pg_attrdef WHERE oid = d.objid)
       WHEN 'pg_constraint'::regclass THEN (SELECT conrelid FROM pg_constraint WHERE oid = d.objid)
       WHEN 'pg_class'::regclass THEN (SELECT indrelid FROM pg_index WHERE indexrelid = d.objid) END)`,
  // Unordered: sorting tens of thousands of edges by their JSON text took the server a third of
  // the query's time; the client sorts them once, with the unmanaged objects' edges (index.ts).
);

/** The JSON `refOf` yields. */
export interface RefRow {
  type: string;
  schema?: string;
  name?: string;
  column?: string | null;
  kind?: string;
  part?: string;
  arguments?: string[];
  identity?: string;
}

export interface DependencyRow {
  auto: boolean;
  from: RefRow | null;
  on: RefRow | null;
}

/** A catalog address as the model names it; undefined for what no plan needs (an index column). */
export function toRef(row: RefRow | null): ObjectRef | undefined {
  if (!row) return undefined;
  if (row.type === 'other') return { type: 'unmanaged', key: unmanagedKey(row.kind!, row.identity!) };
  const id = objectId(row.schema!, row.name!);
  switch (row.type) {
    case 'table':
    case 'view':
      return row.column ? { type: 'column', relation: id, column: row.column } : { type: row.type, id };
    case 'default':
      return row.column ? { type: 'default', relation: id, column: row.column } : undefined;
    case 'sequence':
    case 'index':
    case 'type':
      return { type: row.type, id };
    case 'routine':
      return { type: 'routine', id: routineId(row.schema!, row.name!, row.arguments ?? []) };
    case 'constraint':
    case 'trigger':
    case 'policy':
      return { type: row.type, table: id, name: row.part! };
    default:
      return undefined;
  }
}

/** The edges between objects pgform can name, without an object's edges to itself. */
export function toDependencies(rows: DependencyRow[]): Dependency[] {
  const out: Dependency[] = [];
  for (const row of rows) {
    const from = toRef(row.from);
    const on = toRef(row.on);
    if (!from || !on) continue;
    if (sameObject(from, on)) continue;
    out.push({ from, on, ...(row.auto ? { auto: true } : {}) });
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
