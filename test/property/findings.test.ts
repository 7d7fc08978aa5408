import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/engines.js';
import { openReusedDatabase, type ReusedDatabase } from '../support/database-pool.js';
import { exclusions } from './exclusions.js';
import { findings } from './findings.js';
import { runPair } from './run-pair.js';

/**
 * The known failures of FINDINGS.md, pinned: each minimal pair must still fail. When a fix makes
 * one pass, its test turns red: remove it from findings.ts, lift its exclusion in exclusions.ts,
 * and mark it fixed in FINDINGS.md, so the property draws that shape again.
 */
describe.each(engines)('known migration findings on $name', (engine) => {
  let db: ReusedDatabase;
  beforeAll(async () => {
    if (!engine.unavailable) db = await openReusedDatabase(engine);
  });
  afterAll(async () => db?.dispose());

  it.skipIf(Boolean(engine.unavailable)).each(findings)('$id $title', async (finding) => {
    const saved = { ...exclusions };
    for (const name of finding.needs ?? []) exclusions[name] = false;
    try {
      const outcome = await runPair(db, finding.a, finding.b);
      expect(outcome.stage, `${finding.id} passes now: unpin it (findings.ts), lift its exclusion (exclusions.ts), update FINDINGS.md`).toBeDefined();
    } finally {
      Object.assign(exclusions, saved);
    }
  });
});
