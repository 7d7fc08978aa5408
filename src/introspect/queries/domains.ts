import type { Domain } from '../../model/schema.js';
import { collationName, nonDefaultCollation, type CollationRef } from './collation.js';
import { asJsonRows, commentOf, inSelectedNamespaces, notExtensionMember } from './fragments.js';

/**
 * Domains with their checks. The default is printed from typdefaultbin rather than read from
 * typdefault, which was printed once under the creator's search_path. PostgreSQL 17+ also keeps
 * a domain's NOT NULL in pg_constraint (contype 'n'); typnotnull says the same on every version,
 * so only checks are read there.
 */
export const domainsSql = asJsonRows(
  `SELECT n.nspname::text AS schema, t.typname::text AS name,
     format_type(t.typbasetype, t.typtypmod) AS type,
     t.typnotnull AS "notNull",
     pg_get_expr(t.typdefaultbin, 0) AS "default",
     ${nonDefaultCollation('t.typcollation', 'b.typcollation')} AS collation,
     (SELECT json_agg(json_build_object('name', k.conname, 'expression', pg_get_expr(k.conbin, 0, true), 'validated', k.convalidated) ORDER BY k.conname)
        FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c') AS checks,
     ${commentOf('pg_type', 't.oid')} AS comment
   FROM pg_type t
   JOIN pg_namespace n ON n.oid = t.typnamespace
   JOIN pg_type b ON b.oid = t.typbasetype
   WHERE t.typtype = 'd' AND ${inSelectedNamespaces('n.nspname')} AND ${notExtensionMember('pg_type', 't.oid')}`,
  'x.schema, x.name',
);

export interface DomainRow {
  schema: string;
  name: string;
  type: string;
  notNull: boolean;
  default: string | null;
  collation: CollationRef | null;
  checks: { name: string; expression: string; validated: boolean }[] | null;
  comment: string | null;
}

export function toDomain(row: DomainRow): Domain {
  const checks: Domain['checks'] = {};
  for (const check of row.checks ?? []) checks[check.name] = { expression: check.expression, ...(check.validated ? {} : { notValid: true }) };
  return {
    schema: row.schema,
    name: row.name,
    type: row.type,
    notNull: row.notNull,
    ...(row.default !== null ? { default: row.default } : {}),
    ...(row.collation ? { collation: collationName(row.collation) } : {}),
    checks,
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}
