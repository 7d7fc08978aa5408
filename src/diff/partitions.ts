import type { Change } from '../model/change.js';
import { sameValue } from '../model/compare.js';
import { columnSettings, type Column, type Constraint, type Index, type Schema, type Table } from '../model/schema.js';

/** The tables a table takes columns from: its partition parent, else its INHERITS parents. */
export function parentsOf(table: Table): string[] {
  return table.partitionOf ? [table.partitionOf.parent] : (table.inherits ?? []);
}

/**
 * Tables that cannot change in place: partitioning is fixed when a table is created, so a table
 * that gains, loses or changes its partition key is dropped and created again, and so are the
 * partitions that stay under it (a dropped partitioned table takes its partitions along).
 */
export function recreatedTables(from: Schema, to: Schema): Set<string> {
  const recreated = new Set<string>();
  for (const [id, a] of Object.entries(from.tables)) {
    const b = to.tables[id];
    if (b && (a.partitionBy ?? '') !== (b.partitionBy ?? '')) recreated.add(id);
  }
  let grew = recreated.size > 0;
  while (grew) {
    grew = false;
    for (const [id, a] of Object.entries(from.tables)) {
      const b = to.tables[id];
      if (recreated.has(id) || !b || !a.partitionOf || !recreated.has(a.partitionOf.parent)) continue;
      if (b.partitionOf?.parent === a.partitionOf.parent) {
        recreated.add(id);
        grew = true;
      }
    }
  }
  return recreated;
}

/**
 * Foreign keys of other tables that reference a re-created table: dropped before it goes and
 * added again once it is back.
 */
export function referencesTo(recreated: Set<string>, from: Schema, to: Schema, changes: Change[]): void {
  for (const [id, table] of Object.entries(from.tables)) {
    if (recreated.has(id) || !to.tables[id]) continue;
    for (const constraint of Object.values(table.constraints)) {
      if (constraint.kind !== 'foreign key' || !recreated.has(constraint.references.table)) continue;
      const next = to.tables[id]!.constraints[constraint.name];
      // A changed key is dropped and added by the table's own comparison.
      if (!next || !sameValue({ ...constraint, comment: undefined }, { ...next, comment: undefined })) continue;
      changes.push({ kind: 'drop constraint', table: id, constraint }, { kind: 'add constraint', table: id, constraint: next });
    }
  }
}

/**
 * Partition and inheritance links of a table on both sides. A partition whose parent or bound
 * changes is detached and attached again (PostgreSQL cannot alter a bound). Returns the parents
 * the table leaves, whose keys, indexes and checks it keeps as its own from then on.
 */
export function diffInheritance(id: string, a: Table, b: Table, changes: Change[], parentRecreated: boolean): string[] {
  const left: string[] = [];
  const samePartition = a.partitionOf && b.partitionOf && sameValue(a.partitionOf, b.partitionOf) && !parentRecreated;
  if (!samePartition) {
    if (a.partitionOf && !parentRecreated) {
      changes.push({ kind: 'detach partition', table: id, partitionOf: a.partitionOf });
      left.push(a.partitionOf.parent);
    }
    if (b.partitionOf) changes.push({ kind: 'attach partition', table: id, partitionOf: b.partitionOf });
  }
  const before = a.inherits ?? [];
  const after = b.inherits ?? [];
  for (const parent of before) {
    if (!after.includes(parent)) {
      changes.push({ kind: 'no inherit', table: id, parent });
      left.push(parent);
    }
  }
  for (const parent of after) if (!before.includes(parent)) changes.push({ kind: 'inherit', table: id, parent });
  return left;
}

/**
 * What a table holds once it has left `parents`: the parent's index and key clones stay as its
 * own indexes and constraints (under names PostgreSQL chose), inherited checks become local.
 * Those of `b` that match one are taken as already there, so nothing creates them twice.
 */
export function keptFromParents(a: Table, b: Table, parents: Table[]): Table {
  if (parents.length === 0) return a;
  const indexes = { ...a.indexes };
  const constraints = { ...a.constraints };
  const shape = (index: Index) => ({ ...index, name: undefined, comment: undefined, renamedFrom: undefined });
  const keyShape = (c: Constraint) => ({ ...c, name: undefined, comment: undefined, renamedFrom: undefined });
  for (const index of Object.values(b.indexes)) {
    if (!indexes[index.name] && parents.some((p) => Object.values(p.indexes).some((pi) => sameValue(shape(pi), shape(index))))) indexes[index.name] = { ...index, comment: undefined } as Index;
  }
  for (const constraint of Object.values(b.constraints)) {
    if (constraints[constraint.name]) continue;
    const byName = (c: Constraint) => (c.kind === 'primary key' || c.kind === 'unique' ? true : c.name === constraint.name);
    if (parents.some((p) => Object.values(p.constraints).some((pc) => byName(pc) && sameValue(keyShape(pc), keyShape(constraint))))) {
      constraints[constraint.name] = { ...constraint, comment: undefined } as Constraint;
    }
  }
  return { ...a, indexes, constraints };
}

/**
 * What a parent takes over from a partition: CREATE INDEX on a partitioned table, and ATTACH
 * PARTITION for every index, key and foreign key the parent has, attach a partition's own index
 * or constraint of the same definition instead of building another, after which it is the
 * parent's. Those are left out of the table's `from` side, so they are not dropped (and rebuilt)
 * first.
 */
