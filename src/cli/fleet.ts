import type { Command } from 'commander';
import type { ResolvedConfig } from '../config/load.js';
import { PgformError } from '../errors.js';
import type { Target, TargetSource } from '../fleet/targets.js';
import { elapsed, LiveTable } from './live-table.js';
import { err, out, paint, rememberSecret } from './output.js';
import type { CliOptions } from './program.js';
import { version } from './version.js';

/** The flags that turn a single-target command into a fleet run. */
export type FleetCliOptions = CliOptions & { targets?: string; targetsQuery?: string; controlUrl?: string; concurrency?: string; failFast?: boolean; json?: boolean };

/** Adds the fleet flags to a command. */
export function fleetOptions(command: Command, options: { failFast?: boolean } = {}): Command {
  command
    .option('--targets <file|config>', "run on a fleet: a file of database URLs (or 'name URL' lines), or config for the config's targets")
    .option('--targets-query <sql>', 'run on a fleet: the rows (url, name?) of this query on the control database')
    .option('--control-url <url>', 'the database --targets-query runs on (default --url, DATABASE_URL)')
    .option('--concurrency <n>', 'fleet targets at a time (default 4)');
  if (options.failFast) command.option('--fail-fast', 'start no further target once one fails');
  return command;
}

export function isFleetRun(options: FleetCliOptions): boolean {
  return Boolean(options.targets || options.targetsQuery);
}

function concurrencyOf(options: FleetCliOptions): number {
  if (options.concurrency === undefined) return 4;
  const n = Number(options.concurrency);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new PgformError('USAGE', `invalid concurrency "${options.concurrency}"`, { field: '--concurrency' }, 'a whole number from 1 to 256');
  return n;
}

