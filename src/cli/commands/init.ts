import type { Command } from 'commander';
import { out, paint } from '../output.js';
import { action, type CliOptions } from '../program.js';

type InitCliOptions = CliOptions & { supabase?: boolean; json?: boolean };

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('start a project here: pgform.config.ts, schemas/, .gitignore, a GitHub Actions drift job')
    .option('--supabase', 'wire in the Supabase project here (supabase/config.toml, supabase/migrations)')
    .option('--json', 'print the result as JSON')
    .action(
      action(async (options: InitCliOptions) => {
        const { initCommand } = await import('../../commands/init.js');
        const result = initCommand(process.cwd(), { supabase: options.supabase ?? false });
        if (options.json) {
          out(JSON.stringify(result, null, 2));
          return 0;
        }
        for (const file of result.files) out(`${file.status === 'kept' ? paint.dim('kept') : paint.green(file.status === 'updated' ? 'updated' : 'wrote')} ${file.path}`);
        if (options.supabase) {
          out(`next: pgform pull --url ${result.localPort ? `postgresql://postgres:<password>@127.0.0.1:${result.localPort}/postgres` : '<database URL>'}   (the password is in \`supabase status\`; pull reads the database into schemas/)`);
        } else {
          out('next: pgform generate --name init   (writes the first migration from schemas/)');
        }
        return 0;
      }),
    );
}
