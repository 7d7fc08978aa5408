import fc from 'fast-check';
import type { Spec } from './spec.js';

/**
 * A Mutation changes a spec in place: `arb` draws its parameters, `apply` resolves them against
 * the spec (numbers pick by modulo) and returns false when it does not apply (nothing to pick,
 * a name already taken, an excluded shape), so the op is recorded as skipped.
 */
export interface Mutation {
  name: string;
  arb: fc.Arbitrary<unknown>;
  apply(spec: Spec, parameters: unknown): boolean;
  /** How often it is drawn relative to others (1 by default). */
  weight: number;
}

/** An Op is one drawn mutation: its name and parameters, printable and replayable. */
export interface Op {
  name: string;
  parameters: unknown;
}

/** Mutations that exercise the planner hardest are drawn more often. */
const weights: Record<string, number> = {
  'column.type.change': 5,
  'column.type.widen': 3,
  'view.alter': 4,
  'function.signature': 3,
  'function.alter': 2,
  'enum.addValue': 3,
  'enum.removeValue': 2,
  'column.drop': 3,
  'column.add': 2,
  'column.default': 2,
  'column.identity': 2,
  'trigger.alter': 2,
  'policy.alter': 2,
  'index.alter': 2,
};

export function mutation<P>(name: string, arb: fc.Arbitrary<P>, apply: (spec: Spec, parameters: P) => boolean | void): Mutation {
  return { name, arb, apply: (spec, parameters) => apply(spec, parameters as P) !== false, weight: weights[name] ?? 1 };
}

export const pick = <T>(items: readonly T[], at: number): T | undefined => (items.length ? items[at % items.length] : undefined);