export function attachedByParent(a: Table, b: Table, sides: { from: Schema; to: Schema }): Table {
  const parentId = b.partitionOf?.parent;
  const parent = parentId ? sides.to.tables[parentId] : undefined;
  if (!parentId || !parent) return a;
  const attaching = !a.partitionOf || !sameValue(a.partitionOf, b.partitionOf);
  const before = sides.from.tables[parentId];
  const shape = <T extends { name: string }>(x: T) => ({ ...x, name: undefined, comment: undefined, renamedFrom: undefined });
  const parentIndexes = Object.values(parent.indexes).filter((index) => attaching || !before?.indexes[index.name]);
  const takenIndex = (index: Index) => !b.indexes[index.name] && parentIndexes.some((p) => sameValue(shape(p), shape(index)));
  const parentKeys = attaching ? Object.values(parent.constraints).filter((c) => c.kind !== 'check') : [];
  const takenKey = (constraint: Constraint) => constraint.kind !== 'check' && !b.constraints[constraint.name] && parentKeys.some((p) => sameValue(shape(p), shape(constraint)));
  const indexes = Object.entries(a.indexes).filter(([, index]) => !takenIndex(index));
  const constraints = Object.entries(a.constraints).filter(([, constraint]) => !takenKey(constraint));
  if (indexes.length === Object.keys(a.indexes).length && constraints.length === Object.keys(a.constraints).length) return a;
  return { ...a, indexes: Object.fromEntries(indexes), constraints: Object.fromEntries(constraints) };
}

/**
 * True when a column a parent drops stays in an inheritance child that keeps the parent: the
 * parent drops it with ONLY, which leaves each child's copy (and its values) as the child's own.
 * Partitions have no such copy: their columns always follow the partitioned table.
 */
export function childKeepsColumn(parent: string, column: string, sides: { from: Schema; to: Schema }): boolean {
  return Object.entries(sides.to.tables).some(([id, child]) => {
    const before = sides.from.tables[id];
    return Boolean(before?.inherits?.includes(parent) && child.inherits?.includes(parent) && child.columns.some((c) => c.name === column));
  });
}

/**
 * True when a column change of a child is the one its parent makes: ADD, DROP and ALTER COLUMN
 * on a parent reach its partitions and the inherited columns of its children, so the child's
 * own statement would fail or repeat it.
 */
export function followsParent(
  kind: 'add' | 'drop' | 'alter',
  column: Column,
  child: { from: Table; to: Table },
  parents: { from: (Table | undefined)[]; to: (Table | undefined)[] },
): boolean {
  const find = (t: Table | undefined) => t?.columns.find((c) => c.name === column.name);
  // Settings (storage, statistics target, options) are each table's own and planned on their own.
  const shape = (c: Column | undefined) => c && { ...columnSettings(c).rest, comment: undefined, inherited: undefined, renamedFrom: undefined };
  if (kind === 'add') return parents.to.some((p, i) => parents.from[i] && find(p) && !find(parents.from[i]));
  if (kind === 'drop') {
    const inherited = Boolean(child.from.partitionOf) || Boolean(column.inherited);
    return inherited && parents.from.some((p, i) => find(p) && !find(parents.to[i]));
  }
  return parents.to.some((p, i) => {
    const before = find(parents.from[i]);
    const after = find(p);
    return Boolean(before && after) && !sameValue(shape(before), shape(after)) && sameValue(shape(after), shape(column));
  });
}

/** A column as ALTER COLUMN compares it: without what other changes carry. */
function shapeOf({ comment: _c, inherited: _i, grants: _g, ...shape }: Column): Column {
  return shape;
}

function withDefault(column: Column, value: string | undefined): Column {
  const { default: _d, ...rest } = column;
  return value === undefined ? rest : { ...rest, default: value };
}

/**
 * Where a child's column starts before its own ALTER COLUMN runs. A parent's new default reaches
 * its partitions and children (ALTER TABLE recurses), so a child holding a default of its own
 * must set it again after; otherwise its column as it was.
 */
export function childColumnStart(column: Column, parents: { from: (Table | undefined)[]; to: (Table | undefined)[] }): Column {
  const find = (t: Table | undefined) => t?.columns.find((c) => c.name === column.name);
  for (const [i, parent] of parents.to.entries()) {
    const [before, after] = [find(parents.from[i]), find(parent)];
    if (before && after && before.default !== after.default) return withDefault(shapeOf(column), after.default);
  }
  return shapeOf(column);
}

/**
 * A partition created PARTITION OF its parent copies the parent's defaults; the columns whose
 * default is its own are altered after (as PostgreSQL's `PARTITION OF p (col DEFAULT ...)` does).
 */
export function ownDefaults(id: string, partition: Table, parent: Table | undefined): Change[] {
  return partition.columns.flatMap((column): Change[] => {
    const inherited = parent?.columns.find((c) => c.name === column.name);
    if (!inherited || inherited.default === column.default || column.identity || column.generated !== undefined) return [];
    return [{ kind: 'alter column', table: id, from: withDefault(shapeOf(column), inherited.default), to: shapeOf(column) }];
  });
}
