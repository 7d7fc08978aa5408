import type { Policy, PolicyCommand } from '../../model/schema.js';
import { asJsonRows, commentOf, inSelectedNamespaces, notExtensionMember } from './fragments.js';

/**
 * Row level security policies. Role oid 0 stands for PUBLIC, spelled `public` in CREATE POLICY.
 * Policies on tables of the external namespaces ($2) count too: the user writes those on the
 * preset's tables (Supabase Storage's `storage.objects`).
 */
export const policiesSql = asJsonRows(
  `SELECT n.nspname::text AS schema, c.relname::text AS "table", p.polname::text AS name,
     p.polcmd AS command, p.polpermissive AS permissive,
     ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r)::text END FROM unnest(p.polroles) r) AS roles,
     pg_get_expr(p.polqual, p.polrelid) AS "using",
     pg_get_expr(p.polwithcheck, p.polrelid) AS "withCheck",
     ${commentOf('pg_policy', 'p.oid')} AS comment
   FROM pg_policy p
   JOIN pg_class c ON c.oid = p.polrelid
   JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE (${inSelectedNamespaces('n.nspname')} OR n.nspname = ANY ($2::text[])) AND ${notExtensionMember('pg_class', 'c.oid')}`,
  'x.schema, x."table", x.name',
);

export interface PolicyRow {
  schema: string;
  table: string;
  name: string;
  command: '*' | 'r' | 'a' | 'w' | 'd';
  permissive: boolean;
  roles: string[];
  using: string | null;
  withCheck: string | null;
  comment: string | null;
}

const commands: Record<PolicyRow['command'], PolicyCommand> = { '*': 'ALL', r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE' };

export function toPolicy(row: PolicyRow): Policy {
  return {
    name: row.name,
    command: commands[row.command],
    permissive: row.permissive,
    roles: [...row.roles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    ...(row.using !== null ? { using: row.using } : {}),
    ...(row.withCheck !== null ? { withCheck: row.withCheck } : {}),
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}
