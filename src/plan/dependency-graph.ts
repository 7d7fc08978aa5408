import { refKey } from '../model/id.js';
import type { Dependency, ObjectRef } from '../model/schema.js';

/**
 * What is being disturbed: relations dropped or re-created as a whole, columns whose type
 * changes or that go, types and sequences replaced or dropped, routines dropped (by routine id).
 */
export interface Disturbed {
  relations: Set<string>;
  columns: Map<string, Set<string>>;
  types: Set<string>;
  routines: Set<string>;
  sequences: Set<string>;
}

/**
 * A DependencyGraph answers "does this object depend on something disturbed?" from the
 * catalogs' own edges (a model read from a database); `undefined` where a model has none.
 */
export interface DependencyGraph {
  /** What `ref` depends on directly. */
  on(ref: ObjectRef): Dependency[];
  /** What depends directly on `ref` (or, for a relation, on any of its columns). */
  dependents(ref: ObjectRef): Dependency[];
}

/** Graphs already made, by the edge list they index: a plan asks for the same model's several times. */
const made = new WeakMap<Dependency[], DependencyGraph>();

/**
 * The graph of a model's edges, indexed on its first question: a plan that asks none (one added
 * column) does not index the tens of thousands of edges of a large schema.
 */
export function dependencyGraph(dependencies: Dependency[] | undefined): DependencyGraph | undefined {
  if (!dependencies) return undefined;
  const known = made.get(dependencies);
  if (known) return known;
  let index: { byFrom: Map<string, Dependency[]>; byOn: Map<string, Dependency[]> } | undefined;
  const indexed = () => (index ??= indexEdges(dependencies));
  const graph: DependencyGraph = {
    on: (ref) => indexed().byFrom.get(refKey(ref)) ?? [],
    dependents: (ref) => indexed().byOn.get(ref.type === 'table' || ref.type === 'view' ? `relation ${ref.id}` : refKey(ref)) ?? [],
  };
  made.set(dependencies, graph);
  return graph;
}

function indexEdges(dependencies: Dependency[]): { byFrom: Map<string, Dependency[]>; byOn: Map<string, Dependency[]> } {
  const byFrom = new Map<string, Dependency[]>();
  const byOn = new Map<string, Dependency[]>();
  const add = (map: Map<string, Dependency[]>, key: string, d: Dependency) => {
    const list = map.get(key);
    if (list) list.push(d);
    else map.set(key, [d]);
  };
  for (const d of dependencies) {
    add(byFrom, refKey(d.from), d);
    add(byOn, refKey(d.on), d);
    if (d.on.type === 'column') add(byOn, `relation ${d.on.relation}`, d);
    if (d.on.type === 'table' || d.on.type === 'view') add(byOn, `relation ${d.on.id}`, d);
  }
  return { byFrom, byOn };
}

/** Whether `ref` names something disturbed: a column of a disturbed relation counts. */
export function isDisturbed(ref: ObjectRef, disturbed: Disturbed): boolean {
  switch (ref.type) {
    case 'column':
      return disturbed.relations.has(ref.relation) || !!disturbed.columns.get(ref.relation)?.has(ref.column);
    case 'table':
    case 'view':
      return disturbed.relations.has(ref.id);
    case 'type':
      return disturbed.types.has(ref.id) || disturbed.relations.has(ref.id);
    case 'routine':
      return disturbed.routines.has(ref.id);
    case 'sequence':
      return disturbed.sequences.has(ref.id);
    default:
      return false;
  }
}

/** Whether the catalogs record `ref` depending on something disturbed. */
export function readsDisturbed(graph: DependencyGraph, ref: ObjectRef, disturbed: Disturbed): boolean {
  return graph.on(ref).some((d) => isDisturbed(d.on, disturbed));
}
