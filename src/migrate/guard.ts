import { securityHazards, type Hazard } from '../model/change.js';
import type { Plan } from '../plan/index.js';

/** A RefusedStatement is a statement a guard stopped, with why and which permission lets it through. */
export interface RefusedStatement {
  sql: string;
  object: string;
  reasons: string[];
  /** `data loss`: --allow-data-loss lets it through; `security`: --allow-security-changes. */
  guard: 'data loss' | 'security';
}

/** GuardOptions: what the user allowed. */
export interface GuardOptions {
  allowDataLoss?: boolean;
  allowSecurityChanges?: boolean;
}

function refusedBy(plan: Plan, guard: RefusedStatement['guard'], codes: readonly Hazard['code'][]): RefusedStatement[] {
  return plan.steps
    .filter((step) => step.hazards.some((hazard) => codes.includes(hazard.code)))
    .map((step) => ({
      sql: step.sql,
      object: step.object,
      reasons: step.hazards.filter((hazard) => codes.includes(hazard.code)).map((hazard) => `${hazard.code}: ${hazard.message}`),
      guard,
    }));
}

/**
 * The statements of a plan that delete data (DELETES_DATA hazards). Commands that apply or
 * write a plan refuse while there are any, unless the user allows data loss.
 */
export function dataLossStatements(plan: Plan): RefusedStatement[] {
  return refusedBy(plan, 'data loss', ['DELETES_DATA']);
}

/**
 * The statements of a plan that take access away from the API's roles or weaken a protection
 * (BREAKS_ACCESS, WEAKENS_SECURITY): refused like data loss, unless security changes are allowed.
 */
export function securityStatements(plan: Plan): RefusedStatement[] {
  return refusedBy(plan, 'security', securityHazards);
}

/** Every statement the guards refuse under `options`, data loss first. */
export function refusedStatements(plan: Plan, options: GuardOptions): RefusedStatement[] {
  return [...(options.allowDataLoss ? [] : dataLossStatements(plan)), ...(options.allowSecurityChanges ? [] : securityStatements(plan))];
}
