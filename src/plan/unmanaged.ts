import { PgformError } from '../errors.js';
import type { Change, Hazard } from '../model/change.js';
import { objectId } from '../model/id.js';
import type { ObjectRef, Schema, Unmanaged } from '../model/schema.js';
import type { DependencyGraph } from './dependency-graph.js';

/** What a change removes (or, for a column's type, rebuilds) that other objects can depend on. */
function removed(change: Change): ObjectRef[] {
  switch (change.kind) {
    case 'drop table':
      return [{ type: 'table', id: objectId(change.table.schema, change.table.name) }];
    case 'drop view':
      return [{ type: 'view', id: objectId(change.view.schema, change.view.name) }];
    case 'drop column':
      return [{ type: 'column', relation: change.table, column: change.column.name }];
    case 'alter column':
      return change.from.type !== change.to.type ? [{ type: 'column', relation: change.table, column: change.from.name }] : [];
    case 'drop routine': {
      const r = change.routine;
      return [{ type: 'routine', id: `${objectId(r.schema, r.name)}(${r.arguments.filter((a) => a.mode !== 'out').map((a) => a.type).join(',')})` }];
    }
    case 'drop enum':
      return [{ type: 'type', id: objectId(change.enum.schema, change.enum.name) }];
    case 'replace enum':
      return [{ type: 'type', id: objectId(change.from.schema, change.from.name) }];
    case 'drop domain':
      return [{ type: 'type', id: objectId(change.domain.schema, change.domain.name) }];
    case 'replace domain':
      return [{ type: 'type', id: objectId(change.from.schema, change.from.name) }];
    case 'drop composite type':
    case 'drop range type':
      return [{ type: 'type', id: objectId(change.type.schema, change.type.name) }];
    case 'drop sequence':
      return [{ type: 'sequence', id: objectId(change.sequence.schema, change.sequence.name) }];
    default:
      return [];
  }
}

function describe(object: Unmanaged | undefined, key: string): string {
  return object ? `${object.kind} ${object.identity}` : key;
}

/**
 * What a change does to objects pgform does not manage. One that goes with what it hangs on
 * (a rule or statistics object with its table) is a hazard on the statement, so the plan says
 * so; one that would make PostgreSQL refuse (a cast on a dropped function, a rule reading a
 * dropped table) stops planning: the plan never drops one, and never asks to CASCADE.
 */
export function unmanagedHazards(change: Change, graph: DependencyGraph | undefined, from: Schema): Hazard[] {
  const hazards: Hazard[] = [];
  if (change.kind === 'drop namespace') {
    // What hangs on an object of the schema (statistics on its table) goes with that object first.
    const goesFirst = (key: string) => !!graph?.on({ type: 'unmanaged', key }).some((edge) => edge.auto);
    const inside = Object.entries(from.unmanaged ?? {}).filter(([key, o]) => o.schema === change.namespace.name && !goesFirst(key));
    if (inside.length) throw blocked(`schema ${change.namespace.name}`, inside.map(([key, o]) => describe(o, key)));
    return hazards;
  }
  if (!graph || !from.unmanaged) return hazards;
  const blockers: string[] = [];
  for (const ref of removed(change)) {
    // Edges by dependent: one automatic edge means it goes along, whatever else it reads there.
    const byDependent = new Map<string, boolean>();
    for (const edge of graph.dependents(ref)) {
      if (edge.from.type !== 'unmanaged') continue;
      // A column-level edge counts only for the column that goes.
      if (ref.type === 'column' && edge.on.type === 'column' && edge.on.column !== ref.column) continue;
      byDependent.set(edge.from.key, (byDependent.get(edge.from.key) ?? false) || !!edge.auto);
    }
    for (const [key, automatic] of byDependent) {
      const text = describe(from.unmanaged[key], key);
      // A column changing type rebuilds what hangs on it automatically (statistics); a rule reading it blocks.
      if (automatic && change.kind === 'alter column') continue;
      if (automatic) hazards.push({ code: 'DROPS_UNMANAGED', message: `also drops ${text}, which pgform does not manage` });
      else blockers.push(text);
    }
  }
  if (blockers.length) throw blocked(describeChange(change), [...new Set(blockers)]);
  const seen = new Set<string>();
  return hazards.filter((h) => !seen.has(h.message) && !!seen.add(h.message));
}

function describeChange(change: Change): string {
  return removed(change)
    .map((ref) => ('id' in ref ? `${ref.type} ${ref.id}` : 'relation' in ref ? `column ${ref.relation}.${ref.column}` : ''))
    .join(', ');
}

function blocked(what: string, dependents: string[]): PgformError {
  return new PgformError(
    'UNMANAGED_DEPENDENT',
    `cannot change ${what}: ${dependents.join(', ')} depend${dependents.length === 1 ? 's' : ''} on it, and pgform does not manage ${dependents.length === 1 ? 'that kind' : 'those kinds'}`,
    { object: what },
    'change or drop those objects by hand first, or keep what they depend on in the definitions',
  );
}
