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

let decided = false;

/**
 * Chooses how V8 compiles the embedded engine from the size of the schema this process will
 * build in it. It takes effect only before the engine's module is first compiled, so the first
 * call decides; a process that never calls it keeps V8's default.
 */
export function sizeEngineFor(relations: number): void {
  if (decided) return;
  decided = true;
  if (relations <= baselineOnlyUpTo) setFlagsFromString('--liftoff-only');
}
