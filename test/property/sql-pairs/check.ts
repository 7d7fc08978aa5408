import fc from 'fast-check';
import type { TestEngine } from '../../support/engines.js';
import { withPooledDatabase } from '../../support/database-pool.js';
import { migrateAndCheck, readState } from '../../support/diff-case.js';
import { mutate, ops, renderSql, sqlSpec, type Op, type SqlSpec } from './spec.js';

/**
 * The SQL-pair property on one engine: for random (a, b) written as SQL, the plan `diff --sql`
 * makes from a database holding a leaves what a database built from b holds, by the catalog
 * fingerprint, with nothing left to diff. A failure is thrown with the seed and both scripts
 * (fast-check shrinks the pair first).
 */
export async function checkSqlPairs(engine: TestEngine, options: { numRuns: number; seed: number }): Promise<number> {
  let runs = 0;
  const property = fc.asyncProperty(sqlSpec, ops, async (a: SqlSpec, edits: Op[]) => {
    runs++;
    const b = mutate(a, edits);
    const [sqlA, sqlB] = [renderSql(a), renderSql(b)];
    try {
      await withPooledDatabase(engine, async (first) => {
        await withPooledDatabase(engine, async (second) => {
          await first.conn.exec(sqlA);
          await second.conn.exec(sqlB);
          await migrateAndCheck(first.conn, await readState(first.conn), await readState(second.conn), {});
        });
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`${reason}\n-- a\n${sqlA}\n-- b\n${sqlB}`);
    }
  });
  const details = await fc.check(property, { seed: options.seed, numRuns: options.numRuns, endOnFailure: false, interruptAfterTimeLimit: 3_000_000 });
  if (details.failed) {
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(`SQL-pair property failed on ${engine.name}: replay with PGFORM_SEED=${details.seed}\n${error}`);
  }
  return runs;
}
