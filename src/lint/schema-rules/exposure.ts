import type { PolicyCommand } from '../../model/schema.js';
import { codeOf } from '../expression.js';
import type { SchemaRule } from '../rule.js';
import { appliesTo, exposed, holds, isSensitive, managedTables, managedViews, targetOf } from '../targets.js';

/** splinter 0010: a view runs with its owner's rights, bypassing the row level security of what it reads. */
export const securityDefinerView: SchemaRule = {
  id: 'security_definer_view',
  level: 'ERROR',
  category: 'SECURITY',
  description: "A view the Data API exposes runs as its owner (no security_invoker): it bypasses the row level security of the tables it reads. Set securityInvoker: true.",
  check: (context) =>
    managedViews(context.schema)
      .filter(([, view]) => !view.materialized && !view.securityInvoker && exposed(view, context))
      .map(([id, view]) => ({ ...targetOf('view', id, view), message: `view ${id} is exposed to the Data API and runs as its owner, bypassing row level security; set securityInvoker: true` })),
};

/** Whether a query reads auth.users (quoted or not). */
const readsAuthUsers = (definition: string) => /\bauth\s*\.\s*users\b/i.test(codeOf(definition));

/** splinter 0002: a view hands auth.users (emails, phones, metadata) to API roles. */
export const authUsersExposed: SchemaRule = {
  id: 'auth_users_exposed',
  level: 'ERROR',
  category: 'SECURITY',
  description: 'A view or materialized view the Data API exposes reads auth.users as its owner: it may hand every user\'s email, phone and metadata to API roles.',
  check: (context) =>
    managedViews(context.schema)
      .filter(([, view]) => (view.materialized || !view.securityInvoker) && exposed(view, context) && readsAuthUsers(view.definition))
      .map(([id, view]) => ({ ...targetOf(view.materialized ? 'materialized view' : 'view', id, view), message: `${view.materialized ? 'materialized view' : 'view'} ${id} exposes auth.users to API roles` })),
};

/** splinter 0016: a materialized view has no row level security at all. */
export const materializedViewInApi: SchemaRule = {
  id: 'materialized_view_in_api',
  level: 'WARN',
  category: 'SECURITY',
  description: 'A materialized view is selectable by anon or authenticated in an exposed schema: materialized views have no row level security.',
  check: (context) =>
    managedViews(context.schema)
      .filter(([, view]) => view.materialized && exposed(view, context, 'SELECT'))
      .map(([id, view]) => ({ ...targetOf('materialized view', id, view), message: `materialized view ${id} is selectable through the Data API and has no row level security` })),
};

const writes: Exclude<PolicyCommand, 'ALL' | 'SELECT'>[] = ['INSERT', 'UPDATE', 'DELETE'];

/** Definitions only: a write privilege for anon that no policy ever lets through. */
export const anonWriteGrantWithoutPolicy: SchemaRule = {
  id: 'anon_write_grant_without_policy',
  level: 'WARN',
  category: 'SECURITY',
  description: "anon is granted INSERT, UPDATE or DELETE on a table whose policies never allow anon that command: the grant is dead today and becomes a hole the day a broad policy is added. Revoke it. From definitions only the declared grants count, not the platform's defaults every Supabase table gets.",
  check: ({ schema }) =>
    managedTables(schema).flatMap(([id, table]) => {
      if (!table.rls.enabled) return [];
      const unused = writes.filter((command) => holds(table.grants, 'anon', command) && !Object.values(table.policies).some((policy) => policy.permissive && appliesTo(policy, 'anon', command)));
      if (!unused.length) return [];
      return [{ ...targetOf('table', id, table), message: `anon is granted ${unused.join(', ')} on ${id} but no policy allows anon to ${unused.length === 1 ? 'do it' : 'do them'}; revoke the grant` }];
    }),
};

/** Definitions only: signed-out visitors can read a column holding secrets or contact data. */
export const sensitiveColumnReadableByAnon: SchemaRule = {
  id: 'sensitive_column_readable_by_anon',
  level: 'WARN',
  category: 'SECURITY',
  description: 'A column marked sensitive (`.sensitive()`), or named like a secret or contact detail (email, phone, token, password...) and not marked `.sensitive(false)`, is readable by anon: anon holds SELECT on it and row level security is off or a policy lets anon read rows.',
  check: (context) =>
    managedTables(context.schema).flatMap(([id, table]) => {
      if (!context.exposedSchemas.has(table.schema)) return [];
      const rowsVisible = !table.rls.enabled || Object.values(table.policies).some((policy) => policy.permissive && appliesTo(policy, 'anon', 'SELECT'));
      if (!rowsVisible) return [];
      const readable = table.columns.filter((column) => isSensitive(column) && (holds(context.grantsOf(table), 'anon', 'SELECT') || holds(column.grants, 'anon', 'SELECT')));
      if (!readable.length) return [];
      return [{ ...targetOf('table', id, table), message: `anon can read ${readable.map((column) => column.name).join(', ')} of ${id}; grant anon only the columns it needs` }];
    }),
};
