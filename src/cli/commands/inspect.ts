import type { Command } from 'commander';
import { resolveConfig } from '../../config/load.js';
import { out } from '../output.js';
import { action, common, type CliOptions } from '../program.js';
import { describeCounts } from '../summary.js';

export function registerInspect(program: Command): void {
  common(program.command('inspect'))
    .description('read a database into the model')
    .option('--json', 'print the model as JSON')
    .option('--coverage', 'list every kind of object: modelled or only reported, with counts')
    .action(
      action(async (options: CliOptions & { json?: boolean; coverage?: boolean }) => {
        const { inspectCommand } = await import('../../commands/inspect.js');
        const result = await inspectCommand(await resolveConfig(options));
        if (options.coverage) {
          const { coverageOf, renderCoverage } = await import('../../introspect/coverage.js');
          const lines = coverageOf(result.schema);
          out(options.json ? JSON.stringify({ database: result.database, kinds: lines }, null, 2) : renderCoverage(lines));
        } else if (options.json) out(JSON.stringify(result.schema, null, 2));
        else out(`${result.database}: ${describeCounts(result.schema)}`);
        return 0;
      }),
    );
}
