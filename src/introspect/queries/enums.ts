import type { Enum } from '../../model/schema.js';
import { asJsonRows, commentOf, inSelectedNamespaces, notExtensionMember } from './fragments.js';

export const enumsSql = asJsonRows(
  `SELECT n.nspname::text AS schema, t.typname::text AS name,
     (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid) AS "values",
     ${commentOf('pg_type', 't.oid')} AS comment
   FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
   WHERE t.typtype = 'e' AND ${inSelectedNamespaces('n.nspname')} AND ${notExtensionMember('pg_type', 't.oid')}`,
  'x.schema, x.name',
);

export interface EnumRow {
  schema: string;
  name: string;
  values: string[] | null;
  comment: string | null;
}

export function toEnum(row: EnumRow): Enum {
  return {
    schema: row.schema,
    name: row.name,
    values: row.values ?? [],
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}
