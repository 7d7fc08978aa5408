import type { ResolvedConfig } from '../config/load.js';
import type { Connection } from '../engine/connection.js';
import { diffSchemas } from '../diff/index.js';
import { matchTenantSchemas, moveNamespace, templateNamespace } from '../fleet/tenant-schemas.js';
import { sliceByTenant } from '../fleet/tenant-slices.js';
import { introspect } from '../introspect/index.js';
import type { Namespace, Schema } from '../model/schema.js';
import { planChanges, planScript, type Plan } from '../plan/index.js';
import { canonicalOnServer } from './canonical-on-server.js';
import { databaseLabel, openDatabase, presetReads, withConnection } from './database.js';
import type { TargetDrift } from './fleet-diff.js';
import { defaultLockTimeout } from './defaults.js';
import { applySteps, type PushOptions } from './push.js';
import { isPgformError } from '../errors.js';
import { refusedStatements, type RefusedStatement } from '../migrate/guard.js';
import { withMigrationLock } from '../migrate/lock.js';
import { planHazards } from '../migrate/render.js';
import { compareSchemas, scope } from './diff.js';
import { definitionsState } from './states.js';

/** The definitions printed by the database's engine, their one schema (the template), and the tenant schemas named. */
export interface TenantSetup {
  definitions: Schema;
  template: string;
  tenants: string[];
  /** Every tenant schema read in one catalog pass. */
  live: Schema;
  /** Each tenant's part of `live`. */
  slices: Map<string, Schema>;
}

/**
 * Reads what a per-tenant command needs on one connection: the definitions printed once, the
 * schemas `--schemas` names, and all of them in a single introspection (not one per schema).
 */
export async function readTenants(config: ResolvedConfig, conn: Connection, spec: string): Promise<TenantSetup> {
  const definitions = config.url ? await canonicalOnServer(config, config.url) : await definitionsState(config);
  const template = templateNamespace(definitions);
  const existing = (await conn.query<{ name: string }>(`SELECT nspname::text AS name FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY 1`)).map((row) => row.name);
  const tenants = matchTenantSchemas(spec, existing.filter((name) => !presetReads(config).externalNamespaces.includes(name)));
  const live = await introspect(conn, { ...presetReads(config), namespaces: tenants });
  return { definitions, template, tenants, live, slices: sliceByTenant(live, tenants) };
}

/**
 * A tenant schema's live objects and what the definitions expect of it, both in the tenant's
 * schema. The schema's own comment and grants are the tenant's when the template is `public`
 * (a database's default schema carries its own; copying them to every tenant would be wrong).
 */
export function tenantStates(setup: TenantSetup, tenant: string): { live: Schema; expected: Schema } {
  const live = setup.slices.get(tenant)!;
  return { live, expected: expectedIn(setup, tenant, live.namespaces[tenant]) };
}

/** The definitions in schema `name`; when the template is `public`, with the tenant schema's own namespace (`own`). */
function expectedIn(setup: TenantSetup, name: string, own: Namespace | undefined): Schema {
  const expected = scope(name === setup.template ? setup.definitions : moveNamespace(setup.definitions, setup.template, name), [name]);
  if (setup.template === 'public') expected.namespaces[name] = own ?? { name, grants: [] };
  return expected;
}

/**
 * One tenant schema's drift, named in the template's schema so tenants that drift alike group
 * together: the tenant's objects are moved there, and the definitions are already there.
 */
export function tenantDrift(setup: TenantSetup, tenant: string): ReturnType<typeof compareSchemas> {
  const live = moveNamespace(setup.slices.get(tenant)!, tenant, setup.template);
  return compareSchemas(live, expectedIn(setup, setup.template, live.namespaces[setup.template]), [setup.template]);
}

/** The plan making one tenant schema match the definitions, its SQL in that schema. */
export function tenantPlan(setup: TenantSetup, tenant: string): Plan {
  const { live, expected } = tenantStates(setup, tenant);
  return planChanges(diffSchemas(live, expected), { from: live, to: expected });
}

/** `pgform diff --schemas`: every tenant schema of the database against the definitions, read in one pass. */
export async function tenantDiffCommand(config: ResolvedConfig, spec: string): Promise<{ database: string; template: string; drifts: TargetDrift[] }> {
  return withConnection(
    () => openDatabase(config),
    async (conn) => {
      const setup = await readTenants(config, conn, spec);
      const drifts = setup.tenants.map((tenant) => {
        const { items, hazards, unmanaged } = tenantDrift(setup, tenant);
        return { target: tenant, database: databaseLabel(config), items, hazards, unmanaged };
      });
      return { database: databaseLabel(config), template: setup.template, drifts };
    },
  );
}

/** What `pgform push --schemas` did to one tenant schema. */
export interface TenantPush {
  schema: string;
  status: 'unchanged' | 'applied' | 'planned' | 'refused' | 'failed';
  statements: number;
  hazards: string[];
  script?: string;
  refused?: RefusedStatement[];
  error?: { code: string; message: string };
}

/**
 * Makes every tenant schema match the definitions, each with its own plan (the definitions
 * rewritten into its schema) applied in its own transaction, under one advisory lock. The guard
 * applies per schema; a schema that fails or is refused leaves the others to go on.
 */
export async function tenantPushCommand(config: ResolvedConfig, spec: string, options: PushOptions = {}): Promise<{ database: string; schemas: TenantPush[] }> {
  const database = databaseLabel(config);
  return withConnection(
    () => openDatabase(config),
    (conn) =>
      withMigrationLock(
        conn,
        async () => {
          const setup = await readTenants(config, conn, spec);
          const schemas: TenantPush[] = [];
          for (const tenant of setup.tenants) {
            const plan = tenantPlan(setup, tenant);
            const base = { schema: tenant, statements: plan.steps.length, hazards: planHazards(plan) };
            if (plan.steps.length === 0) schemas.push({ ...base, status: 'unchanged' });
            else if (options.dryRun) schemas.push({ ...base, status: 'planned', script: planScript(plan, { header: `-- pgform push --dry-run: schema ${tenant} of ${database}; nothing applied\n` }) });
            else {
              const refused = refusedStatements(plan, options);
              if (refused.length) schemas.push({ ...base, status: 'refused', refused });
              else {
                try {
                  await applySteps(conn, plan.steps, options.lockTimeout ?? defaultLockTimeout);
                  schemas.push({ ...base, status: 'applied' });
                } catch (error) {
                  schemas.push({ ...base, status: 'failed', error: { code: isPgformError(error) ? error.code : 'INTERNAL', message: error instanceof Error ? error.message : String(error) } });
                }
              }
            }
          }
          return { database, schemas };
        },
        options.onWait,
      ),
  );
}
