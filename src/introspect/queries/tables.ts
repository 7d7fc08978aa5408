import type { Table } from '../../model/schema.js';
import { tableColumns, toColumn, type ColumnRow } from './columns.js';
import { asJsonRows, commentOf, grantsOf, inSelectedNamespaces, notExtensionMember } from './fragments.js';
import { toGrants, type AclEntry } from './grants.js';

/** Ordinary and partitioned tables with their columns; constraints, indexes... come separately. */
export const tablesSql = asJsonRows(
  `SELECT n.nspname::text AS schema, c.relname::text AS name,
     cols.columns,
     c.relrowsecurity AS "rlsEnabled", c.relforcerowsecurity AS "rlsForced",
     ${grantsOf('c.relacl', 'c.relowner')} AS grants,
     ${commentOf('pg_class', 'c.oid')} AS comment
   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   LEFT JOIN ${tableColumns()} cols ON cols.attrelid = c.oid
   WHERE c.relkind IN ('r', 'p') AND ${inSelectedNamespaces('n.nspname')} AND ${notExtensionMember('pg_class', 'c.oid')}`,
  'x.schema, x.name',
);

export interface TableRow {
  schema: string;
  name: string;
  columns: ColumnRow[] | null;
  rlsEnabled: boolean;
  rlsForced: boolean;
  grants: AclEntry[];
  comment: string | null;
}

/** A table without its constraints, indexes, triggers and policies, which the caller adds. */
export function toTable(row: TableRow): Table {
  return {
    schema: row.schema,
    name: row.name,
    columns: (row.columns ?? []).map(toColumn),
    constraints: {},
    indexes: {},
    triggers: {},
    policies: {},
    rls: { enabled: row.rlsEnabled, forced: row.rlsForced },
    grants: toGrants(row.grants),
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}
