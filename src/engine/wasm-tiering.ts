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
 * long life. `open` until the first engine starts, which decides by the size planned; then
 * `decided`.
 */
let sizing: 'closed' | 'open' | 'decided' = 'closed';

/** The relations of the schema this process will build, as first planned (see sizeEngineFor). */
let sized: number | undefined;
/** Whether the engine's work was said to be a small part of that schema (lightEngineWork) or all of it (wholeSchemaWork). */
let light = false;
let whole = false;

/** Called by the CLI, whose process runs one command: its size may choose how V8 compiles the engine. */
export function letCommandSizeEngine(): void {
  if (sizing === 'closed') sizing = 'open';
}

/**
 * Plans how V8 compiles the embedded engine from the size of the schema this process will build
 * in it: the first plan holds, and is taken when the first engine starts (the module is compiled
 * once per process), only in a process that opted in (letCommandSizeEngine).
 */
export function sizeEngineFor(relations: number): void {
  if (sizing === 'open') sized ??= relations;
}

/**
 * Says that the engine's work is a small part of a large schema's: a few columns printed alone, a
 * few files replayed on a kept state or an edit on a kept printing database, and read back. Unless the whole schema is to be built too
 * (wholeSchemaWork), the first engine then runs on baseline code, which serves such work as fast
 * with the optimising compile's memory spared: at 2,000 tables a file replayed on a kept state
 * took 8.9-10.3 s and 527 MB on baseline code against 9.4-10.0 s and 622-639 MB optimised, and
 * columns printed alone 355-364 MB against 472 MB.
 */
export function lightEngineWork(): void {
  if (sizing === 'open') light = true;
}

/** Says that the engine will build the whole schema (every definition printed, every file replayed): the planned size decides. */
export function wholeSchemaWork(): void {
  if (sizing === 'open') whole = true;
}

/** Called as an engine starts: the first one fixes how the engine's module is compiled. */
export function engineStarting(): void {
  if (sizing !== 'open') return;
  sizing = 'decided';
  const relations = light && !whole ? 0 : sized;
  // Unplanned (a command that never sized its schema) keeps V8's default.
  if (relations !== undefined && relations <= baselineOnlyUpTo) setFlagsFromString('--liftoff-only');
}
