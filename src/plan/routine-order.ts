import { objectId } from '../model/id.js';
import type { Routine } from '../model/schema.js';
import { mentions, type Named } from './mentions.js';

/**
 * The text through which a routine depends on other objects in a way the server records: a
 * SQL-standard body (parsed at creation) and argument defaults. A quoted body is only text
 * until it runs, so it orders nothing.
 */
export function routineReferences(routine: Routine): string {
  return [routine.standardBody ? routine.body : '', ...routine.arguments.map((a) => a.default ?? '')].join(' ');
}

/**
 * Routine names (schema-qualified, overloads together) sorted so that each comes after the
 * routines its SQL-standard body or argument defaults call: creates run in this order, drops in
 * reverse.
 */
export function routineOrder(routines: Routine[]): Map<string, number> {
  const byName = new Map<string, Routine[]>();
  for (const r of routines) byName.set(objectId(r.schema, r.name), [...(byName.get(objectId(r.schema, r.name)) ?? []), r]);
  const candidates: Named[] = [...byName.keys()].map((id) => ({ id, schema: byName.get(id)![0]!.schema, name: byName.get(id)![0]!.name }));
  const deps = new Map<string, string[]>();
  for (const [id, overloads] of byName) {
    const text = overloads.map(routineReferences).join(' ');
    deps.set(id, text.trim() ? mentions(text, candidates).filter((hit) => hit !== id) : []);
  }
  const order = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string) => {
    if (order.has(id) || visiting.has(id)) return;
    visiting.add(id);
    for (const dep of deps.get(id) ?? []) visit(dep);
    visiting.delete(id);
    order.set(id, order.size);
  };
  [...deps.keys()].sort().forEach(visit);
  return order;
}
