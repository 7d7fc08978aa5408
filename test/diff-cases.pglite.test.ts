import { afterAll, describe, it } from 'vitest';
import { drainPool } from './support/database-pool.js';
import { pgliteEngine } from './support/engines.js';
import { diffCases, runDiffCase } from './support/diff-cases.js';

/** The diff cases of test/cases/diff on PGlite (see test/support/diff-cases.ts); one file per engine, so both run at once. */
describe('diff cases on pglite', () => {
  afterAll(() => drainPool(pgliteEngine));
  it.skipIf(Boolean(pgliteEngine.unavailable)).each(diffCases)('%s', (name) => runDiffCase(pgliteEngine, name));
});
