import type { Namespace } from '../../model/schema.js';
import { asJsonRows, commentOf, grantsOf, notExtensionMember } from './fragments.js';
import { toGrants, type AclEntry } from './grants.js';

/** Every namespace but the system ones (pg_catalog, pg_toast, temp schemas, information_schema). */
export const namespacesSql = asJsonRows(
  `SELECT n.nspname::text AS name,
     ${commentOf('pg_namespace', 'n.oid')} AS comment,
     ${grantsOf('n.nspacl', 'n.nspowner')} AS grants,
     NOT ${notExtensionMember('pg_namespace', 'n.oid')} AS "extensionOwned"
   FROM pg_namespace n
   WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'`,
  'x.name',
);

export interface NamespaceRow {
  name: string;
  comment: string | null;
  grants: AclEntry[];
  extensionOwned: boolean;
}

export function toNamespace(row: NamespaceRow): Namespace {
  return {
    name: row.name,
    grants: toGrants(row.grants),
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}
