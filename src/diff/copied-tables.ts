import type { TableAside } from '../model/change.js';
import { clip, maxNameBytes } from '../model/names.js';
import type { Constraint, Schema, StatisticsObject, Table } from '../model/schema.js';

/**
 * Re-created tables whose rows are copied into the table that replaces them: a plain table made
 * partitioned, or a partitioned one made plain. PostgreSQL partitions nothing in place, but the
 * rows can follow. Left out (dropped and created as before): a table whose partition key only
 * changes (its partitions would have to move aside too), a partition, and a table in an
 * inheritance tree, whose children would stay with the old one.
 */
export function copiedTables(from: Schema, to: Schema, recreated: Set<string>): Set<string> {
  const copied = new Set<string>();
  for (const id of recreated) {
    const [a, b] = [from.tables[id], to.tables[id]];
    if (!a || !b || (a.partitionBy === undefined) === (b.partitionBy === undefined)) continue;
    if (a.partitionOf || b.partitionOf || a.inherits?.length || b.inherits?.length) continue;
    if (Object.values(from.tables).some((t) => t.inherits?.includes(id))) continue;
    copied.add(id);
  }
  return copied;
}

/** The copied table a partition of `from` sits under, at any depth: its rows are copied from there. */
export function copiedAncestor(table: Table, from: Schema, copied: Set<string>): string | undefined {
  const seen = new Set<string>();
  for (let parent = table.partitionOf?.parent; parent && !seen.has(parent); parent = from.tables[parent]?.partitionOf?.parent) {
    if (copied.has(parent)) return parent;
    seen.add(parent);
  }
  return undefined;
}

/** Whether every row finds a partition of the table `id`: a DEFAULT one, plain or catching every row in turn. */
export function catchesEveryRow(id: string, to: Schema): boolean {
  return Object.entries(to.tables).some(([child, t]) => t.partitionOf?.parent === id && t.partitionOf.bound === 'DEFAULT' && (t.partitionBy === undefined || catchesEveryRow(child, to)));
}

const suffix = '_pgform_old';

/** Constraints that own an index, whose name is a relation's name in the schema. */
const indexBacked = (constraint: Constraint) => constraint.kind === 'primary key' || constraint.kind === 'unique' || constraint.kind === 'exclude';

/**
 * Names a schema's relations and types take on either side: tables, views, sequences, indexes
 * (a constraint's too) and types share the namespaces an aside name must avoid.
 */
function namesIn(schema: string, models: Schema[]): Set<string> {
  const names = new Set<string>();
  for (const model of models) {
    for (const relation of [...Object.values(model.tables), ...Object.values(model.views)]) {
      if (relation.schema !== schema) continue;
      names.add(relation.name);
      for (const index of Object.keys(relation.indexes)) names.add(index);
    }
    for (const table of Object.values(model.tables)) if (table.schema === schema) for (const name of Object.keys(table.constraints)) names.add(name);
    const others = [...Object.values(model.sequences), ...Object.values(model.enums), ...Object.values(model.domains), ...Object.values(model.composites ?? {})];
    for (const other of others) if (other.schema === schema) names.add(other.name);
  }
  return names;
}

/**
 * Statistics objects of a replaced table whose names the new side uses (in their schema, as
 * relations' are): dropped before it steps aside, as it would drop them itself, later.
 */
export function clashingStatistics(table: Table, to: Schema): StatisticsObject[] {
  const key = (owner: { schema: string }, s: StatisticsObject) => `${s.schema ?? owner.schema}.${s.name}`;
  const used = new Set([...Object.values(to.tables), ...Object.values(to.views)].flatMap((owner) => Object.values(owner.statistics ?? {}).map((s) => key(owner, s))));
  return Object.values(table.statistics ?? {}).filter((s) => used.has(key(table, s)));
}

/**
 * Chooses the names replaced tables step aside to: `<name>_pgform_old` cut to 63 bytes, numbered
 * when that is taken on either side or already chosen, for the table and for each index of it
 * whose name the new side uses (its own table's key, say).
 */
export function asideNames(from: Schema, to: Schema): (table: Table) => TableAside {
  const taken = new Map<string, Set<string>>();
  const choose = (schema: string, name: string): string => {
    if (!taken.has(schema)) taken.set(schema, namesIn(schema, [from, to]));
    const names = taken.get(schema)!;
    for (let n = 1; ; n++) {
      const tail = n === 1 ? suffix : `${suffix}${n}`;
      const candidate = clip(name, maxNameBytes - Buffer.byteLength(tail, 'utf8')) + tail;
      if (names.has(candidate)) continue;
      names.add(candidate);
      return candidate;
    }
  };
  return (table) => {
    const wanted = namesIn(table.schema, [to]);
    const own = [...new Set([...Object.keys(table.indexes), ...Object.values(table.constraints).filter(indexBacked).map((c) => c.name)])].sort();
    return { name: choose(table.schema, table.name), indexes: own.filter((name) => wanted.has(name)).map((name) => ({ from: name, to: choose(table.schema, name) })) };
  };
}
