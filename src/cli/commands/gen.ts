import type { Command } from 'commander';
import type { Generator } from '../../commands/gen.js';
import { resolveConfig } from '../../config/load.js';
import { out, paint } from '../output.js';
import { action, common, type CliOptions } from '../program.js';

type GenOptions = CliOptions & { check?: boolean; all?: boolean };

/** Runs the generators for the chosen system, or for every configured system with --all. */
async function run(generators: Generator[], options: GenOptions): Promise<number> {
  const { genCommand } = await import('../../commands/gen.js');
  const base = await resolveConfig(options);
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
    .description('generate Kysely types and Markdown docs into the output folder')
    .option('--check', 'write nothing; exit 1 when a generated file is stale')
    .option('--all', 'every system named in the config')
    .action(action((options: GenOptions) => run(['types', 'docs'], options)));
  common(gen.command('types'))
    .description('Kysely types (db.ts) from the definitions, or from a database with --url')
    .option('--check', 'write nothing; exit 1 when stale')
    .option('--all', 'every system named in the config')
    .action(action((options: GenOptions) => run(['types'], options)));
  common(gen.command('docs'))
    .description('Markdown schema docs with Mermaid ER diagrams (SCHEMA.md)')
    .option('--check', 'write nothing; exit 1 when stale')
    .option('--all', 'every system named in the config')
    .action(action((options: GenOptions) => run(['docs'], options)));
}
