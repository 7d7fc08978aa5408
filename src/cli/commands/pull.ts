import type { Command } from 'commander';
import { resolveConfig } from '../../config/load.js';
import { layouts, type Layout } from '../../emit/pull/layout.js';
import { PgformError } from '../../errors.js';
import { err, out, paint } from '../output.js';
import { action, common, type CliOptions } from '../program.js';

type PullCliOptions = CliOptions & { layout?: string; json?: boolean; from?: string; rewrite?: boolean };

export function registerPull(program: Command): void {
  common(program.command('pull'))
    .description('read a live database into TypeScript definitions (default folder: schemas/<system>)')
    .option('--layout <layout>', 'group: a file per schema; table: a file per table and view; single: one file', 'group')
    .option('--from <source>', 'database (default), migrations, or a folder of migration files replayed in the embedded engine', 'database')
    .option('--rewrite', 'rewrite a folder of files pull wrote (a layout change) instead of merging into existing definitions')
    .option('--json', 'print the result as JSON')
    .action(
      action(async (options: PullCliOptions) => {
        const { pullCommand } = await import('../../commands/pull.js');
        const layout = options.layout ?? 'group';
        if (!layouts.includes(layout as Layout)) {
          throw new PgformError('USAGE', `unknown layout "${layout}"`, { field: '--layout' }, `use one of: ${layouts.join(', ')}`);
        }
        const result = await pullCommand(await resolveConfig(options), {
          layout: layout as Layout,
          ...(options.out ? { out: options.out } : {}),
          ...(options.from ? { from: options.from } : {}),
          ...(options.rewrite ? { rewrite: true } : {}),
        });
        if (options.json) {
          out(JSON.stringify(result, null, 2));
          return 0;
        }
        for (const file of result.files) {
          const mark = file.status === 'written' ? paint.green('wrote') : file.status === 'removed' ? paint.red('removed') : paint.dim('fresh');
          out(`${mark} ${file.path}`);
        }
        for (const warning of result.warnings) err(`${paint.yellow('warning')} ${warning.object}: ${warning.message}`);
        const count = result.files.filter((f) => f.status !== 'removed').length;
        out(`pulled ${result.database} into ${result.folder}/ (${count} ${count === 1 ? 'file' : 'files'})`);
        return 0;
      }),
    );
}
