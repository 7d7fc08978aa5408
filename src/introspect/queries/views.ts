import type { View } from '../../model/schema.js';
import { keyValues, optionIsTrue } from '../printed.js';
import { columnsOf, toColumnSettings, type ColumnRow } from './columns.js';
import { asJsonRows, commentOf, grantsOf, inSelectedNamespaces, notExtensionMember, storageOf } from './fragments.js';
import { storageField } from './tables.js';
import { toGrants, type AclEntry } from './grants.js';

/**
 * Views and materialized views. pg_get_viewdef leaves WITH CHECK OPTION out; it lives in
 * reloptions beside security_invoker and security_barrier. Which plain views and columns take
 * writes is the server's own answer (what `supabase gen types` reads too).
 */
export const viewsSql = asJsonRows(
  `SELECT n.nspname::text AS schema, c.relname::text AS name, c.relkind = 'm' AS materialized,
     pg_get_viewdef(c.oid, true) AS definition,
     ${columnsOf('c.oid', { updatable: "c.relkind = 'v'", settings: "c.relkind = 'm'", owner: 'c.relowner' })} AS columns,
     c.relkind = 'v' AND (pg_relation_is_updatable(c.oid, false) & 20) = 20 AS updatable,
     ${storageOf('c')} AS options,
     c.relkind = 'm' AND NOT c.relispopulated AS "withNoData",
     ${grantsOf('c.relacl', 'c.relowner')} AS grants,
     ${commentOf('pg_class', 'c.oid')} AS comment
   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind IN ('v', 'm') AND ${inSelectedNamespaces('n.nspname')} AND ${notExtensionMember('pg_class', 'c.oid')}`,
  'x.schema, x.name',
);

export interface ViewRow {
  schema: string;
  name: string;
  materialized: boolean;
  definition: string;
  columns: ({ name: string; type: string; comment: string | null; updatable?: boolean | null; grants?: AclEntry[] | null } & Pick<ColumnRow, 'storage' | 'compression' | 'statistics' | 'options'>)[] | null;
  /** UPDATE and DELETE both possible (pg_relation_is_updatable's bits 4 and 16). */
  updatable: boolean;
  options: string[] | null;
  /** A materialized view that is not populated. */
  withNoData: boolean;
  grants: AclEntry[];
  comment: string | null;
}

/** A view without its indexes, which the caller adds for materialized views. */
export function toView(row: ViewRow): View {
  const options = keyValues(row.options);
  const checkOption = options.check_option?.toLowerCase();
  return {
    schema: row.schema,
    name: row.name,
    materialized: row.materialized,
    definition: row.definition,
    columns: (row.columns ?? []).map((column) => ({
      name: column.name,
      type: column.type,
      ...(column.comment !== null ? { comment: column.comment } : {}),
      ...(row.updatable && column.updatable ? { updatable: true } : {}),
      ...(column.grants?.length ? { grants: toGrants(column.grants) } : {}),
      ...toColumnSettings(column),
    })),
    ...(row.updatable ? { updatable: true } : {}),
    ...(optionIsTrue(options.security_invoker) ? { securityInvoker: true } : {}),
    ...(optionIsTrue(options.security_barrier) ? { securityBarrier: true } : {}),
    ...(checkOption === 'local' || checkOption === 'cascaded' ? { checkOption } : {}),
    indexes: {},
    ...(row.materialized ? storageField(row.options) : {}),
    ...(row.withNoData ? { withNoData: true } : {}),
    grants: toGrants(row.grants),
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}
