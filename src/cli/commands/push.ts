import type { Command } from 'commander';
import { defaultLockTimeout } from '../../commands/defaults.js';
import { resolveConfig } from '../../config/load.js';
import { err, out, paint } from '../output.js';
import { action, common, planForms, type CliOptions } from '../program.js';
import { printRefused } from './generate.js';

type PushCliOptions = CliOptions & { schemas?: string; allowDataLoss?: boolean; allowSecurityChanges?: boolean; lockTimeout?: string; dryRun?: boolean };

export function registerPush(program: Command): void {
  planForms(common(program.command('push')))
    .description('make the database match the definitions directly, in one transaction (local development)')
    .option('--dry-run', 'print the plan and apply nothing; exit 0 when the database already matches, 1 when it would change')
    .option('--allow-data-loss', 'apply statements that delete data (dropped tables, columns...)')
    .option('--allow-security-changes', 'apply statements that revoke from API roles, disable row level security, drop policies or security_invoker')
    .option('--lock-timeout <duration>', `how long a statement waits for a lock (default ${defaultLockTimeout})`)
    .option('--schemas <names>', "per-tenant schemas: make each of these schemas (names or patterns, comma-separated: 'tenant_*') match the definitions' one schema")
    .action(
      action(async (options: PushCliOptions) => {
        if (options.schemas) {
          const { runTenantPush } = await import('../tenants.js');
          return runTenantPush(await resolveConfig(options), options.schemas, options);
        }
        const { pushCommand } = await import('../../commands/push.js');
        const { describeHolder } = await import('../../migrate/lock.js');
        const result = await pushCommand(await resolveConfig(options), {
          allowDataLoss: options.allowDataLoss ?? false,
          ...(options.dryRun ? { dryRun: true } : {}),
          allowSecurityChanges: options.allowSecurityChanges ?? false,
          ...(options.lockTimeout ? { lockTimeout: options.lockTimeout } : {}),
          onFallback: (reason) => err(`${paint.yellow('warning')}: ${reason}`),
          onWait: (holder) => err(`waiting for another pgform run to finish${holder ? `: ${describeHolder(holder)}` : ''}`),
        });
        if (result.status === 'unchanged') {
          out(`${result.database}: already matches the definitions; nothing to push`);
          return 0;
        }
        if (result.status === 'planned') {
          out(result.script);
          for (const hazard of result.hazards) err(`${paint.yellow('hazard')} ${hazard}`);
          return 1;
        }
        if (result.status === 'refused') {
          printRefused(result.refused, 'nothing applied');
          return 2;
        }
        out(`${result.database}: ${paint.green('pushed')} ${result.statements} statement${result.statements === 1 ? '' : 's'}`);
        for (const line of result.summary) out(`  ${line}`);
        for (const hazard of result.hazards) out(`  ${paint.yellow('hazard')} ${hazard}`);
        return 0;
      }),
    );
}
