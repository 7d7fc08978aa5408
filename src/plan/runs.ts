import type { Plan, Step } from './index.js';

/**
 * A plan cut where its steps change transaction mode, order kept: runs of steps that may share a
 * transaction, and runs of steps that each commit alone (CONCURRENTLY, the VALIDATE that must not
 * keep its ADD's lock). `generate` writes each run as a file of its own; a run of the second
 * kind is marked no-transaction.
 */
export function splitByTransaction(steps: Step[]): Step[][] {
  const runs: Step[][] = [];
  for (const step of steps) {
    const last = runs.at(-1);
    if (last && last[0]!.transactional === step.transactional) last.push(step);
    else runs.push([step]);
  }
  return runs;
}

/**
 * A plan cut into the parts that must commit one after the other. A new enum value cannot be
 * used in the transaction that adds it, so new values go first, on their own: they only ever
 * alter enums that exist already, and if the rest fails they are harmless to keep.
 */
export function splitPlan(plan: Plan): Plan[] {
  const values = plan.steps.filter((step) => step.kind === 'add enum value');
  const rest = plan.steps.filter((step) => step.kind !== 'add enum value');
  return values.length && rest.length ? [{ steps: values }, { steps: rest }] : [plan];
}
