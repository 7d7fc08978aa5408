import type { DefaultPrivilege, DefaultPrivilegeObjects } from '../../model/schema.js';
import { asJsonRows, grantsOf } from './fragments.js';
import { toGrants, type AclEntry } from './grants.js';

/**
 * Default privileges (pg_default_acl) global or of the selected namespaces, the same on the
 * PostgreSQL 15 and 18 catalogs; large objects' entries (PostgreSQL 18's 'L') are not modelled.
 * The role pgform runs as is left out (`forRole` null): its entries are the ones that apply to
 * what pgform creates, whatever the role is called on each server.
 */
export const defaultPrivilegesSql = asJsonRows(
  `SELECT CASE WHEN d.defaclrole = (SELECT r_.oid FROM pg_roles r_ WHERE r_.rolname = current_user) THEN NULL
       ELSE pg_get_userbyid(d.defaclrole)::text END AS "forRole",
     n.nspname::text AS "inSchema",
     d.defaclobjtype::text AS type,
     ${grantsOf('d.defaclacl', 'd.defaclrole')} AS grants
   FROM pg_default_acl d
   LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
   WHERE d.defaclobjtype IN ('r', 'S', 'f', 'T', 'n') AND (d.defaclnamespace = 0 OR n.nspname = ANY ($1::text[]))`,
  'x.type, x."inSchema" NULLS FIRST, x."forRole" NULLS FIRST',
);

export interface DefaultPrivilegeRow {
  forRole: string | null;
  inSchema: string | null;
  type: 'r' | 'S' | 'f' | 'T' | 'n';
  grants: AclEntry[];
}

const objects: Record<DefaultPrivilegeRow['type'], DefaultPrivilegeObjects> = { r: 'tables', S: 'sequences', f: 'functions', T: 'types', n: 'schemas' };

export function toDefaultPrivilege(row: DefaultPrivilegeRow): DefaultPrivilege {
  return {
    ...(row.forRole !== null ? { forRole: row.forRole } : {}),
    ...(row.inSchema !== null ? { inSchema: row.inSchema } : {}),
    on: objects[row.type],
    grants: toGrants(row.grants),
  };
}
