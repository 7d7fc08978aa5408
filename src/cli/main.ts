import { Command, CommanderError } from 'commander';
import { resolveConfig, type CommonOptions } from '../config/load.js';
import { bootstrapCommand } from '../commands/bootstrap.js';
import { inspectCommand } from '../commands/inspect.js';
import { sqlCommand } from '../commands/sql.js';
import { PgformError } from '../errors.js';
import { err, out, rememberSecret, reportError } from './output.js';
import { describeCounts } from './summary.js';

type Options = CommonOptions & { json?: boolean; bootstrap?: boolean };

function common(command: Command): Command {
  return command
    .option('--config <file>', 'config file (default pgform.config.ts)')
    .option('--definitions <path>', 'definitions file or folder')
    .option('--migrations <folder>', 'migrations folder')
    .option('--url <url>', 'database URL (default DATABASE_URL, else the embedded database)')
    .option('--system <name>', 'one of the systems named in the config')
    .option('--out <folder>', 'output folder');
}

/** Runs a command's action and turns its outcome into an exit code. */
function action(run: (options: Options) => Promise<number>) {
  return async (options: Options) => {
    rememberSecret(options.url);
    try {
      process.exitCode = await run(options);
    } catch (error) {
      process.exitCode = reportError(error);
    }
  };
}

export function buildProgram(): Command {
  const program = new Command('pgform')
    .description('Schema-as-code for PostgreSQL and Supabase')
    .exitOverride()
    .configureOutput({ writeErr: (text) => err(text.trimEnd()), writeOut: (text) => out(text.trimEnd()) });

  common(program.command('sql'))
    .description('print the create-from-scratch SQL of the definitions')
    .option('--bootstrap', "first print idempotent SQL creating the preset's external objects")
    .action(
      action(async (options) => {
        const result = await sqlCommand(await resolveConfig(options), { bootstrap: options.bootstrap ?? false });
        process.stdout.write(result.script);
        return 0;
      }),
    );

  common(program.command('bootstrap'))
    .description("create the preset's external objects (Supabase roles, auth schema and functions) in a database")
    .action(
      action(async (options) => {
        const result = await bootstrapCommand(await resolveConfig(options));
        out(`bootstrapped ${result.preset} preset in ${result.database}`);
        return 0;
      }),
    );

  common(program.command('inspect'))
    .description('read a database into the model')
    .option('--json', 'print the model as JSON')
    .action(
      action(async (options) => {
        const result = await inspectCommand(await resolveConfig(options));
        if (options.json) out(JSON.stringify(result.schema, null, 2));
        else out(`${result.database}: ${describeCounts(result.schema)}`);
        return 0;
      }),
    );

  return program;
}

/** The CLI entry: parses argv, runs one command, sets the exit code (0 ok, 1 drift, 2 error). */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    process.exitCode = reportError(error instanceof Error ? error : new PgformError('USAGE', String(error)));
  }
}
