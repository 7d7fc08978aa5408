import type { Command } from 'commander';
import { resolveConfig } from '../../config/load.js';
import { action, common, type CliOptions } from '../program.js';

export function registerSql(program: Command): void {
  common(program.command('sql'))
    .description('print the create-from-scratch SQL of the definitions')
    .option('--bootstrap', "first print idempotent SQL creating the preset's external objects")
    .action(
      action(async (options: CliOptions & { bootstrap?: boolean }) => {
        const { sqlCommand } = await import('../../commands/sql.js');
        const result = await sqlCommand(await resolveConfig(options), { bootstrap: options.bootstrap ?? false });
        process.stdout.write(result.script);
        return 0;
      }),
    );
}
