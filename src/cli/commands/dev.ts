import type { Command } from 'commander';
import { defaultLockTimeout } from '../../commands/defaults.js';
import { resolveConfig } from '../../config/load.js';
import { action, common, type CliOptions } from '../program.js';

type DevCliOptions = CliOptions & { once?: boolean; allowDataLoss?: boolean; allowSecurityChanges?: boolean; lockTimeout?: string };

export function registerDev(program: Command): void {
  common(program.command('dev'))
    .description('watch the definitions: on each save show the plan, apply it to the local database (embedded, or --url), regenerate types and docs; never writes a migration')
    .option('--once', 'one cycle, then exit: 0 applied or nothing to apply, 2 an error or a refused plan')
    .option('--allow-data-loss', 'apply statements that delete data (dropped tables, columns...)')
    .option('--allow-security-changes', 'apply statements that revoke from API roles, disable row level security, drop policies or security_invoker')
    .option('--lock-timeout <duration>', `how long a statement waits for a lock (default ${defaultLockTimeout})`)
    .action(
      action(async (options: DevCliOptions) => {
        const { runDev } = await import('../dev.js');
        return runDev(await resolveConfig(options), {
          allowDataLoss: options.allowDataLoss ?? false,
          allowSecurityChanges: options.allowSecurityChanges ?? false,
          ...(options.lockTimeout ? { lockTimeout: options.lockTimeout } : {}),
          ...(options.once ? { once: true } : {}),
        });
      }),
    );
}
