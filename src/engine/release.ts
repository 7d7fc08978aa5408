import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/**
 * Below this resident size the process is small (a schema of tens of tables, a test): a forced
 * collection or a renewed engine would cost more time than the memory it gives back is worth.
 */
const largeFootprintBytes = 256 * 1024 * 1024;

/** Whether the process holds enough memory for releasing an engine's to matter. */
export function largeFootprint(): boolean {
  return process.memoryUsage.rss() >= largeFootprintBytes;
}

/**
 * Runs a full garbage collection now. An embedded engine's WebAssembly memory (hundreds of MB on
 * a large schema, never shrunk while the instance lives) is returned to the system only when the
 * collector finds the closed instance unreachable, which V8 does not hurry to do: the next engine
 * (a shadow after a canonical form) or the emitters would otherwise run with both in memory.
 * `gc` is exposed for this one call; the flag only adds the global to new contexts.
 */
export function collectGarbage(): void {
  if (!largeFootprint()) return;
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
  if (!largeFootprint()) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  collectGarbage();
  collectGarbage();
}
