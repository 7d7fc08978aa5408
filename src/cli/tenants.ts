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
