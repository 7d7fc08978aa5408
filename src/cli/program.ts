import type { Command } from 'commander';
import { writeHeld } from '../cache.js';
import type { CommonOptions } from '../config/load.js';
import { rememberSecret, reportError } from './output.js';

/** Options a command action receives: the common ones plus its own flags. */
export type CliOptions = CommonOptions & Record<string, unknown>;

/** Adds the options every command takes (DESIGN.md). */
export function common(command: Command): Command {
  return command
    .option('--config <file>', 'config file (default pgform.config.ts)')
    .option('--definitions <path>', 'definitions file or folder')
    .option('--migrations <folder>', 'migrations folder')
    .option('--url <url>', 'database URL (default DATABASE_URL, else the embedded database)')
    .option('--system <name>', 'one of the systems named in the config')
    .option('--out <folder>', 'output folder');
}

/** The planner's switch to plain forms, on the commands that plan (generate, diff, push). */
export function planForms(command: Command): Command {
  return command.option('--no-online', 'plain DDL on existing tables (no CONCURRENTLY, NOT VALID + VALIDATE): quicker where nobody else writes');
}

/** Wraps a command's work: its returned number is the exit code; any error prints and exits 2. */
export function action<O extends CliOptions>(run: (options: O) => Promise<number>) {
  return async (options: O) => {
    rememberSecret(options.url);
    for (const key of ['from', 'to'] as const) if (typeof options[key] === 'string') rememberSecret(options[key] as string);
    try {
      process.exitCode = await run(options);
    } catch (error) {
      process.exitCode = reportError(error);
    }
    // What the run held back for the cache is stored unless it failed (1 is drift or findings, not failure).
    writeHeld(process.exitCode !== 2);
  };
}
