import { afterAll, describe, expect, it } from 'vitest';
import { drainPool } from '../support/database-pool.js';
import { engines } from '../support/engines.js';
import { seedOf } from './property.js';
import { checkSqlPairs } from './sql-pairs/check.js';

/**
 * Random before -> after changes written in SQL over the kinds a model most easily loses
 * (partitions, identity options, constraint flags, indexes on partitioned tables, overloads,
 * SQL-standard bodies), on each engine: the plan reaches the target by the catalog fingerprint.
 * A fixed seed in `npm test`; `npm run test:fuzz` draws many more with a random seed.
 */
const fuzz = process.env.PGFORM_FUZZ === '1';
const runs = Number(process.env.PGFORM_SQL_RUNS ?? (fuzz ? 300 : 12));

describe.each(engines)('SQL-pair property on $name', (engine) => {
  afterAll(() => drainPool(engine));
  it.skipIf(Boolean(engine.unavailable))(`diff --sql reaches b from a (${runs} pairs)`, async () => {
    const seed = seedOf(fuzz ? Math.floor(Math.random() * 2 ** 31) : 20_261_206);
    if (fuzz) console.log(`SQL-pair fuzz on ${engine.name}: PGFORM_SEED=${seed}, ${runs} pairs`);
    expect(await checkSqlPairs(engine, { numRuns: runs, seed })).toBeGreaterThanOrEqual(runs);
  }, 3_600_000);
});
