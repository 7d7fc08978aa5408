import type { Collation } from '../../model/schema.js';
import { asJsonRows, commentOf, inSelectedNamespaces, notExtensionMember } from './fragments.js';

/**
 * User collations (CREATE COLLATION) of the selected namespaces. The ICU locale is
 * `colliculocale` up to PostgreSQL 16 and `colllocale` from 17 on; reading the row as JSON
 * takes whichever the catalog has, so one query serves PG15 and PG18.
 */
export const collationsSql = asJsonRows(
  `SELECT n.nspname::text AS schema, c.collname::text AS name, c.collprovider AS provider,
     c.collisdeterministic AS deterministic,
     coalesce(to_jsonb(c) ->> 'colllocale', to_jsonb(c) ->> 'colliculocale') AS locale,
     c.collcollate::text AS "lcCollate", c.collctype::text AS "lcCtype",
     ${commentOf('pg_collation', 'c.oid')} AS comment
   FROM pg_collation c
   JOIN pg_namespace n ON n.oid = c.collnamespace
   WHERE ${inSelectedNamespaces('n.nspname')} AND ${notExtensionMember('pg_collation', 'c.oid')}`,
  'x.schema, x.name',
);

export interface CollationRow {
  schema: string;
  name: string;
  provider: 'c' | 'i' | 'b' | 'd';
  deterministic: boolean;
  locale: string | null;
  lcCollate: string | null;
  lcCtype: string | null;
  comment: string | null;
}

const providers = { c: 'libc', i: 'icu', b: 'builtin', d: 'libc' } as const;

export function toCollation(row: CollationRow): Collation {
  const provider = providers[row.provider];
  return {
    schema: row.schema,
    name: row.name,
    provider,
    ...(provider !== 'libc' && row.locale !== null ? { locale: row.locale } : {}),
    ...(provider === 'libc' && row.lcCollate !== null ? { lcCollate: row.lcCollate } : {}),
    ...(provider === 'libc' && row.lcCtype !== null ? { lcCtype: row.lcCtype } : {}),
    deterministic: row.deterministic,
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}
