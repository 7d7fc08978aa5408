import type { Column, Grant, Policy, PolicyCommand, Routine, Schema, Table, View } from '../model/schema.js';
import type { LintTarget, SchemaContext } from './rule.js';

/** The roles a Supabase project's Data API runs requests as: signed out, signed in. */
export const apiRoles = ['anon', 'authenticated'];

/**
 * Roles that bypass row level security on Supabase (service_role has BYPASSRLS; the others own
 * the tables): a policy for them alone is never evaluated, so its cost is nobody's.
 */
export const bypassRls = new Set(['service_role', 'supabase_admin', 'postgres']);

/** Whether a policy is evaluated for some request: it names a role that does not bypass row level security. */
export function evaluated(policy: Policy): boolean {
  return policy.roles.some((role) => !bypassRls.has(role));
}

/** Whether a role holds a privilege through these grants, directly or through PUBLIC. */
export function holds(grants: Grant[] | undefined, role: string, privilege?: string): boolean {
  return (grants ?? []).some((grant) => (grant.grantee === role || grant.grantee === 'PUBLIC') && (!privilege || grant.privileges.includes(privilege)));
}

/** Whether the Data API reaches a relation: it lives in an exposed schema and an API role holds a privilege on it. */
export function exposed(relation: Table | View, context: SchemaContext, privilege?: string): boolean {
  if (!context.exposedSchemas.has(relation.schema)) return false;
  const columnGrants = relation.columns.flatMap((column) => ('grants' in column ? (column.grants ?? []) : []));
  const grants = context.grantsOf(relation);
  return apiRoles.some((role) => holds(grants, role, privilege) || holds(columnGrants, role, privilege));
}

/** Whether a policy applies to a role (named, or `public`) for a command (its own, or ALL). */
export function appliesTo(policy: Policy, role: string, command: Exclude<PolicyCommand, 'ALL'>): boolean {
  return (policy.roles.includes(role) || policy.roles.includes('public')) && (policy.command === 'ALL' || policy.command === command);
}

/** Every rule walks the same lists: sorted and filtered once per model, not once per rule. */
const managed = new WeakMap<Schema, { tables: [string, Table][]; views: [string, View][]; routines: [string, Routine][]; policies?: PolicyOf[] }>();

function managedOf(schema: Schema) {
  let lists = managed.get(schema);
  if (!lists) {
    const own = <T extends { schema: string }>(record: Record<string, T>) => sorted(record).filter(([, object]) => !schema.namespaces[object.schema]?.external);
    lists = { tables: own(schema.tables), views: own(schema.views), routines: own(schema.routines) };
    managed.set(schema, lists);
  }
  return lists;
}

/** Tables pgform manages (not a preset's), sorted by id. */
export function managedTables(schema: Schema): [string, Table][] {
  return managedOf(schema).tables;
}

export function managedViews(schema: Schema): [string, View][] {
  return managedOf(schema).views;
}

export function managedRoutines(schema: Schema): [string, Routine][] {
  return managedOf(schema).routines;
}

function sorted<T>(record: Record<string, T>): [string, T][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A relation or routine as a lint target: its id, its definition's location and suppressions. */
export function targetOf(kind: string, id: string, object: { source?: LintTarget['source']; lint?: { allow: Record<string, string> } }): LintTarget {
  return { kind, object: id, ...(object.source ? { source: object.source } : {}), ...(object.lint ? { allow: object.lint.allow } : {}) };
}

/** A policy as a lint target: located at its own declaration when it has one, else its table's; the table's suppressions cover it too. */
export function policyTarget(tableId: string, table: Pick<Table, 'source' | 'lint'>, policy: Policy): LintTarget {
  const source = policy.source ?? table.source;
  const allow = { ...(table.lint?.allow ?? {}), ...(policy.lint?.allow ?? {}) };
  const fromTable = Object.keys(table.lint?.allow ?? {}).filter((rule) => !policy.lint?.allow[rule]);
  return {
    kind: 'policy',
    object: `${tableId} policy "${policy.name}"`,
    ...(source ? { source } : {}),
    ...(Object.keys(allow).length ? { allow } : {}),
    ...(fromTable.length ? { allowedBy: Object.fromEntries(fromTable.map((rule) => [rule, tableId])) } : {}),
  };
}

/** Every policy with its table: managed tables' and those declared on a preset's tables. */
export function allPolicies(schema: Schema): PolicyOf[] {
  const lists = managedOf(schema);
  return (lists.policies ??= policiesOf(schema));
}

type PolicyOf = { tableId: string; table: Pick<Table, 'source' | 'lint' | 'rls'> | undefined; policy: Policy };

function policiesOf(schema: Schema): PolicyOf[] {
  const out: PolicyOf[] = [];
  for (const [tableId, table] of managedTables(schema)) for (const policy of Object.values(table.policies)) out.push({ tableId, table, policy });
  for (const [tableId, external] of Object.entries(schema.externalTables ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const policy of Object.values(external.policies)) out.push({ tableId, table: undefined, policy });
  }
  return out;
}

/** Column names that hold secrets or contact data: what a leak of a row exposes. */
export const sensitiveColumn = /(^|_)(email|phone|token|password|passwd|secret|ssn|iban|api_key|apikey|otp)(_|s|$)/i;

const ownerColumn = /^(user_id|owner_id|profile_id|customer_id|account_id|created_by)$/i;

/** Whether a column holds secrets or contact details: as the definitions mark it, else by its name. */
export function isSensitive(column: Column): boolean {
  return column.sensitive ?? sensitiveColumn.test(column.name);
}

/** Whether a table holds people's data: it references auth.users or has an owner or sensitive column. */
export function holdsUserData(table: Table): boolean {
  return (
    Object.values(table.constraints).some((constraint) => constraint.kind === 'foreign key' && constraint.references.table === 'auth.users') ||
    table.columns.some((column) => ownerColumn.test(column.name) || isSensitive(column))
  );
}
