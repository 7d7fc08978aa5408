import type { Command } from 'commander';
import { defaultLockTimeout } from '../../commands/defaults.js';
import { resolveConfig } from '../../config/load.js';
import { PgformError } from '../../errors.js';
import { err, out, paint } from '../output.js';
import { fleetOptions, isFleetRun, type FleetCliOptions } from '../fleet.js';
import { action, common, type CliOptions } from '../program.js';

type MigrateCliOptions = FleetCliOptions & { schemas?: string; json?: boolean; dryRun?: boolean; allowOutOfOrder?: boolean; lockTimeout?: string; lockRetries?: string; baseline?: string };
type RepairCliOptions = CliOptions & { applied?: string[]; reverted?: string[] };

export function registerMigrate(program: Command): void {
  const migrate = program.command('migrate');
  common(migrate.command('repair'))
    .description("rewrite the migration history without running anything, like 'supabase migration repair'")
    .option('--applied <version...>', 'record these versions as applied')
    .option('--reverted <version...>', 'forget these versions: migrate applies them again')
    .action(
      action(async (options: RepairCliOptions) => {
        const { repairCommand } = await import('../../commands/repair.js');
        const result = await repairCommand(await resolveConfig(options), { ...(options.applied ? { applied: options.applied } : {}), ...(options.reverted ? { reverted: options.reverted } : {}) });
        for (const name of result.applied) out(`${paint.green('recorded')} ${name} as applied`);
        for (const name of result.reverted) out(`${paint.yellow('forgot')} ${name}`);
        out(`${result.database}: history repaired (${result.applied.length} recorded, ${result.reverted.length} forgotten)`);
        return 0;
      }),
    );
  fleetOptions(common(migrate), { failFast: true })
    .description('apply pending migrations, each in its own transaction, under an advisory lock')
    .option('--dry-run', 'print what would run; change nothing')
    .option('--allow-out-of-order', 'apply pending files dated before the last applied one')
    .option('--lock-timeout <duration>', `how long a statement waits for a lock before it gives way and retries (default ${defaultLockTimeout})`)
    .option('--lock-retries <n>', 'how often a statement that timed out waiting for a lock is tried again, pausing longer each time (default 9)')
    .option('--baseline <version>', 'adopt a database that has the schema: record the files up to <version> as applied once it matches their replay')
    .option('--json', 'with --targets or --schemas: one JSON record per target or schema')
    .option('--schemas <names>', "per-tenant schemas: apply the files to each of these schemas (names or patterns, comma-separated: 'tenant_*'), rewritten from the definitions' one schema, each with its own history")
    .action(
      action(async (options: MigrateCliOptions) => {
        if (options.schemas) {
          if (isFleetRun(options) || options.baseline) throw new PgformError('USAGE', '--schemas migrates the tenant schemas of one database', { field: '--schemas' }, 'drop --targets/--baseline');
          const { runTenantMigrate } = await import('../tenants.js');
          return runTenantMigrate(await resolveConfig(options), options.schemas, options);
        }
        if (isFleetRun(options)) {
          const { runFleetMigrate } = await import('../fleet.js');
          return runFleetMigrate(await resolveConfig(options), options);
        }
        const { migrateCommand } = await import('../../commands/migrate.js');
        const { describeHolder } = await import('../../migrate/lock.js');
        const result = await migrateCommand(await resolveConfig(options), {
          dryRun: options.dryRun ?? false,
          allowOutOfOrder: options.allowOutOfOrder ?? false,
          ...(options.lockTimeout ? { lockTimeout: options.lockTimeout } : {}),
          ...(options.lockRetries !== undefined ? { lockRetries: Number(options.lockRetries) } : {}),
          ...(options.baseline ? { baseline: options.baseline } : {}),
          onEvent: (event) => {
            if (event.type === 'waiting') err(`waiting for another pgform run to finish${event.holder ? `: ${describeHolder(event.holder)}` : ''}`);
            if (event.type === 'blocked') {
              const who = event.holders.length ? event.holders.map(describeHolder).join('; ') : 'a session that has finished since';
              err(`${paint.yellow('blocked')}: ${event.file} waited out its lock timeout (try ${event.attempt} of ${event.attempts}), held by ${who}; trying again in ${event.pauseMs} ms`);
            }
            if (event.type === 'rebuilding') err(`${paint.yellow('rebuilding')} ${event.index}: an interrupted concurrent build of ${event.name} left it INVALID`);
            if (event.type === 'applied') out(`${paint.green('applied')} ${event.name} (${event.durationMs} ms)`);
          },
        });
        if (result.baseline?.status === 'refused') {
          const { renderDriftText } = await import('../../emit/drift/text.js');
          const drift = result.baseline.drift;
          err(renderDriftText(drift.items, { from: drift.from, to: drift.to }, paint).trimEnd());
          err(`${paint.red('baseline refused')}: ${result.database} does not match the migrations up to ${options.baseline}; nothing was recorded or applied`);
          return 1;
        }
        for (const name of result.baseline?.status === 'recorded' ? result.baseline.recorded : []) out(`${paint.green('baselined')} ${name} (recorded as applied, not run)`);
        for (const name of result.missing) err(`${paint.yellow('warning')}: applied migration ${name} is missing from ${result.folder}`);
        if (result.dryRun) {
          for (const file of result.pending) {
            out(`-- would apply ${file.path}${file.transactional ? '' : ' (outside a transaction)'}`);
            out(file.sql.trimEnd());
            out('');
          }
          out(`${result.database}: ${result.pending.length} migration${result.pending.length === 1 ? '' : 's'} would be applied, ${result.upToDate} already applied (dry run: nothing changed)`);
          return 0;
        }
        if (result.applied.length === 0) out(`${result.database}: up to date (${result.upToDate} migration${result.upToDate === 1 ? '' : 's'} applied)`);
        else out(`${result.database}: applied ${result.applied.length} migration${result.applied.length === 1 ? '' : 's'} (${result.upToDate} were already applied)`);
        return 0;
      }),
    );
}
