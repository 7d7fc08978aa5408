import { PgformError } from '../errors.js';
import { defaultPrivilegeId, unionGrants } from '../model/default-privileges.js';
import type { DefaultPrivilege, DefaultPrivilegeObjects, SourceLocation } from '../model/schema.js';
import type { DefaultPrivilegesDef } from './default-privileges.js';
import { toGrants } from './types.js';

export type { DefaultPrivilegesDef } from './default-privileges.js';

/** The privileges each kind of object has; `ALL` is left out on purpose (see `defaultPrivileges`). */
const privilegesOf: Record<DefaultPrivilegeObjects, string[]> = {
  tables: ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'MAINTAIN'],
  sequences: ['USAGE', 'SELECT', 'UPDATE'],
  functions: ['EXECUTE'],
  types: ['USAGE'],
  schemas: ['USAGE', 'CREATE'],
};

/**
 * The declared default privileges as model entries by id; declarations of the same role, schema
 * and kind add up. `requireNamespace` rejects a schema that is neither declared nor `public`.
 */
export function buildDefaultPrivileges(
  defs: DefaultPrivilegesDef[],
  requireNamespace: (name: string, where: { source?: SourceLocation; object: string }) => void,
  file?: string,
): Record<string, DefaultPrivilege> {
  const entries: Record<string, DefaultPrivilege> = {};
  for (const def of defs) {
    const id = defaultPrivilegeId(def);
    const where = (field: string) => ({ ...(def.source ? { file: def.source.file, line: def.source.line } : file ? { file } : {}), object: `default privileges on ${id}`, field });
    if (def.inSchema !== undefined) {
      if (def.on === 'schemas') throw new PgformError('DEFINITION_INVALID', 'default privileges on schemas cannot be limited to a schema', where('inSchema'));
      requireNamespace(def.inSchema, { ...(def.source ? { source: def.source } : {}), object: `default privileges on ${id}` });
    }
    const privileges = def.grant.map((p) => p.toUpperCase());
    for (const privilege of privileges) {
      if (privilege === 'ALL' || privilege === 'ALL PRIVILEGES') {
        throw new PgformError('DEFINITION_INVALID', 'name the privileges one by one: ALL means a different list on each PostgreSQL version', where('grant'), `e.g. grant: ${JSON.stringify(privilegesOf[def.on].map((p) => p.toLowerCase()))}`);
      }
      if (!privilegesOf[def.on].includes(privilege)) {
        throw new PgformError('DEFINITION_INVALID', `${def.on} have no privilege ${privilege.toLowerCase()}`, where('grant'), `one of ${privilegesOf[def.on].map((p) => p.toLowerCase()).join(', ')}`);
      }
    }
    const grants = toGrants(def.to.map((to) => ({ to, privileges: privileges, ...(def.withGrantOption ? { withGrantOption: true } : {}) })));
    const existing = entries[id];
    entries[id] = {
      ...(def.forRole !== undefined ? { forRole: def.forRole } : {}),
      ...(def.inSchema !== undefined ? { inSchema: def.inSchema } : {}),
      on: def.on,
      grants: unionGrants(existing?.grants ?? [], grants),
      ...(def.source ? { source: def.source } : existing?.source ? { source: existing.source } : {}),
    };
  }
  return Object.fromEntries(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
