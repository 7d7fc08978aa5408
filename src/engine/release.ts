import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/**
 * Runs a full garbage collection now. An embedded engine's WebAssembly memory (hundreds of MB on
 * a large schema, never shrunk while the instance lives) is returned to the system only when the
 * collector finds the closed instance unreachable, which V8 does not hurry to do: the next engine
 * (a shadow after a canonical form) or the emitters would otherwise run with both in memory.
 * `gc` is exposed for this one call; the flag only adds the global to new contexts.
 */
export function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}

/**
 * Collects a closed engine. The instance stays reachable until the event loop turns (its close
 * settles in a later task), and the collector frees array memory behind its sweep: one turn,
 * then two collections, and the memory is back in the system.
 */
export async function collectClosedEngine(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  collectGarbage();
  collectGarbage();
}