async function fleetOf(config: ResolvedConfig, options: FleetCliOptions): Promise<Target[]> {
  const { resolveTargets } = await import('../fleet/targets.js');
  rememberSecret(options.controlUrl);
  const source: TargetSource = { ...(options.targets ? { targets: options.targets } : {}), ...(options.targetsQuery ? { targetsQuery: options.targetsQuery } : {}), ...(options.controlUrl ? { controlUrl: options.controlUrl } : {}) };
  const targets = await resolveTargets(config, source);
  for (const target of targets) rememberSecret(target.url);
  return targets;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `pgform migrate --targets`: exit 0 every target ok, 1 some failed or skipped, 2 could not start. */
export async function runFleetMigrate(config: ResolvedConfig, options: FleetCliOptions & { allowOutOfOrder?: boolean; lockTimeout?: string; dryRun?: boolean; baseline?: string }): Promise<number> {
  if (options.dryRun || options.baseline) throw new PgformError('USAGE', `${options.dryRun ? '--dry-run' : '--baseline'} runs on one database at a time`, { field: '--targets' }, 'run it per target with --url, or use pgform status --targets to see what is pending');
  const { fleetMigrateCommand } = await import('../commands/fleet-migrate.js');
  const targets = await fleetOf(config, options);
  const live = !options.json && process.stderr.isTTY ? new LiveTable(targets.length) : undefined;
  const started = performance.now();
  const records = await fleetMigrateCommand(config, targets, {
    concurrency: concurrencyOf(options),
    failFast: options.failFast ?? false,
    ...(options.allowOutOfOrder ? { allowOutOfOrder: true } : {}),
    ...(options.lockTimeout ? { lockTimeout: options.lockTimeout } : {}),
    onEvent: (event) => {
      if (live) live.update(event);
      else if (!options.json && ['applied', 'up to date', 'failed'].includes(event.state)) err(`${event.target}: ${event.state}${event.file ? ` (${event.file})` : ''}`);
    },
  });
  live?.stop();
  const failed = records.filter((r) => r.state === 'failed' || r.state === 'skipped');
  if (options.json) {
    for (const record of records) out(JSON.stringify(record));
    return failed.length ? 1 : 0;
  }
  for (const record of records.filter((r) => r.error)) {
    const error = record.error!;
    out(`${paint.red('failed')} ${record.target} (${record.database}): ${error.code}: ${error.message}`);
    if (error.file) out(`  at ${error.file}${error.line ? `:${error.line}` : ''}`);
    if (error.statement) out(`  statement: ${error.statement.split('\n')[0]}`);
    if (error.hint) out(`  hint: ${error.hint}`);
  }
  const count = (state: string) => records.filter((r) => r.state === state).length;
  const files = records.reduce((n, r) => n + r.applied.length, 0);
  out(
    `${plural(records.length, 'target')} in ${elapsed(performance.now() - started)}: ${count('applied')} migrated (${plural(files, 'file')}), ${count('up to date')} up to date, ${count('failed')} failed${count('skipped') ? `, ${count('skipped')} skipped (--fail-fast)` : ''}`,
  );
  if (failed.length) out('run the same command again to resume: targets already up to date are left as they are');
  return failed.length ? 1 : 0;
}

/** `pgform status --targets`: the fleet's histories, targets behind the same way grouped; exit 1 unless all are up to date. */
export async function runFleetStatus(config: ResolvedConfig, options: FleetCliOptions): Promise<number> {
  const { fleetStatusCommand } = await import('../commands/fleet-status.js');
  const targets = await fleetOf(config, options);
  const records = await fleetStatusCommand(config, targets, { concurrency: concurrencyOf(options) });
  const settled = records.every((r) => r.state === 'up to date');
  if (options.json) {
    for (const record of records) out(JSON.stringify(record));
    return settled ? 0 : 1;
  }
  const groups = new Map<string, string[]>();
  for (const record of records) {
    const key =
      record.state === 'behind'
        ? `behind by ${plural(record.pending.length, 'migration')}: ${record.pending.join(', ')}`
        : record.state === 'diverged'
          ? `diverged: ${[...record.changed.map((n) => `${n} changed`), ...record.missing.map((n) => `${n} missing from the folder`)].join(', ')}`
          : record.state === 'failed'
            ? `not read: ${record.error!.code}: ${record.error!.message.split('\n')[0]}`
            : 'up to date';
    groups.set(key, [...(groups.get(key) ?? []), record.target]);
  }
  for (const [key, names] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    const colour = key === 'up to date' ? paint.green : key.startsWith('behind') ? paint.yellow : paint.red;
    out(`${paint.bold(plural(names.length, 'target'))} ${colour(key)}`);
    if (key !== 'up to date') out(paint.dim(`  ${names.length > 8 ? `${names.slice(0, 8).join(', ')} and ${names.length - 8} more` : names.join(', ')}`));
  }
  return settled ? 0 : 1;
}

/** `pgform diff --targets`: one report for the fleet; exit 0 no drift anywhere, 1 drift or a target not read. */
export async function runFleetDiff(config: ResolvedConfig, options: FleetCliOptions & { schema?: string[]; format: string }): Promise<number> {
  const { fleetDiffCommand } = await import('../commands/fleet-diff.js');
  const { fleetDriftReport, renderFleetDriftJson, renderFleetDriftSarif, renderFleetDriftText } = await import('../emit/drift/fleet.js');
  if (!['text', 'json', 'sarif'].includes(options.format)) throw new PgformError('USAGE', `format "${options.format}" is not available for a fleet`, { field: '--format' }, 'use text, json or sarif');
  const targets = await fleetOf(config, options);
  const drifts = await fleetDiffCommand(config, targets, { concurrency: concurrencyOf(options), ...(options.schema ? { schemas: options.schema } : {}) });
  const report = fleetDriftReport(drifts, `definitions (${config.definitions})`);
  if (options.format === 'json') out(renderFleetDriftJson(report));
  else if (options.format === 'sarif') out(renderFleetDriftSarif(report, version()));
  else out(renderFleetDriftText(report, paint));
  return report.drift || report.failed.length ? 1 : 0;
}
