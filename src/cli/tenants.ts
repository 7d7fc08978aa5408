import type { ResolvedConfig } from '../config/load.js';
import type { PushOptions } from '../commands/push.js';
import { PgformError } from '../errors.js';
import { printRefused } from './commands/generate.js';
import { err, out, paint } from './output.js';
import { version } from './version.js';

/** `pgform diff --schemas`: one report for the tenant schemas, alike drift grouped; exit 0 none drift, 1 some do. */
export async function runTenantDiff(config: ResolvedConfig, spec: string, format: string): Promise<number> {
  if (!['text', 'json', 'sarif'].includes(format)) throw new PgformError('USAGE', `format "${format}" is not available for tenant schemas`, { field: '--format' }, 'use text, json or sarif');
  const { tenantDiffCommand } = await import('../commands/tenants.js');
  const { fleetDriftReport, renderFleetDriftJson, renderFleetDriftSarif, renderFleetDriftText } = await import('../emit/drift/fleet.js');
  const result = await tenantDiffCommand(config, spec);
  const report = fleetDriftReport(result.drifts, `definitions (${config.definitions}, schema ${result.template})`);
  if (format === 'json') out(renderFleetDriftJson(report));
  else if (format === 'sarif') out(renderFleetDriftSarif(report, version()));
  else out(`${result.database}: ${renderFleetDriftText(report, paint, 'schema')}`);
  return report.drift ? 1 : 0;
}

/** `pgform push --schemas`: exit 0 every schema matches now, 1 a dry run would change some, 2 one was refused or failed. */
export async function runTenantPush(config: ResolvedConfig, spec: string, options: Omit<PushOptions, 'onFallback' | 'onWait'>): Promise<number> {
  const { tenantPushCommand } = await import('../commands/tenants.js');
  const { schemas, database } = await tenantPushCommand(config, spec, options);
  for (const schema of schemas) {
    if (schema.status === 'planned') out(schema.script!);
    if (schema.status === 'refused') printRefused(schema.refused!, `nothing applied to schema ${schema.schema}`);
    if (schema.status === 'failed') err(`${paint.red('failed')} schema ${schema.schema}: ${schema.error!.code}: ${schema.error!.message}`);
    if (schema.status === 'applied') out(`${paint.green('pushed')} schema ${schema.schema} (${schema.statements} statement${schema.statements === 1 ? '' : 's'})`);
    for (const hazard of schema.status === 'planned' || schema.status === 'applied' ? schema.hazards : []) err(`${paint.yellow('hazard')} ${schema.schema}: ${hazard}`);
  }
  const count = (status: string) => schemas.filter((s) => s.status === status).length;
  out(`${database}: ${schemas.length} schema${schemas.length === 1 ? '' : 's'}: ${count('applied')} pushed, ${count('unchanged')} already matched${count('planned') ? `, ${count('planned')} would change` : ''}${count('refused') ? `, ${count('refused')} refused` : ''}${count('failed') ? `, ${count('failed')} failed` : ''}`);
  if (count('refused') || count('failed')) return 2;
  return count('planned') ? 1 : 0;
}

/** `pgform migrate --schemas`: exit 0 every schema is up to date now, 1 some failed (the others were migrated), 2 could not start. */
export async function runTenantMigrate(config: ResolvedConfig, spec: string, options: { dryRun?: boolean; allowOutOfOrder?: boolean; lockTimeout?: string; json?: boolean }): Promise<number> {
  const { tenantMigrateCommand } = await import('../commands/tenant-migrate.js');
  const { describeHolder } = await import('../migrate/lock.js');
  const result = await tenantMigrateCommand(config, spec, {
    dryRun: options.dryRun ?? false,
    allowOutOfOrder: options.allowOutOfOrder ?? false,
    ...(options.lockTimeout ? { lockTimeout: options.lockTimeout } : {}),
    onEvent: (event) => {
      if (event.type === 'waiting') err(`waiting for another pgform run to finish${event.holder ? `: ${describeHolder(event.holder)}` : ''}`);
    },
    onSchema: (record) => {
      if (options.json) return;
      if (record.state === 'failed') {
        const at = record.error!.file ? ` (${record.error!.file}${record.error!.line ? `:${record.error!.line}` : ''})` : '';
        err(`${paint.red('failed')} schema ${record.schema}: ${record.error!.code}: ${record.error!.message}${at}`);
      }
      if (record.state === 'applied') out(`${paint.green('migrated')} schema ${record.schema}: ${record.applied.map((a) => a.name).join(', ')}`);
      if (record.state === 'planned') out(`would migrate schema ${record.schema}: ${record.pending.join(', ')}`);
    },
  });
  if (options.json) for (const record of result.schemas) out(JSON.stringify({ database: result.database, ...record }));
  const count = (state: string) => result.schemas.filter((s) => s.state === state).length;
  const n = result.schemas.length;
  if (!options.json) out(`${result.database}: ${n} schema${n === 1 ? '' : 's'}: ${count('applied')} migrated, ${count('up to date')} up to date${count('planned') ? `, ${count('planned')} would be migrated (dry run: nothing changed)` : ''}${count('failed') ? `, ${count('failed')} failed` : ''}`);
  return count('failed') ? 1 : 0;
}

/** `pgform status --schemas`: one line per tenant schema; exit 0 all are up to date, 1 some are not. */
export async function runTenantStatus(config: ResolvedConfig, spec: string, options: { json?: boolean }): Promise<number> {
  const { tenantStatusCommand } = await import('../commands/tenant-migrate.js');
  const result = await tenantStatusCommand(config, spec);
  const settled = (counts: Record<string, number>) => counts.pending! + counts.changed! + counts.missing! === 0;
  if (options.json) out(JSON.stringify(result, null, 2));
  else {
    for (const { schema, migrations, counts } of result.schemas) {
      const pending = migrations.filter((m) => m.status === 'pending').map((m) => m.name);
      const amiss = migrations.filter((m) => m.status === 'changed' || m.status === 'missing').map((m) => `${m.name} ${m.status}`);
      const state = settled(counts) ? paint.green('up to date') : [...(pending.length ? [paint.yellow(`behind by ${pending.length}: ${pending.join(', ')}`)] : []), ...amiss.map((text) => paint.red(text))].join('; ');
      out(`${schema}: ${state}`);
    }
    const behind = result.schemas.filter((s) => !settled(s.counts)).length;
    out(`${result.database}: ${result.schemas.length} schema${result.schemas.length === 1 ? '' : 's'}, ${behind} not up to date`);
  }
  return result.schemas.every((s) => settled(s.counts)) ? 0 : 1;
}
