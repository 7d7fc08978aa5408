import { Command, CommanderError } from 'commander';
import { registerBootstrap } from './commands/bootstrap.js';
import { registerDev } from './commands/dev.js';
import { registerDiff } from './commands/diff.js';
import { registerGen } from './commands/gen.js';
import { registerGenerate } from './commands/generate.js';
import { registerInit } from './commands/init.js';
import { registerInspect } from './commands/inspect.js';
import { registerLint } from './commands/lint.js';
import { registerMigrate } from './commands/migrate.js';
import { registerPush } from './commands/push.js';
import { registerPull } from './commands/pull.js';
import { registerSql } from './commands/sql.js';
import { registerStatus } from './commands/status.js';
import { err, out, reportError } from './output.js';
import { version } from './version.js';
import { letCommandSizeEngine } from '../engine/wasm-tiering.js';
import { holdHeapGrowth } from '../engine/heap-growth.js';

/** Every command registers itself from its own file under cli/commands/. */
const registrations = [registerInit, registerSql, registerBootstrap, registerInspect, registerGen, registerDiff, registerGenerate, registerMigrate, registerStatus, registerPush, registerDev, registerPull, registerLint];

export function buildProgram(): Command {
  const program = new Command('pgform')
    .description('Schema-as-code for PostgreSQL and Supabase')
    .version(version(), '-V, --version', "print pgform's version")
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeErr: (text) => err(text.trimEnd()), writeOut: (text) => out(text.trimEnd()) });
  for (const register of registrations) register(program);
  return program;
}

/** The CLI entry: parses argv, runs one command, sets the exit code (0 ok, 1 drift or stale, 2 error). */
export async function main(argv: string[]): Promise<void> {
  letCommandSizeEngine();
  holdHeapGrowth();
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    process.exitCode = reportError(error);
  }
}
