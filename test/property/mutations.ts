import fc from 'fast-check';
import { diffSchemas } from '../../src/diff/index.js';
import { spec as specArb } from './arbitraries.js';
import { specSchema } from './build.js';
import { excludedBy } from './exclusions.js';
import type { Mutation, Op } from './mutation.js';
import { objectMutations } from './mutations-objects.js';
import { tableMutations } from './mutations-table.js';
import type { Spec } from './spec.js';

export const mutations: Mutation[] = [...tableMutations, ...objectMutations];
const byName = new Map(mutations.map((m) => [m.name, m]));

/** One mutation of any kind, drawn with its parameters. */
export const op: fc.Arbitrary<Op> = fc.oneof(...mutations.map((m) => ({ weight: m.weight, arbitrary: m.arb.map((parameters): Op => ({ name: m.name, parameters })) })));

/** A Pair is a spec `a` and the ops that turn it into `b`. */
export interface Pair {
  a: Spec;
  ops: Op[];
}

/** Pairs whose ops change nothing the database holds say nothing; they are drawn again. */
export const pair: fc.Arbitrary<Pair> = fc.record({ a: specArb, ops: fc.array(op, { minLength: 1, maxLength: 4 }) }).filter(({ a, ops }) => changesSomething(a, mutate(a, ops).b));

function changesSomething(a: Spec, b: Spec): boolean {
  try {
    return diffSchemas(specSchema(a), specSchema(b)).length > 0;
  } catch {
    return true; // a spec that does not build is a failure the property reports
  }
}

/**
 * Applies ops to a copy of a spec; each op works on its own copy and is kept only when it applies
 * and the pair it makes falls under no exclusion, either way (the property also migrates back).
 */
export function mutate(a: Spec, ops: Op[]): { b: Spec; applied: string[] } {
  let b = structuredClone(a);
  const applied: string[] = [];
  for (const op of ops) {
    const mutation = byName.get(op.name);
    if (!mutation) throw new Error(`unknown mutation ${op.name}`);
    const next = structuredClone(b);
    if (mutation.apply(next, structuredClone(op.parameters)) && !excludedBy(a, next) && !excludedBy(next, a)) {
      b = next;
      applied.push(op.name);
    }
  }
  return { b, applied };
}

