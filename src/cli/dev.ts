import { join, relative } from 'node:path';
import { DevSession, type CycleResult, type DevOptions } from '../commands/dev.js';
import type { ResolvedConfig } from '../config/load.js';
import { watchDefinitions, type Saved } from '../load/watch.js';
import { describeHolder } from '../migrate/lock.js';
import { printRefused } from './commands/generate.js';
import { err, out, paint, reportError } from './output.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Prints a cycle up to the types; true when it ended well (applied, or nothing to apply). */
function printCycle(result: CycleResult, database: string, since: number, what: string): boolean {
  if (result.status === 'failed') {
    reportError(result.error);
    err('nothing applied: fix the definitions and save again');
    return false;
  }
  if (result.status === 'superseded') {
    out('the definitions changed again while planning: nothing applied, planning again');
    return true;
  }
  if (result.status === 'refused') {
    for (const line of result.summary) out(`  ${line}`);
    for (const hazard of result.hazards) out(`  ${paint.yellow('hazard')} ${hazard}`);
    printRefused(result.refused, 'nothing applied, still watching');
    return false;
  }
  if (result.statements === 0) out(`${database}: already matches the definitions`);
  else {
    for (const line of result.summary) out(`  ${line}`);
    for (const hazard of result.hazards) out(`  ${paint.yellow('hazard')} ${hazard}`);
    out(`${database}: ${paint.green('applied')} ${plural(result.statements, 'statement')}`);
  }
  const written = result.types.filter((file) => file.status === 'written');
  out(written.length ? written.map((file) => `${paint.green('wrote')} ${file.path}`).join('\n') : `types unchanged (${result.types.map((file) => file.path).join(', ')})`);
  const { load, print, plan, apply, types } = result.times;
  out(`types fresh ${Math.round(result.typesAt - since)} ms after ${what} (load ${load}, print ${print}, plan ${plan}, apply ${apply}, types ${types})`);
  return true;
}

/** Runs one cycle and what follows it; returns whether it ended well. */
async function runCycle(session: DevSession, since: number, what: string): Promise<boolean> {
  const result = await session.cycle();
  const ok = printCycle(result, session.database, since, what);
  if (result.status !== 'done') return ok;
  try {
    const after = await session.afterCycle();
    for (const file of after.files) if (file.status === 'written') out(`${paint.green('wrote')} ${file.path}`);
    if (after.remaining) err(`${paint.yellow('warning')}: ${session.database} still differs from the definitions in ${plural(after.remaining, 'change')} after applying; the next cycle plans them again`);
    return true;
  } catch (error) {
    reportError(error);
    return false;
  }
}

/**
 * `pgform dev`: a cycle at start, then one per save of the definitions. Cycles never overlap: a
 * save during a cycle schedules exactly one more. SIGINT or SIGTERM lets the running cycle finish
 * (its transaction commits or rolls back, its files are renamed into place), then closes the
 * database and exits 0; a second signal exits at once.
 */
export async function runDev(config: ResolvedConfig, options: DevOptions & { once?: boolean }): Promise<number> {
  const session = new DevSession(config, { ...options, onWait: (holder) => err(`waiting for another pgform run to finish${holder ? `: ${describeHolder(holder)}` : ''}`) });
  await session.open();
  try {
    const definitions = relative(process.cwd(), config.definitions) || config.definitions;
    if (options.once) return (await runCycle(session, performance.now(), 'start')) ? 0 : 2;
    out(`pgform dev: ${definitions} -> ${session.database}; never writes a migration (pgform generate does); Ctrl-C stops`);
    return await watch(session, config);
  } finally {
    await session.close();
  }
}

function watch(session: DevSession, config: ResolvedConfig): Promise<number> {
  return new Promise((resolve) => {
    let cycles = 0;
    let running: Promise<void> | undefined;
    let pending: Saved | undefined;
    let stopping = false;
    const loop = async (first: Saved | undefined) => {
      let next: Saved | undefined = first;
      do {
        const saved = next;
        pending = undefined;
        cycles++;
        out(paint.bold(`-- cycle ${cycles}${saved ? `: ${saved.files.join(', ')}` : ''}`));
        await runCycle(session, saved?.at ?? performance.now(), saved ? 'the save' : 'start');
        next = pending;
        if (!next && !stopping) out(paint.dim('waiting for changes'));
      } while (next && !stopping);
      running = undefined;
    };
    const request = (saved: Saved) => {
      session.saved(saved.files);
      if (stopping) return;
      if (!running) {
        running = loop(saved);
        return;
      }
      pending = pending ? { files: [...new Set([...pending.files, ...saved.files])].sort(), at: saved.at } : saved;
    };
    const unwatch = watchDefinitions(config.definitions, request, { ignore: [config.out, join(config.root, '.pgform')] });
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        err(`${signal} again: exiting without finishing the current cycle`);
        process.exit(130);
      }
      stopping = true;
      unwatch();
      err(running ? `${signal}: finishing the current cycle, then closing the database` : `${signal}: closing the database`);
      void (running ?? Promise.resolve()).then(() => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve(0);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    running = loop(undefined);
  });
}
