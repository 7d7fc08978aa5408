import type { Command } from 'commander';
import { resolveConfig } from '../../config/load.js';
import { out } from '../output.js';
import { action, common } from '../program.js';

export function registerBootstrap(program: Command): void {
  common(program.command('bootstrap'))
    .description("create the preset's external objects (Supabase roles, auth schema and functions) in a database")
    .action(
      action(async (options) => {
        const { bootstrapCommand } = await import('../../commands/bootstrap.js');
        const result = await bootstrapCommand(await resolveConfig(options));
        out(`bootstrapped the ${result.preset} preset in ${result.database}`);
        return 0;
      }),
    );
}
