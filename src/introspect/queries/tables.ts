import { objectId } from '../../model/id.js';
import type { ReplicaIdentity, StorageOptions, Table } from '../../model/schema.js';
import { tableColumns, toColumn, type ColumnValues } from './columns.js';
import { keyValues } from '../printed.js';
import { asJsonRows, commentOf, grantsOf, inSelectedNamespaces, notExtensionMember, storageOf } from './fragments.js';
import { toGrants, type AclEntry } from './grants.js';

/** The condition of tablesSql's parts on a pg_class alias. */
const inPart = (rel: string) => `${rel}.oid::int8 % $2::int8 = $3::int8`;

/**
 * Ordinary and partitioned tables with their columns; constraints, indexes... come separately.
 * A partition names its parent and bound (pg_inherits holds one parent for it); any other table
 * lists its INHERITS parents in declaration order (inhseqno).
 *
 * The tables come in parts, so sessions of one snapshot read them side by side: the tables
 * whose oid modulo `$2` (the number of parts) is `$3` (this part). Building each column's JSON
 * is most of the server's time on thousands of tables, and one query runs on one core.
 */
export const tablesSql = tablesQuery(false);

/**
 * The tables as client types see them (`gen types --url`): the shape-only columns, and no
 * storage parameters, replica identity or privileges, which no type depends on.
 */
export const tableShapesSql = tablesQuery(true);

function tablesQuery(shapeOnly: boolean): string {
  // The part's tables come from their columns' aggregate, materialized and then looked up by
  // oid: the planner cannot estimate how many tables a part holds, and where it guessed one it
  // ran the aggregate again for every table.
  return asJsonRows(
    `WITH cols AS MATERIALIZED ${tableColumns({ shapeOnly, inPart: inPart('ac') })}
   SELECT n.nspname::text AS schema, c.relname::text AS name,
     cols.columns,
     c.relrowsecurity AS "rlsEnabled", c.relforcerowsecurity AS "rlsForced", c.relpersistence = 'u' AS unlogged,
     ${shapeOnly ? "'{}'::text[]" : storageOf('c')} AS storage,
     ${shapeOnly ? "'d'" : 'c.relreplident::text'} AS "replicaIdentity",
     ${shapeOnly ? 'NULL' : `(SELECT ri.relname::text FROM pg_index rx JOIN pg_class ri ON ri.oid = rx.indexrelid
       WHERE rx.indrelid = c.oid AND rx.indisreplident)`} AS "replicaIndex",
     ${shapeOnly ? "'[]'::json" : grantsOf('c.relacl', 'c.relowner')} AS grants,
     ${commentOf('pg_class', 'c.oid')} AS comment,
     CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS "partitionBy",
     CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS bound,
     (SELECT json_agg(json_build_object('schema', pn.nspname, 'name', pc.relname) ORDER BY i.inhseqno)
       FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
       WHERE i.inhrelid = c.oid) AS parents
   FROM cols JOIN pg_class c ON c.oid = cols.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE ${notExtensionMember('pg_class', 'c.oid')}`,
    'x.schema, x.name',
  );
}

export interface TableRow {
  schema: string;
  name: string;
  columns: ColumnValues[] | null;
  rlsEnabled: boolean;
  rlsForced: boolean;
  unlogged: boolean;
  storage: string[];
  /** relreplident: d(efault), n(othing), f(ull), i(ndex). */
  replicaIdentity: string;
  replicaIndex: string | null;
  grants: AclEntry[];
  comment: string | null;
  partitionBy: string | null;
  bound: string | null;
  parents: { schema: string; name: string }[] | null;
}

/** A table without its constraints, indexes, triggers and policies, which the caller adds. */
export function toTable(row: TableRow): Table {
  const parents = (row.parents ?? []).map((p) => objectId(p.schema, p.name));
  return {
    schema: row.schema,
    name: row.name,
    columns: (row.columns ?? []).map(toColumn),
    constraints: {},
    indexes: {},
    triggers: {},
    policies: {},
    rls: { enabled: row.rlsEnabled, forced: row.rlsForced },
    ...(row.unlogged ? { unlogged: true } : {}),
    grants: toGrants(row.grants),
    ...storageField(row.storage),
    ...replicaIdentityField(row.replicaIdentity, row.replicaIndex),
    ...(row.comment !== null ? { comment: row.comment } : {}),
    ...(row.partitionBy !== null ? { partitionBy: row.partitionBy } : {}),
    ...(row.bound !== null && parents[0] ? { partitionOf: { parent: parents[0], bound: row.bound } } : {}),
    ...(row.bound === null && parents.length > 0 ? { inherits: parents } : {}),
  };
}

/** `{ storage }` sorted by option name, or nothing when the relation has no options. */
export function storageField(entries: string[] | null, leave: string[] = []): { storage?: StorageOptions } {
  const options = keyValues(entries);
  const names = Object.keys(options).filter((name) => !leave.includes(name)).sort();
  return names.length ? { storage: Object.fromEntries(names.map((name) => [name, options[name]!])) } : {};
}

/** An index identity whose index is gone logs nothing, as NOTHING does; the model says so. */
function replicaIdentityField(code: string, index: string | null): { replicaIdentity?: ReplicaIdentity } {
  if (code === 'f') return { replicaIdentity: 'full' };
  if (code === 'n') return { replicaIdentity: 'nothing' };
  if (code === 'i') return { replicaIdentity: index !== null ? { index } : 'nothing' };
  return {};
}
