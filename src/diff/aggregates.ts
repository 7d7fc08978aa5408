import type { Change } from '../model/change.js';
import { sameValue } from '../model/compare.js';
import { grantsInForce } from '../model/default-privileges.js';
import { objectId } from '../model/id.js';
import type { Aggregate, Schema } from '../model/schema.js';

function target(aggregate: Aggregate): { type: 'aggregate'; id: string; aggregate: Aggregate } {
  return { type: 'aggregate', id: objectId(aggregate.schema, aggregate.name), aggregate };
}

/** The grants and comment changes of an aggregate, from what it holds to what it should. */
function access(changes: Change[], aggregate: Aggregate, from: Pick<Aggregate, 'grants' | 'comment'>): void {
  if (!sameValue(from.grants, aggregate.grants)) changes.push({ kind: 'set grants', target: target(aggregate), from: from.grants, to: aggregate.grants });
  if ((from.comment ?? null) !== (aggregate.comment ?? null)) {
    changes.push({ kind: 'set comment', target: target(aggregate), ...(from.comment !== undefined ? { from: from.comment } : {}), ...(aggregate.comment !== undefined ? { to: aggregate.comment } : {}) });
  }
}

/** A new aggregate starts with what the default privileges give functions in its schema. */
export function createAggregate(aggregate: Aggregate, changes: Change[], to: Schema): void {
  changes.push({ kind: 'create aggregate', aggregate });
  access(changes, aggregate, { grants: grantsInForce(to, 'functions', aggregate.schema) });
}

/**
 * CREATE OR REPLACE AGGREGATE keeps the kind, the argument names and the result type: the
 * latter is the final function's result, else the state type, so both must stay.
 */
function replaceable(a: Aggregate, b: Aggregate): boolean {
  const names = (x: Aggregate) => [...x.arguments, ...(x.orderBy ?? [])].map((arg) => arg.name ?? '');
  return !!a.orderBy === !!b.orderBy && !!a.hypothetical === !!b.hypothetical && a.stype === b.stype && a.finalfunc === b.finalfunc && sameValue(names(a), names(b));
}

/** The definition of an aggregate without what is changed apart from it (grants, comment, documentation). */
function shape(aggregate: Aggregate): Partial<Aggregate> {
  const { comment: _c, grants: _g, group: _gr, note: _n, source: _s, renamedFrom: _r, lint: _l, ...rest } = aggregate;
  return rest;
}

/**
 * Aggregates of the managed namespaces (`managed` filters a record to them): created, dropped,
 * replaced in place where CREATE OR REPLACE allows, else dropped and created again.
 */
export function diffAggregates(from: Record<string, Aggregate>, to: Record<string, Aggregate>, changes: Change[], target: Schema): void {
  for (const id of Object.keys(from).sort()) if (!(id in to)) changes.push({ kind: 'drop aggregate', aggregate: from[id]! });
  for (const id of Object.keys(to).sort()) {
    const a = from[id];
    const b = to[id]!;
    if (!a) {
      createAggregate(b, changes, target);
      continue;
    }
    if (!sameValue(shape(a), shape(b))) {
      if (!replaceable(a, b)) {
        changes.push({ kind: 'drop aggregate', aggregate: a });
        createAggregate(b, changes, target);
        continue;
      }
      changes.push({ kind: 'replace aggregate', from: a, to: b });
    }
    access(changes, b, a);
  }
}
