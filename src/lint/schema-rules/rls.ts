import type { SchemaRule } from '../rule.js';
import { exposed, managedTables, targetOf } from '../targets.js';

/** splinter 0013: the Data API serves every row of a table without row level security. */
export const rlsDisabledInPublic: SchemaRule = {
  id: 'rls_disabled_in_public',
  level: 'ERROR',
  category: 'SECURITY',
  description: 'A table the Data API exposes (an exposed schema, a privilege held by anon or authenticated) has row level security disabled: every row is readable or writable by those roles.',
  check: (context) =>
    managedTables(context.schema)
      .filter(([, table]) => !table.rls.enabled && exposed(table, context))
      .map(([id, table]) => ({ ...targetOf('table', id, table), message: `table ${id} is exposed to the Data API without row level security; enable rls and add policies` })),
};

/** splinter 0007: policies that do nothing because row level security is off. */
export const policyExistsRlsDisabled: SchemaRule = {
  id: 'policy_exists_rls_disabled',
  level: 'ERROR',
  category: 'SECURITY',
  description: 'A table has policies but row level security is disabled, so none of them applies.',
  check: ({ schema }) =>
    managedTables(schema)
      .filter(([, table]) => !table.rls.enabled && Object.keys(table.policies).length > 0)
      .map(([id, table]) => ({ ...targetOf('table', id, table), message: `table ${id} has ${Object.keys(table.policies).length} polic${Object.keys(table.policies).length === 1 ? 'y' : 'ies'} but row level security is disabled: they do not apply` })),
};

/** splinter 0008: row level security on and no policy: nobody but the owner and BYPASSRLS roles sees a row. */
export const rlsEnabledNoPolicy: SchemaRule = {
  id: 'rls_enabled_no_policy',
  level: 'INFO',
  category: 'SECURITY',
  description: 'A table has row level security enabled and no policy: every API request sees no rows (often intended for service-only tables).',
  check: ({ schema }) =>
    managedTables(schema)
      .filter(([, table]) => table.rls.enabled && Object.keys(table.policies).length === 0 && !table.partitionOf)
      .map(([id, table]) => ({ ...targetOf('table', id, table), message: `table ${id} has row level security enabled but no policy: API roles see no rows` })),
};
