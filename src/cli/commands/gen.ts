import type { Command } from 'commander';
import type { Generator } from '../../commands/gen.js';
import { resolveConfig, type ResolvedConfig } from '../../config/load.js';
import { PgformError } from '../../errors.js';
import { out, paint } from '../output.js';
import { action, common, type CliOptions } from '../program.js';

type GenOptions = CliOptions & { check?: boolean; all?: boolean; target?: string };

type Choice = 'all' | 'types' | 'zod' | 'docs';

/** The generators a subcommand runs: `gen` what the config asks for, `gen types` the configured or `--target` clients. */
async function choose(choice: Choice, config: ResolvedConfig, target: string | undefined): Promise<Generator[]> {
  const { allGenerators, typeGenerators } = await import('../../commands/gen.js');
  if (choice === 'all') return allGenerators(config);
  if (choice === 'zod' || choice === 'docs') return [choice];
  if (target === undefined) return typeGenerators(config);
  if (target === 'kysely') return ['types'];
  if (target === 'supabase') return ['supabase'];
  throw new PgformError('USAGE', `unknown types target "${target}"`, { field: '--target' }, 'targets: kysely, supabase');
}

/** Runs the generators for the chosen system, or for every configured system with --all. */
async function run(choice: Choice, options: GenOptions): Promise<number> {
  const { genCommand } = await import('../../commands/gen.js');
  const base = await resolveConfig(options);
  const generators = await choose(choice, base, options.target);
  const systems = options.all && !options.system ? Object.keys(base.systems) : [options.system];
  let stale = 0;
  for (const system of systems) {
    const config = system === base.system || system === undefined ? base : await resolveConfig({ ...options, system });
    const files = await genCommand(config, { generators, check: options.check ?? false, fromDatabase: Boolean(options.url) });
    for (const file of files) {
      if (file.status === 'stale') stale++;
      const mark = file.status === 'stale' ? paint.red('stale') : file.status === 'written' ? paint.green('wrote') : paint.dim('fresh');
      out(`${mark} ${file.path}`);
    }
  }
  return stale > 0 ? 1 : 0;
}

export function registerGen(program: Command): void {
  // Options written after `gen types` belong to `types`, not to `gen`.
  const gen = common(program.command('gen').enablePositionalOptions())
    .description('generate types, Zod validators (when configured) and Markdown docs into the output folder')
    .option('--check', 'write nothing; exit 1 when a generated file is stale')
    .option('--all', 'every system named in the config')
    .action(action((options: GenOptions) => run('all', options)));
  common(gen.command('types'))
    .description('types from the definitions, or from a database with --url: Kysely (db.ts) and/or supabase-js (database.types.ts), as configured')
    .option('--target <client>', 'kysely or supabase, instead of the config\'s gen.types')
    .option('--check', 'write nothing; exit 1 when stale')
    .option('--all', 'every system named in the config')
    .action(action((options: GenOptions) => run('types', options)));
  common(gen.command('zod'))
    .description('Zod validators of every table\'s rows, inserts and updates (zod.ts), CHECK constraints included')
    .option('--check', 'write nothing; exit 1 when stale')
    .option('--all', 'every system named in the config')
    .action(action((options: GenOptions) => run('zod', options)));
  common(gen.command('docs'))
    .description('Markdown schema docs with Mermaid ER diagrams (SCHEMA.md)')
    .option('--check', 'write nothing; exit 1 when stale')
    .option('--all', 'every system named in the config')
    .action(action((options: GenOptions) => run('docs', options)));
}
