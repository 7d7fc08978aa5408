import type { DefaultPrivilege, DefaultPrivilegeObjects, Grant, Schema } from './schema.js';

/**
 * Default privileges decide what a new object is granted before any GRANT: PostgreSQL starts
 * from the creating role's global pg_default_acl entry for the object kind, or the built-in
 * `acldefault` when there is none, and adds the entry of the object's schema. pgform computes a
 * new object's grants the same way, so a table created under Supabase's default privileges is
 * expected to carry them (no false drift, no REVOKE), and definitions add to them.
 */

/** The id of a default privilege: `tables in public`, `functions for role app`, `schemas`. */
export function defaultPrivilegeId(entry: Pick<DefaultPrivilege, 'forRole' | 'inSchema' | 'on'>): string {
  return [entry.on, entry.inSchema !== undefined ? `in ${entry.inSchema}` : '', entry.forRole !== undefined ? `for role ${entry.forRole}` : ''].filter(Boolean).join(' ');
}

/** What PostgreSQL grants a new object of the kind when no default privileges say otherwise (owner aside). */
export function builtinGrants(on: DefaultPrivilegeObjects): Grant[] {
  if (on === 'functions') return [{ grantee: 'PUBLIC', privileges: ['EXECUTE'] }];
  if (on === 'types') return [{ grantee: 'PUBLIC', privileges: ['USAGE'] }];
  return [];
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The union of grant lists: one grant per grantee and grant option, privileges sorted. */
export function unionGrants(...lists: Grant[][]): Grant[] {
  const merged = new Map<string, Grant>();
  for (const grant of lists.flat()) {
    const key = `${grant.withGrantOption ? 1 : 0}:${grant.grantee}`;
    const existing = merged.get(key);
    const privileges = new Set([...(existing?.privileges ?? []), ...grant.privileges]);
    merged.set(key, { grantee: grant.grantee, privileges: [...privileges].sort(byText), ...(grant.withGrantOption ? { withGrantOption: true } : {}) });
  }
  // PostgreSQL holds one ACL item per grantee: a privilege given with grant option is not listed again without it.
  for (const [key, grant] of merged) {
    if (grant.withGrantOption) continue;
    const optioned = new Set(merged.get(`1:${grant.grantee}`)?.privileges ?? []);
    const privileges = grant.privileges.filter((p) => !optioned.has(p));
    if (privileges.length) merged.set(key, { ...grant, privileges });
    else merged.delete(key);
  }
  return [...merged.values()].sort((a, b) => byText(a.grantee, b.grantee) || Number(a.withGrantOption ?? false) - Number(b.withGrantOption ?? false));
}

function entriesOf(schema: Pick<Schema, 'defaultPrivileges'>, on: DefaultPrivilegeObjects): { global?: DefaultPrivilege; inSchema: Map<string, DefaultPrivilege> } {
  // Objects pgform creates belong to the role it runs as: only that role's entries apply.
  const own = Object.values(schema.defaultPrivileges ?? {}).filter((entry) => entry.on === on && entry.forRole === undefined);
  const global = own.find((entry) => entry.inSchema === undefined);
  return { ...(global ? { global } : {}), inSchema: new Map(own.filter((e) => e.inSchema !== undefined).map((e) => [e.inSchema!, e])) };
}

/** The grants a new object of the kind receives in `namespace` (`schemas`: a new schema) when pgform creates it. */
export function grantsInForce(schema: Pick<Schema, 'defaultPrivileges'>, on: DefaultPrivilegeObjects, namespace?: string): Grant[] {
  const { global, inSchema } = entriesOf(schema, on);
  const local = namespace !== undefined && on !== 'schemas' ? (inSchema.get(namespace)?.grants ?? []) : [];
  return unionGrants(global ? global.grants : builtinGrants(on), local);
}

/**
 * The grants a declared object is expected to carry: its declared grants added to the default
 * privileges in force. Where PostgreSQL's built-in default is a grant to PUBLIC (functions,
 * types), declaring grants replaces that built-in part (the DSL's `grants: ['authenticated']` is
 * `REVOKE ... FROM PUBLIC` plus a GRANT), while pg_default_acl's grants still add.
 */
export function expectedGrants(schema: Pick<Schema, 'defaultPrivileges'>, on: DefaultPrivilegeObjects, namespace: string | undefined, declared: Grant[]): Grant[] {
  const inForce = grantsInForce(schema, on, namespace);
  const builtin = builtinGrants(on);
  if (builtin.length === 0) return unionGrants(declared, inForce);
  if (sameGrants(declared, builtin)) return inForce;
  const { global, inSchema } = entriesOf(schema, on);
  const granted = unionGrants(global?.grants ?? [], namespace !== undefined ? (inSchema.get(namespace)?.grants ?? []) : []);
  return unionGrants(declared, granted.filter((grant) => grant.grantee !== 'PUBLIC'));
}

function sameGrants(a: Grant[], b: Grant[]): boolean {
  return JSON.stringify(unionGrants(a)) === JSON.stringify(unionGrants(b));
}

/**
 * The model with every declared object's grants as PostgreSQL will hold them once pgform creates
 * it under the model's default privileges (see `expectedGrants`). Idempotent. Objects in external
 * namespaces and `public` itself (which pgform never creates) keep their grants.
 */
export function withDefaultGrants(schema: Schema): Schema {
  if (!schema.defaultPrivileges || Object.keys(schema.defaultPrivileges).length === 0) return schema;
  const external = new Set(Object.values(schema.namespaces).filter((n) => n.external).map((n) => n.name));
  const out: Schema = { ...schema, namespaces: { ...schema.namespaces }, tables: { ...schema.tables }, views: { ...schema.views }, sequences: { ...schema.sequences }, routines: { ...schema.routines } };
  for (const [id, table] of Object.entries(out.tables)) {
    if (!external.has(table.schema)) out.tables[id] = { ...table, grants: expectedGrants(schema, 'tables', table.schema, table.grants) };
  }
  for (const [id, view] of Object.entries(out.views)) {
    if (!external.has(view.schema)) out.views[id] = { ...view, grants: expectedGrants(schema, 'tables', view.schema, view.grants) };
  }
  for (const [id, sequence] of Object.entries(out.sequences)) {
    if (!external.has(sequence.schema)) out.sequences[id] = { ...sequence, grants: expectedGrants(schema, 'sequences', sequence.schema, sequence.grants) };
  }
  for (const [id, routine] of Object.entries(out.routines)) {
    if (!external.has(routine.schema)) out.routines[id] = { ...routine, grants: expectedGrants(schema, 'functions', routine.schema, routine.grants) };
  }
  // Aggregates are functions to default privileges (ALTER DEFAULT PRIVILEGES ... ON FUNCTIONS).
  if (schema.aggregates) {
    out.aggregates = { ...schema.aggregates };
    for (const [id, aggregate] of Object.entries(out.aggregates)) {
      if (!external.has(aggregate.schema)) out.aggregates[id] = { ...aggregate, grants: expectedGrants(schema, 'functions', aggregate.schema, aggregate.grants) };
    }
  }
  for (const [name, namespace] of Object.entries(out.namespaces)) {
    if (!namespace.external && name !== 'public') out.namespaces[name] = { ...namespace, grants: expectedGrants(schema, 'schemas', undefined, namespace.grants) };
  }
  return out;
}

function without(grants: Grant[], removed: Grant[]): Grant[] {
  return grants.flatMap((grant) => {
    const taken = new Set(removed.filter((r) => r.grantee === grant.grantee && Boolean(r.withGrantOption) === Boolean(grant.withGrantOption)).flatMap((r) => r.privileges));
    const privileges = grant.privileges.filter((p) => !taken.has(p));
    return privileges.length ? [{ ...grant, privileges }] : [];
  });
}

/**
 * What definitions must declare for an object to hold `live` grants under the default privileges
 * in force (the inverse of `expectedGrants`), and whether they can: grants the defaults give but
 * the object lacks cannot be declared (declared grants only add).
 */
export function declarableGrants(schema: Pick<Schema, 'defaultPrivileges'>, on: DefaultPrivilegeObjects, namespace: string | undefined, live: Grant[]): { grants: Grant[]; complete: boolean } {
  const inForce = grantsInForce(schema, on, namespace);
  const builtin = builtinGrants(on);
  if (builtin.length === 0) return { grants: without(live, inForce), complete: without(inForce, live).length === 0 };
  if (sameGrants(live, inForce)) return { grants: builtin, complete: true };
  const { global, inSchema } = entriesOf(schema, on);
  const granted = unionGrants(global?.grants ?? [], namespace !== undefined ? (inSchema.get(namespace)?.grants ?? []) : []).filter((grant) => grant.grantee !== 'PUBLIC');
  return { grants: without(live, granted), complete: without(granted, live).length === 0 };
}
