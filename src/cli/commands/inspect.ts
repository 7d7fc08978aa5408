import type { Command } from 'commander';
import { resolveConfig } from '../../config/load.js';
import { out } from '../output.js';
import { action, common, type CliOptions } from '../program.js';
import { describeCounts } from '../summary.js';

export function registerInspect(program: Command): void {
  common(program.command('inspect'))
    .description('read a database into the model')
    .option('--json', 'print the model as JSON')
    .action(
      action(async (options: CliOptions & { json?: boolean }) => {
        const { inspectCommand } = await import('../../commands/inspect.js');
        const result = await inspectCommand(await resolveConfig(options));
        if (options.json) out(JSON.stringify(result.schema, null, 2));
        else out(`${result.database}: ${describeCounts(result.schema)}`);
        return 0;
      }),
    );
}
