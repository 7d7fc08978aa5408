import type { PrintTarget } from '../canonical/index.js';
import type { ResolvedConfig } from '../config/load.js';
import type { ScratchConnection } from '../engine/pglite.js';
import type { ReplayProgress } from '../migrate/replay.js';
import type { Schema } from '../model/schema.js';
import { splitByLockBudget } from '../plan/lock-budget.js';
import type { Plan } from '../plan/index.js';
import { openScratch, openScratchInWorker } from './database.js';
import { relationCount } from './relation-count.js';
import { migrationsState, replaysEveryFile, type ListedMigrations, type MigrationsState } from './shadow.js';
import { definitionsState, scratchPrinter } from './states.js';

/**
 * Up to how many tables and views a fresh clone's two jobs run side by side: each engine holds
 * its own memory, which a large schema cannot afford twice.
 */
const sideBySideUpTo = 250;

/**
 * The two states `generate` compares: the definitions' canonical form and the state the migration
 * files build. When neither is known yet (a fresh clone: no print cached, nothing stored or kept
 * for any of the files), the two jobs are the whole cost of the command. A small schema's run
 * side by side: the files are replayed in a shadow database on a thread of its own while the
 * definitions are printed here, on two cores at once (the print waits for no replay). A large
 * one's share one shadow database. The definitions are printed in it
 * inside a transaction that is rolled back, which leaves it holding exactly what a new one holds,
 * then every file is replayed into it. That is one engine started instead of two (three when the
 * printer renews itself before reading), and one copy of the template.
 *
 * A plan that must commit in parts (more relations than one lock budget, or a step that cannot
 * run in a transaction) is printed in a database of its own, as every print is otherwise.
 */
export async function comparedStates(
  config: ResolvedConfig,
  declared: Schema,
  listed: ListedMigrations,
  onProgress?: ReplayProgress,
  sideBySide = relationCount(declared) <= sideBySideUpTo,
): Promise<{ definitions: Schema; shadow: MigrationsState }> {
  if (!replaysEveryFile(config, listed)) {
    // One engine at a time in memory, and a cached print opens none.
    const definitions = await definitionsState(config, declared);
    return { definitions, shadow: await migrationsState(config, onProgress, listed) };
  }
  return sideBySide ? replayedBesidePrint(config, declared, listed, onProgress) : printedInShadow(config, declared, listed, onProgress);
}

async function replayedBesidePrint(config: ResolvedConfig, declared: Schema, listed: ListedMigrations, onProgress?: ReplayProgress): Promise<{ definitions: Schema; shadow: MigrationsState }> {
  const replayed = migrationsState(config, onProgress, listed, await openScratchInWorker(config));
  // Handled now, so a replay that fails while the print runs is reported once, below.
  replayed.catch(() => undefined);
  let definitions: Schema;
  try {
    definitions = await definitionsState(config, declared);
  } catch (error) {
    await replayed.catch(() => undefined);
    throw error;
  }
  return { definitions, shadow: await replayed };
}

async function printedInShadow(config: ResolvedConfig, declared: Schema, listed: ListedMigrations, onProgress?: ReplayProgress): Promise<{ definitions: Schema; shadow: MigrationsState }> {
  let shadow: ScratchConnection | undefined;
  const inShadow: PrintTarget = (plan) =>
    printsInOneTransaction(plan) ? { withConnection: async (work) => work((shadow ??= await openScratch(config))), disposable: false } : scratchPrinter(config)(plan);
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
