import type { Plan } from '../plan/index.js';

/** A RefusedStatement is a statement the data-loss guard stopped, with why. */
export interface RefusedStatement {
  sql: string;
  object: string;
  reasons: string[];
}

/**
 * The statements of a plan that delete data (DELETES_DATA hazards). Commands that apply or
 * write a plan refuse while there are any, unless the user allows data loss.
 */
export function dataLossStatements(plan: Plan): RefusedStatement[] {
  return plan.steps
    .filter((step) => step.hazards.some((hazard) => hazard.code === 'DELETES_DATA'))
    .map((step) => ({
      sql: step.sql,
      object: step.object,
      reasons: step.hazards.filter((hazard) => hazard.code === 'DELETES_DATA').map((hazard) => hazard.message),
    }));
}
