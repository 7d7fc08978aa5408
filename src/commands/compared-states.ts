import type { PrintTarget } from '../canonical/index.js';
import type { ResolvedConfig } from '../config/load.js';
import type { ScratchConnection } from '../engine/pglite.js';
import type { ReplayProgress } from '../migrate/replay.js';
import type { Schema } from '../model/schema.js';
import { splitByLockBudget } from '../plan/lock-budget.js';
import type { Plan } from '../plan/index.js';
import { openScratch } from './database.js';
import { wholeSchemaWork } from '../engine/wasm-tiering.js';
import { migrationsState, replaysEveryFile, type ListedMigrations, type MigrationsState } from './shadow.js';
import { cacheDir, definitionsState, scratchPrinter } from './states.js';

/**
 * The two states `generate` compares: the definitions' canonical form and the state the migration
 * files build. When neither is known yet (a fresh clone: no print cached, nothing stored or kept
 * for any of the files), one shadow database does both jobs. The definitions are printed in it
 * inside a transaction that is rolled back, which leaves it holding exactly what a new one holds,
 * then every file is replayed into it. That is one engine started instead of two (three when the
 * printer renews itself before reading), and one copy of the template.
 *
 * A plan that must commit in parts (more relations than one lock budget, or a step that cannot
 * run in a transaction) is printed in a database of its own, as every print is otherwise.
 */
export async function comparedStates(config: ResolvedConfig, declared: Schema, listed: ListedMigrations, onProgress?: ReplayProgress): Promise<{ definitions: Schema; shadow: MigrationsState }> {
  if (!replaysEveryFile(config, listed)) {
    // One engine at a time in memory, and a cached print opens none.
    const definitions = await definitionsState(config, declared);
    return { definitions, shadow: await migrationsState(config, onProgress, listed) };
  }
  // Every file is replayed in the shadow, whatever the print needs.
  wholeSchemaWork();
  let shadow: ScratchConnection | undefined;
  const inShadow: PrintTarget = (plan) =>
    printsInOneTransaction(plan) ? { withConnection: async (work) => work((shadow ??= await openScratch(config, undefined, cacheDir(config, 'shadow-data')))), disposable: false } : scratchPrinter(config)(plan);
  let definitions: Schema;
  try {
    definitions = await definitionsState(config, declared, inShadow);
  } catch (error) {
    await shadow?.close();
    throw error;
  }
  return { definitions, shadow: await migrationsState(config, onProgress, listed, shadow) };
}

/** Whether a plan can be printed in one transaction rolled back: what a printing database of its own would commit at once. */
function printsInOneTransaction(plan: Plan): boolean {
  return plan.steps.every((step) => step.transactional) && splitByLockBudget(plan.steps).length <= 1;
}
