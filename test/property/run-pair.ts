import { applyPlan, applyPlanInOrder } from '../../src/canonical/apply.js';
import { canonicalize } from '../../src/canonical/index.js';
import { inTransaction, type Connection } from '../../src/engine/connection.js';
import { diffSchemas } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import type { Change } from '../../src/model/change.js';
import { listDifferences, type Difference } from '../../src/model/compare.js';
import type { Schema } from '../../src/model/schema.js';
import { createPlan } from '../../src/canonical/from-scratch.js';
import { planChanges, planScript } from '../../src/plan/index.js';
import { databasePart, externalNamespaces } from '../support/round-trip.js';
import { specSchema } from './build.js';
import type { ReusedDatabase } from '../support/database-pool.js';
import type { Spec } from './spec.js';

/** Where a pair failed: building a model, printing it, applying a, the migration, or the result. */
export type Stage = 'build' | 'canonical' | 'apply a' | 'round trip a' | 'apply plan' | 'result' | 'apply plan back' | 'result back';

/** A PairOutcome is what one (a, b) case found; `stage` is absent when everything matched. */
export interface PairOutcome {
  stage?: Stage;
  error?: string;
  /** canonical(b) against the database after the migration (or canonical(a) after applying a). */
  differences?: Difference[];
  /** Changes a second diff (database -> canonical(b)) still finds. */
  remaining?: Change[];
  sqlA?: string;
  /** Only when b itself does not apply from scratch. */
  sqlB?: string;
  sqlPlan?: string;
}

const message = (error: unknown) => (error instanceof Error ? `${error.message}${'statement' in error && error.statement ? `\n  in: ${String(error.statement)}` : ''}` : String(error));

/**
 * The migration property for one pair on one database (emptied first): a is applied from scratch;
 * then the plan of diffSchemas(canonical(a), canonical(b)); the database read back must equal
 * canonical(b), and diffing it against canonical(b) must find nothing. Then the same back, from
 * b to a.
 */
export async function runPair(db: ReusedDatabase, a: Spec, b: Spec): Promise<PairOutcome> {
  const { conn } = db;
  let schemaA: Schema;
  let schemaB: Schema;
  try {
    schemaA = specSchema(a);
    schemaB = specSchema(b);
  } catch (error) {
    return { stage: 'build', error: message(error) };
  }
  const sqlA = planScript(createPlan(schemaA));
  await db.clean();
  let canonA: Schema;
  let canonB: Schema;
  try {
    canonA = await canonicalize(schemaA, conn, { externalNamespaces });
  } catch (error) {
    return { stage: 'canonical', error: `canonical(a): ${message(error)}`, sqlA };
  }
  try {
    canonB = await canonicalize(schemaB, conn, { externalNamespaces });
  } catch (error) {
    return { stage: 'canonical', error: `canonical(b): ${message(error)}`, sqlA, sqlB: planScript(createPlan(schemaB)) };
  }
  const namespaces = [...new Set([...Object.values(schemaA.namespaces), ...Object.values(schemaB.namespaces)].filter((n) => !n.external).map((n) => n.name))];
  const read = () => introspect(conn, { namespaces, externalNamespaces });
  try {
    await inTransaction(conn, () => applyPlan(conn, createPlan(schemaA)));
  } catch (error) {
    return { stage: 'apply a', error: message(error), sqlA };
  }
  const liveA = await read();
  const roundTrip = listDifferences(databasePart(canonA), databasePart(liveA));
  if (roundTrip.length) return { stage: 'round trip a', differences: roundTrip, sqlA };

  const forward = await migrate(conn, canonA, canonB, read);
  if (forward.stage) return { ...forward, sqlA };
  // And back: the plan from b to a, on the database that now holds b.
  const backward = await migrate(conn, canonB, canonA, read);
  if (backward.stage) return { ...backward, stage: backward.stage === 'apply plan' ? 'apply plan back' : 'result back', sqlA, sqlPlan: `${forward.sqlPlan}\n-- plan b -> a\n${backward.sqlPlan}` };
  return { sqlA, sqlPlan: forward.sqlPlan };
}

/** Plans from -> to, applies it, and compares the database with `to`. */
async function migrate(conn: Connection, from: Schema, to: Schema, read: () => Promise<Schema>): Promise<PairOutcome & { sqlPlan: string }> {
  const plan = planChanges(diffSchemas(from, to), { from, to });
  const sqlPlan = planScript(plan);
  try {
    await applyPlanInOrder(conn, plan);
  } catch (error) {
    return { stage: 'apply plan', error: message(error), sqlPlan };
  }
  const live = databasePart(await read());
  const expected = databasePart(to);
  const differences = listDifferences(expected, live);
  const remaining = diffSchemas(live, expected);
  if (differences.length || remaining.length) return { stage: 'result', differences, remaining, sqlPlan };
  return { sqlPlan };
}

