import type { Grant, Schema } from '../model/schema.js';

/** MAINTAIN (VACUUM, ANALYZE, REINDEX... on a table) exists from PostgreSQL 17. */
const maintainSince = 170000;

function without(grants: Grant[], privilege: string): Grant[] {
  return grants.flatMap((grant) => {
    const privileges = grant.privileges.filter((p) => p !== privilege);
    return privileges.length ? [{ ...grant, privileges }] : [];
  });
}

/**
 * A model as a server of `version` can hold it: a state read from PostgreSQL 17+ (the embedded
 * engine is 18) carries MAINTAIN wherever `ALL` was granted, which an older server neither
 * knows nor prints. Printed there, the privilege is left out, as that server would leave it.
 */
export function privilegesFor(schema: Schema, version: number): Schema {
  if (version >= maintainSince) return schema;
  const out: Schema = structuredClone(schema);
  for (const table of Object.values(out.tables)) {
    table.grants = without(table.grants, 'MAINTAIN');
    for (const column of table.columns) if (column.grants) column.grants = without(column.grants, 'MAINTAIN');
  }
  for (const view of Object.values(out.views)) view.grants = without(view.grants, 'MAINTAIN');
  for (const entry of Object.values(out.defaultPrivileges ?? {})) entry.grants = without(entry.grants, 'MAINTAIN');
  return out;
}
