import fc from 'fast-check';
import type { TestEngine } from '../support/engines.js';
import { openReusedDatabase } from '../support/database-pool.js';
import { mutate, pair } from './mutations.js';
import { reducePair, signatureOf } from './reduce.js';
import { runPair, type PairOutcome } from './run-pair.js';
import type { Spec } from './spec.js';

/** A FailureClass is every failing pair of one signature, with the first reduced to a minimum. */
export interface FailureClass {
  signature: string;
  count: number;
  a: Spec;
  b: Spec;
  outcome: PairOutcome;
}

/**
 * Runs many pairs without stopping at the first failure (fast-check's assert does), groups the
 * failures by signature and reduces one of each: the way to see every kind of bug a run meets.
 */
export async function surveyMigrations(
  engine: TestEngine,
  options: { numRuns: number; seed: number; reduceRuns: number; reduceMs: number },
): Promise<{ runs: number; classes: FailureClass[] }> {
  const db = await openReusedDatabase(engine);
  const classes = new Map<string, FailureClass>();
  try {
    for (const { a, ops } of fc.sample(pair, { numRuns: options.numRuns, seed: options.seed })) {
      const { b } = mutate(a, ops);
      const outcome = await runPair(db, a, b);
      if (!outcome.stage) continue;
      const signature = signatureOf(outcome);
      const known = classes.get(signature);
      if (known) {
        known.count++;
        continue;
      }
      const reduced = await reducePair(a, b, outcome, (x, y) => runPair(db, x, y), { runs: options.reduceRuns, ms: options.reduceMs });
      classes.set(signature, { signature, count: 1, a: reduced.a, b: reduced.b, outcome: reduced.outcome });
    }
  } finally {
    await db.dispose();
  }
  return { runs: options.numRuns, classes: [...classes.values()].sort((x, y) => y.count - x.count) };
}

/** A failure class as text for the test output. */
export function describeClass(c: FailureClass): string {
  const { outcome } = c;
  return [
    `${c.count} x ${c.signature}`,
    `a = ${JSON.stringify(c.a)}`,
    `b = ${JSON.stringify(c.b)}`,
    ...(outcome.error ? [`error: ${outcome.error}`] : []),
    ...(outcome.differences ?? []).slice(0, 10).map((d) => `  ${d.path}: expected ${JSON.stringify(d.expected)}, actual ${JSON.stringify(d.actual)}`),
    '-- SQL of a',
    outcome.sqlA ?? '',
    '-- plan',
    outcome.sqlPlan ?? '',
  ].join('\n');
}
