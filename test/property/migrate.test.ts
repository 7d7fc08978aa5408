import { describe, expect, it } from 'vitest';
import { engines } from '../support/engines.js';
import { checkMigrations, seedOf } from './property.js';

/**
 * The migration property in every `npm test`: for random pairs (a, b) of systems drawn across
 * the model (see arbitraries.ts and the mutations), the planned migration from a leaves exactly
 * b on each engine. The seed is fixed so CI is deterministic; `npm run test:fuzz` explores with
 * random seeds and many more pairs. A failure prints the seed, a replay command, both specs
 * and the SQL.
 */
const runs = Number(process.env.PGFORM_RUNS ?? 12);

describe.each(engines)('migration property on $name', (engine) => {
  it.skipIf(Boolean(engine.unavailable))(`the plan from a to b leaves b (${runs} pairs)`, async () => {
    const result = await checkMigrations(engine, { numRuns: runs, seed: seedOf(20_240_601), shrinkRuns: 200, shrinkMs: 30_000 });
    expect(result.runs).toBe(runs);
  });
});
