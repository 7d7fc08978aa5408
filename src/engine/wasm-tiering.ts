import { setFlagsFromString } from 'node:v8';

/**
 * How many relations a schema may hold for the embedded engine to run on baseline code only.
 *
 * V8 runs WebAssembly first as quickly compiled baseline code, and compiles the functions that
 * prove hot a second time, optimised, on other threads. For the embedded engine that second
 * compile costs about 1.5 s of CPU in each process, which a small schema's work never earns back:
 * replaying the 135-table example system's migrations took 2.2 s of CPU on baseline code against
 * 3.8 s with optimisation, and the process held about 65 MB less. A large schema earns it back
 * (2,000 tables: 46 s on baseline code against 36 s); 500 tables were even.
 */
const baselineOnlyUpTo = 250;

/**
 * `closed` until a process that runs one command opts in (the CLI): a process that goes on to
 * run other work (a test runner, an editor integration) keeps V8's default, which pays off over a
 * long life. `open` lets the first sizeEngineFor decide; then `decided`.
 */
let sizing: 'closed' | 'open' | 'decided' = 'closed';

/** Called by the CLI, whose process runs one command: its size may choose how V8 compiles the engine. */
export function letCommandSizeEngine(): void {
  if (sizing === 'closed') sizing = 'open';
}

/**
 * Chooses how V8 compiles the embedded engine from the size of the schema this process will
 * build in it. It takes effect only before the engine's module is first compiled, so the first
 * call decides, and only in a process that opted in (letCommandSizeEngine).
 */
export function sizeEngineFor(relations: number): void {
  if (sizing !== 'open') return;
  sizing = 'decided';
  if (relations <= baselineOnlyUpTo) setFlagsFromString('--liftoff-only');
}
