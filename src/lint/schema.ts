import { defaultPrivilegeId, expectedGrants } from '../model/default-privileges.js';
import type { DefaultPrivilege, Schema } from '../model/schema.js';
import type { LintTarget, SchemaContext } from './rule.js';
import { settle, type LintReport } from './run.js';
import { schemaRules } from './schema-rules/index.js';
import type { LintSettings } from './settings.js';
import { allPolicies, managedRoutines, managedTables, managedViews, policyTarget, targetOf } from './targets.js';

/** Every definition of the model that declares suppressions, as the targets rules report on. */
function declaredSuppressions(schema: Schema): LintTarget[] {
  const targets: LintTarget[] = [];
  for (const [id, table] of managedTables(schema)) if (table.lint) targets.push(targetOf('table', id, table));
  for (const [id, view] of managedViews(schema)) if (view.lint) targets.push(targetOf(view.materialized ? 'materialized view' : 'view', id, view));
  for (const [id, routine] of managedRoutines(schema)) if (routine.lint) targets.push(targetOf('function', id, routine));
  for (const { tableId, policy } of allPolicies(schema)) if (policy.lint) targets.push({ ...policyTarget(tableId, {}, policy), allow: policy.lint.allow });
  return targets;
}

/** LintSchemaOptions say what the model leaves out: the platform's default privileges, for a model of definitions. */
export interface LintSchemaOptions {
  /**
   * Default privileges the platform sets (Supabase's grants to its API roles in public). A model
   * of definitions holds the declared grants only; a database's holds what was granted.
   */
  platformDefaults?: DefaultPrivilege[];
}

/** Rule set 1 on a model: definitions, a live database or replayed migrations alike. */
export function lintSchema(schema: Schema, settings: LintSettings = {}, options: LintSchemaOptions = {}): LintReport {
  const platform = options.platformDefaults ?? [];
  const withPlatform = { defaultPrivileges: { ...Object.fromEntries(platform.map((entry) => [defaultPrivilegeId(entry), entry])), ...(schema.defaultPrivileges ?? {}) } };
  const context: SchemaContext = {
    schema,
    exposedSchemas: new Set(settings.exposedSchemas ?? ['public']),
    grantsOf: (relation) => (platform.length ? expectedGrants(withPlatform, 'tables', relation.schema, relation.grants) : relation.grants),
  };
  const results = schemaRules.map((rule) => ({ rule, hits: rule.check(context) }));
  return settle(results, declaredSuppressions(schema), settings);
}
