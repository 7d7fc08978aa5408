import type { PolicyCommand } from '../../model/schema.js';
import { alwaysTrue, callsIn } from '../expression.js';
import type { Hit, SchemaRule } from '../rule.js';
import { allPolicies, apiRoles, appliesTo, bypassRls, evaluated, holds, holdsUserData, managedTables, policyTarget } from '../targets.js';

/** Functions whose value is the same for the whole statement: wrapped in a subquery they run once. */
const perRequest = new Set(['auth.uid', 'auth.jwt', 'auth.role', 'auth.email', 'current_setting']);

/** splinter 0003: `auth.uid()` in a policy re-evaluated for every row. */
export const authRlsInitplan: SchemaRule = {
  id: 'auth_rls_initplan',
  level: 'WARN',
  category: 'PERFORMANCE',
  description: 'A policy calls auth.uid(), auth.jwt(), auth.role(), auth.email() or current_setting() outside a subquery: PostgreSQL calls it once per row instead of once per statement. Write (select auth.uid()).',
  check: ({ schema }) =>
    allPolicies(schema).flatMap(({ tableId, table, policy }) => {
      if (!evaluated(policy)) return [];
      const bare = [...new Set([policy.using, policy.withCheck].flatMap((clause) => (clause ? callsIn(clause) : [])).filter((call) => perRequest.has(call.name) && !call.wrapped).map((call) => call.name))];
      if (!bare.length) return [];
      return [{ ...policyTarget(tableId, table ?? {}, policy), message: `policy "${policy.name}" on ${tableId} calls ${bare.map((name) => `${name}()`).join(', ')} per row; wrap it: (select ${bare[0]}())` }];
    }),
};

/** splinter 0015: `user_metadata` is writable by the user it describes. */
export const rlsReferencesUserMetadata: SchemaRule = {
  id: 'rls_references_user_metadata',
  level: 'ERROR',
  category: 'SECURITY',
  description: "A policy reads the JWT's user_metadata, which every user can change about themselves: it cannot carry authorisation.",
  check: ({ schema }) =>
    allPolicies(schema)
      .filter(({ policy }) => [policy.using, policy.withCheck].some((clause) => clause !== undefined && /user_metadata/i.test(clause)))
      .map(({ tableId, table, policy }) => ({ ...policyTarget(tableId, table ?? {}, policy), message: `policy "${policy.name}" on ${tableId} reads user_metadata, which users can set themselves; use app_metadata or a table` })),
};

const commands: Exclude<PolicyCommand, 'ALL'>[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];

/** splinter 0006: several permissive policies for one role and command are all evaluated, OR-ed. */
export const multiplePermissivePolicies: SchemaRule = {
  id: 'multiple_permissive_policies',
  level: 'WARN',
  category: 'PERFORMANCE',
  description: 'Several permissive policies apply to the same role and command: PostgreSQL evaluates every one for each row. Merge them into one policy. Roles that bypass row level security (service_role) are not counted.',
  check: ({ schema }) => {
    const hits: Hit[] = [];
    for (const [tableId, table] of managedTables(schema)) {
      const policies = Object.values(table.policies).filter((policy) => policy.permissive);
      if (policies.length < 2) continue;
      const roles = [...new Set([...apiRoles, ...policies.flatMap((policy) => policy.roles.filter((role) => role !== 'public'))])].filter((role) => !bypassRls.has(role)).sort();
      for (const role of roles) {
        for (const command of commands) {
          const applying = policies.filter((policy) => appliesTo(policy, role, command)).map((policy) => policy.name).sort();
          if (applying.length < 2) continue;
          hits.push({ kind: 'table', object: tableId, ...(table.source ? { source: table.source } : {}), ...(table.lint ? { allow: table.lint.allow } : {}), message: `table ${tableId} has ${applying.length} permissive policies for role ${role} on ${command}: ${applying.map((name) => `"${name}"`).join(', ')}` });
        }
      }
    }
    return hits;
  },
};

/** Definitions only: `FOR ALL ... USING (...)` silently reuses USING as the check on written rows. */
export const allPolicyWithoutWithCheck: SchemaRule = {
  id: 'all_policy_without_with_check',
  level: 'WARN',
  category: 'SECURITY',
  description: 'A FOR ALL policy has USING and no WITH CHECK: PostgreSQL checks inserted and updated rows with the USING clause, which is rarely what was meant for writes. Say it with an explicit WITH CHECK, or split the policy per command.',
  check: ({ schema }) =>
    allPolicies(schema)
      .filter(({ policy }) => policy.command === 'ALL' && policy.using !== undefined && policy.withCheck === undefined)
      .map(({ tableId, table, policy }) => ({ ...policyTarget(tableId, table ?? {}, policy), message: `policy "${policy.name}" on ${tableId} is FOR ALL without WITH CHECK: writes are checked with its USING clause` })),
};

/** Definitions only: a policy letting signed-out visitors read every row of a table holding user data. */
export const anonPolicyAlwaysTrue: SchemaRule = {
  id: 'anon_policy_always_true',
  level: 'ERROR',
  category: 'SECURITY',
  description: 'A permissive policy for anon (or every role) reads USING (true) on a table holding user data (a reference to auth.users, an owner column such as user_id, or a sensitive column): anyone with the public API key reads every row.',
  check: (context) =>
    managedTables(context.schema).flatMap(([tableId, table]) => {
      const open = Object.values(table.policies).filter((policy) => policy.permissive && appliesTo(policy, 'anon', 'SELECT') && alwaysTrue(policy.using));
      if (!open.length || !table.rls.enabled || !holdsUserData(table) || !holds(context.grantsOf(table), 'anon', 'SELECT')) return [];
      return open
        .map((policy) => ({ ...policyTarget(tableId, table, policy), message: `policy "${policy.name}" lets anon read every row of ${tableId}, which holds user data` }));
    }),
};
