import type { Connection } from '../engine/connection.js';
import { PgformError } from '../errors.js';
import type { Plan, Step } from '../plan/index.js';
import { planScript } from '../plan/index.js';
import { splitByTransaction, splitPlan } from '../plan/runs.js';
import { inTransaction } from '../engine/connection.js';

interface DriverError {
  message: string;
  position?: string;
  detail?: string;
  hint?: string;
}

/** Source locations of the objects a plan touches, so a failing statement names its definition. */
export type Locate = (step: Step) => { file?: string; line?: number; object?: string } | undefined;

/**
 * Runs a plan's statements on a connection. The whole script goes in one round trip; when it
 * fails, the statements run again one by one (inside the caller's transaction, after a
 * savepoint rollback) to name the statement and the object that failed.
 */
export async function applyPlan(conn: Connection, plan: Plan, locate: Locate = () => undefined): Promise<void> {
  if (plan.steps.length === 0) return;
  await conn.exec('SAVEPOINT pgform_apply');
  try {
    await conn.exec(planScript(plan));
    await conn.exec('RELEASE SAVEPOINT pgform_apply');
    return;
  } catch (error) {
    await conn.exec('ROLLBACK TO SAVEPOINT pgform_apply');
    // Waiting on a lock again statement by statement would only double the wait.
    if (isLockTimeout(error)) throw statementError(error, plan.steps[0]!, { object: 'the plan' });
  }
  await conn.exec('SET LOCAL check_function_bodies = false');
  for (const step of plan.steps) {
    try {
      await conn.exec(`${step.sql};`);
    } catch (error) {
      throw statementError(error, step, locate(step));
    }
  }
  // Reached only if the one-by-one run passes where the script failed: report the original.
  await conn.exec('RELEASE SAVEPOINT pgform_apply');
}

/**
 * Applies a whole plan in order, as `migrate` runs the files `generate` writes from it: each run
 * of steps that may share a transaction in one (new enum values committed first), each step that
 * must commit alone (CONCURRENTLY, an online VALIDATE) by itself.
 */
export async function applyPlanInOrder(conn: Connection, plan: Plan): Promise<void> {
  for (const run of splitByTransaction(plan.steps)) {
    if (run[0]!.transactional) {
      for (const part of splitPlan({ steps: run })) await inTransaction(conn, () => applyPlan(conn, part));
      continue;
    }
    for (const step of run) {
      await conn.exec(`${step.sql};`).catch((error: unknown) => {
        throw statementError(error, step);
      });
    }
  }
}

function isLockTimeout(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return code === '55P03' || code === '57014';
}

export function statementError(error: unknown, step: Step, where?: { file?: string; line?: number; object?: string }): PgformError {
  const driver = error as DriverError;
  const message = driver?.message ?? String(error);
  const detail = [driver?.detail, driver?.hint].filter(Boolean).join('; ');
  return new PgformError(
    'STATEMENT_FAILED',
    `${message}${detail ? ` (${detail})` : ''}`,
    { ...where, object: where?.object ?? step.object, statement: step.sql },
    undefined,
    { cause: error },
  );
}
