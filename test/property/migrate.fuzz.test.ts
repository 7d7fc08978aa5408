import { describe, expect, it } from 'vitest';
import { engines } from '../support/engines.js';
import { checkMigrations, seedOf } from './property.js';
import { describeClass, surveyMigrations } from './survey.js';

/**
 * The migration property at length, under `npm run test:fuzz` (PGFORM_FUZZ=1): a random seed
 * (printed; PGFORM_SEED replays it), PGFORM_FUZZ_RUNS pairs per engine (500 by default) and a
 * generous reduction budget. PGFORM_EXCLUSIONS=off also draws the shapes exclusions.ts holds
 * back. PGFORM_SURVEY=1 does not stop at the first failure: it groups every failure of the run
 * by kind and reduces one pair of each.
 */
const fuzz = process.env.PGFORM_FUZZ === '1';
const survey = process.env.PGFORM_SURVEY === '1';
const runs = Number(process.env.PGFORM_FUZZ_RUNS ?? 500);

describe.skipIf(!fuzz).each(engines)('migration property at length on $name', (engine) => {
  it.skipIf(Boolean(engine.unavailable))(`the plan from a to b leaves b (${runs} pairs${survey ? ', survey' : ''})`, async () => {
    const seed = seedOf(Math.floor(Math.random() * 2 ** 31));
    console.log(`migration fuzz on ${engine.name}: PGFORM_SEED=${seed}, ${runs} pairs`);
    if (survey) {
      const { classes } = await surveyMigrations(engine, { numRuns: runs, seed, reduceRuns: 300, reduceMs: 120_000 });
      for (const c of classes) console.log(`\n##### ${describeClass(c)}`);
      expect(classes.map((c) => `${c.count} x ${c.signature}`)).toEqual([]);
      return;
    }
    const result = await checkMigrations(engine, { numRuns: runs, seed, shrinkRuns: 400, shrinkMs: 300_000 });
    console.log(`mutations applied on ${engine.name}: ${JSON.stringify(Object.entries(result.applied).sort(([, x], [, y]) => y - x))}`);
    expect(result.runs).toBe(runs);
  }, 3_600_000);
});
