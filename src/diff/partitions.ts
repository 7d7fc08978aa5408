import type { Change } from '../model/change.js';
import { sameValue } from '../model/compare.js';
import type { Column, Constraint, Index, Schema, Table } from '../model/schema.js';

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
 * A partition's own index that a new index of its parent takes over: CREATE INDEX on a
 * partitioned table attaches an existing partition index of the same definition instead of
 * building another, after which it is the parent's. Such an index is left out of the table's
 * `from` side, so it is not dropped (and rebuilt) first.
 */
export function attachedByParent(a: Table, b: Table, sides: { from: Schema; to: Schema }): Table {
  const parent = a.partitionOf && b.partitionOf?.parent === a.partitionOf.parent ? a.partitionOf.parent : undefined;
  if (!parent) return a;
  const shape = (index: Index) => ({ ...index, name: undefined, comment: undefined, renamedFrom: undefined });
  const before = Object.values(sides.from.tables[parent]?.indexes ?? {});
  const added = Object.values(sides.to.tables[parent]?.indexes ?? {}).filter((index) => !before.some((x) => x.name === index.name));
  const taken = Object.values(a.indexes).filter((index) => !b.indexes[index.name] && added.some((p) => sameValue(shape(p), shape(index))));
  if (taken.length === 0) return a;
  return { ...a, indexes: Object.fromEntries(Object.entries(a.indexes).filter(([, index]) => !taken.includes(index))) };
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
  const shape = (c: Column | undefined) => c && { ...c, comment: undefined, inherited: undefined, renamedFrom: undefined };
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
