import fc from 'fast-check';
import type { TestEngine } from '../support/engines.js';
import { openReusedDatabase } from '../support/database-pool.js';
import { mutate, pair, type Pair } from './mutations.js';
import { reducePair } from './reduce.js';
import { runPair, type PairOutcome } from './run-pair.js';
import type { Spec } from './spec.js';

/** PropertyOptions size a run: cases, seed, and how much reducing a failure may cost. */
export interface PropertyOptions {
  numRuns: number;
  /** Fixed for the normal run so CI is deterministic; PGFORM_SEED overrides. */
  seed: number;
  /** Reducing stops after this many extra cases or milliseconds, whichever comes first. */
  shrinkRuns: number;
  shrinkMs: number;
}

/** The seed of a run: PGFORM_SEED when set (to replay), else the given one. */
export function seedOf(fallback: number): number {
  return process.env.PGFORM_SEED ? Number(process.env.PGFORM_SEED) : fallback;
}

interface Failure {
  a: Spec;
  b: Spec;
  applied: string[];
  outcome: PairOutcome;
  /** Cases the reduction ran. */
  reducedWith?: number;
}

/**
 * Checks the migration property on one engine: for random pairs (a, b), the plan of
 * diffSchemas(canonical(a), canonical(b)) applied to a database holding a leaves exactly
 * canonical(b). A failure is shrunk within the budget and thrown with the seed, the replay path,
 * both specs, the SQL of a, the plan and what went wrong.
 */
export async function checkMigrations(engine: TestEngine, options: PropertyOptions): Promise<{ runs: number; applied: Record<string, number> }> {
  const db = await openReusedDatabase(engine);
  let failure: Failure | undefined;
  let runs = 0;
  const applied: Record<string, number> = {};
  const property = fc.asyncProperty(pair, async ({ a, ops }: Pair) => {
    const { b, applied: names } = mutate(a, ops);
    runs++;
    for (const name of names) applied[name] = (applied[name] ?? 0) + 1;
    const outcome = await runPair(db, a, b);
    if (outcome.stage) failure = { a, b, applied: names, outcome };
    return !outcome.stage;
  });
  const path = process.env.PGFORM_PATH;
  try {
    // fast-check's shrinking picks ops by position, which a smaller spec re-targets; the
    // reduction below removes objects from a and b together instead, within the budget.
    const details = await fc.check(property, { seed: options.seed, numRuns: options.numRuns, endOnFailure: true, ...(path ? { path } : {}) });
    if (details.failed && failure) {
      const reduced = await reducePair(failure.a, failure.b, failure.outcome, (a, b) => runPair(db, a, b), { runs: options.shrinkRuns, ms: options.shrinkMs });
      throw new Error(report(engine.name, details.seed, details.counterexamplePath, { ...failure, ...reduced, reducedWith: reduced.runs }));
    }
    if (details.failed) throw details.errorInstance ?? new Error(`property failed after ${details.numRuns} runs (${details.numSkips} skipped)`);
  } finally {
    await db.dispose();
  }
  return { runs, applied };
}

/** A failure as text: how to replay it, the pair, its SQL and what differed. */
export function report(engine: string, seed: number, path: string | null, failure: Failure): string {
  const { a, b, applied, outcome } = failure;
  const lines = [
    `migration property failed on ${engine} at stage "${outcome.stage}"`,
    `replay: PGFORM_SEED=${seed}${path ? ` PGFORM_PATH=${path}` : ''} npx vitest run test/property/migrate.test.ts`,
    `mutations applied: ${applied.join(', ') || '(none)'}${failure.reducedWith !== undefined ? `; pair reduced with ${failure.reducedWith} more cases` : ''}`,
    `a = ${JSON.stringify(a)}`,
    `b = ${JSON.stringify(b)}`,
  ];
  if (outcome.error) lines.push('', `error: ${outcome.error}`);
  const difference = (d: { path: string; expected: unknown; actual: unknown }) => `  ${d.path}: expected ${JSON.stringify(d.expected)}, actual ${JSON.stringify(d.actual)}`;
  if (outcome.differences?.length) lines.push('', 'differences (expected = canonical, actual = database):', ...outcome.differences.slice(0, 20).map(difference));
  if (outcome.remaining?.length) lines.push('', 'second diff still finds:', ...outcome.remaining.slice(0, 10).map((c) => `  ${c.kind}: ${JSON.stringify(c).slice(0, 300)}`));
  if (outcome.sqlA) lines.push('', '-- SQL of a (from scratch)', outcome.sqlA);
  if (outcome.sqlB) lines.push('', '-- SQL of b (from scratch)', outcome.sqlB);
  if (outcome.sqlPlan) lines.push('', '-- plan a -> b', outcome.sqlPlan);
  return lines.join('\n');
}
