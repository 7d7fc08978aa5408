import { afterAll, describe, it } from 'vitest';
import { drainPool } from './support/database-pool.js';
import { postgresEngine } from './support/engines.js';
import { diffCases, runDiffCase } from './support/diff-cases.js';

/** The diff cases of test/cases/diff on PostgreSQL (see test/support/diff-cases.ts); one file per engine, so both run at once. */
describe('diff cases on postgres', () => {
  afterAll(() => drainPool(postgresEngine));
  it.skipIf(Boolean(postgresEngine.unavailable)).each(diffCases)('%s', (name) => runDiffCase(postgresEngine, name));
});
