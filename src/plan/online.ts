import type { Change } from '../model/change.js';
import { objectId } from '../model/id.js';
import { sameValue } from '../model/compare.js';
import type { Constraint, Index, Schema, Table } from '../model/schema.js';
import { addConstraintOnline, addPartitionedConstraintOnline, alterColumnOnline, createIndexOnline, createPartitionedIndexOnline, dropIndexOnline, dropPartitionedIndex, replaceIndexOnline, validateConstraintOnline, type KeyPartition, type PartitionTarget } from './sql/online.js';
import { partitionIndexName, type TakenNames } from './sql/partition-index-name.js';
import type { Statement } from './sql/step.js';

/**
 * Chooses the lock-safe form of each change on a relation that exists before the plan runs
 * (see sql/online.ts); undefined keeps the plain form. Relations the plan creates keep the plain
 * form: nobody reads or writes them yet. PostgreSQL builds no index CONCURRENTLY on a partitioned
 * table: a new one there is built ON ONLY the parent, concurrently on each partition, then
 * attached. A key or foreign key added there is added first on each partition, online, and the
 * parent's then takes them over; a dropped index there keeps the plain form, marked.
 */
export type OnlineForm = (change: Change) => Statement[] | undefined;

/** The changes of a plan an index replacement consumes: the drop gives way to the paired create. */
interface Replacements {
  drops: Set<Change>;
  creates: Set<Change>;
}

const objectsUnderIndexes = new Set<Change['kind']>(['drop routine', 'replace routine', 'drop enum', 'replace enum', 'drop domain', 'alter domain', 'replace domain', 'drop extension', 'alter extension', 'drop collation', 'drop sequence', 'rename']);

/**
 * Indexes the differ drops and creates again under the same name (their definition changed).
 * Only the differ's own pairs: an index re-created around a column, enum or routine change must
 * go before that change, where the plain drop puts it.
 */
function replacedIndexes(requested: Change[], changes: Change[]): Replacements {
  const drops = new Set<Change>();
  const creates = new Set<Change>();
  // An old index may use a routine, type or collation the plan drops or re-creates: it must go
  // first, where the plain drop puts it.
  if (changes.some((c) => objectsUnderIndexes.has(c.kind))) return { drops, creates };
  const own = new Set(requested);
  const busy = new Set(changes.flatMap((c) => (c.kind === 'alter column' || c.kind === 'drop column' ? [c.table] : c.kind === 'replace enum' || c.kind === 'replace domain' ? c.columns.map((col) => col.table) : [])));
  for (const create of changes) {
    if (create.kind !== 'create index' || !own.has(create) || busy.has(create.relation)) continue;
    const drop = changes.find((c) => c.kind === 'drop index' && own.has(c) && c.relation === create.relation && c.index.name === create.index.name);
    if (!drop) continue;
    drops.add(drop);
    creates.add(create);
  }
  return { drops, creates };
}

/** The definition of an index without its name and what CREATE INDEX on a parent does not compare. */
const shapeOf = ({ name: _n, renamedFrom: _r, comment: _c, storage: _s, ...shape }: Index) => shape;

/**
 * The partitions an index created on `relation` reaches when it is built, each with the name its
 * own index takes: partitions it keeps (or gains with CREATE TABLE ... PARTITION OF), not those
 * ATTACHed later in the plan, which bring or build their index as they join.
 */
function partitionTargets(relation: string, index: Index, changes: Change[], context: { from?: Schema; to?: Schema }, created: Set<string>, taken: Map<string, TakenNames>): PartitionTarget[] {
  const attachedLater = new Set(changes.flatMap((c) => (c.kind === 'attach partition' ? [c.table] : [])));
  const droppedIndexes = new Set(changes.flatMap((c) => (c.kind === 'drop index' ? [`${c.relation} ${c.index.name}`] : [])));
  return Object.values(context.to?.tables ?? {})
    .filter((t) => t.partitionOf?.parent === relation && !attachedLater.has(objectId(t.schema, t.name)))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((t) => {
      const id = objectId(t.schema, t.name);
      const before = created.has(id) ? undefined : context.from?.tables[id];
      const match = Object.values(before?.indexes ?? {}).find((i) => !droppedIndexes.has(`${id} ${i.name}`) && sameValue(shapeOf(i), shapeOf(index)));
      const indexName = match?.name ?? partitionIndexName(t.name, index, takenIn(taken, t.schema));
      const target: PartitionTarget = { id, indexName, hasIndex: Boolean(match), created: !before };
      if (t.partitionBy && !match) target.partitions = partitionTargets(id, { ...index, name: indexName }, changes, context, created, taken);
      return target;
    });
}

type AddConstraint = Extract<Change, { kind: 'add constraint' }>;

/**
 * The leaf partitions with rows that a key or foreign key added to the partitioned `relation`
 * reaches, each with the name its own constraint takes, in the order PostgreSQL names them
 * (partitions by name, a partitioned one's before its own). Partitions the plan creates are empty
 * and ATTACHed ones join later: the parent's statement handles both. Undefined when a partition
 * already holds a constraint the parent's would take over or clash with: the plain form decides.
 */
function keyPartitions(relation: string, change: AddConstraint, changes: Change[], context: { from?: Schema; to?: Schema }, created: Set<string>, taken: Map<string, TakenNames>): KeyPartition[] | undefined {
  const attachedLater = new Set(changes.flatMap((c) => (c.kind === 'attach partition' ? [c.table] : [])));
  const { constraint } = change;
  const leaves: KeyPartition[] = [];
  const visit = (parent: string): boolean => {
    const partitions = Object.values(context.to?.tables ?? {})
      .filter((t) => t.partitionOf?.parent === parent && !attachedLater.has(objectId(t.schema, t.name)))
      .sort((a, b) => a.name.localeCompare(b.name));
    for (const t of partitions) {
      const id = objectId(t.schema, t.name);
      const own = Object.values(context.from?.tables[id]?.constraints ?? {});
      const conflicting = own.some((c) => c.name === constraint.name || overlaps(c, constraint));
      if (!created.has(id) && conflicting) return false;
      // A foreign key's partition copies keep its name; a key's are named like indexes.
      const name = constraint.kind === 'foreign key' ? constraint.name : constraint.kind === 'primary key' || constraint.kind === 'unique' ? partitionIndexName(t.name, { columns: constraint.columns, label: constraint.kind === 'primary key' ? 'pkey' : 'key' }, takenIn(taken, t.schema)) : constraint.name;
      if (t.partitionBy) {
        if (!visit(id)) return false;
      } else if (!created.has(id)) leaves.push({ id, name });
    }
    return true;
  };
  return visit(relation) ? leaves : undefined;
}

/** A partition's own constraint that the parent's would take over, or beside which it cannot be added. */
function overlaps(own: Constraint, added: Constraint): boolean {
  if (added.kind === 'foreign key') return own.kind === 'foreign key' && own.references.table === added.references.table && sameValue(own.columns, added.columns);
  if (added.kind === 'primary key' && own.kind === 'primary key') return true;
  return (added.kind === 'primary key' || added.kind === 'unique') && (own.kind === 'primary key' || own.kind === 'unique') && sameValue(own.columns, added.columns);
}

/** A key or foreign key on an existing partitioned table that can be added partition by partition. */
function keyOnPartitions(change: AddConstraint): boolean {
  const { constraint } = change;
  if (change.usingIndex !== undefined || constraint.deferrable) return false;
  if (constraint.kind === 'foreign key') return !constraint.notValid;
  return constraint.kind === 'primary key' || constraint.kind === 'unique';
}

/**
 * Relation names of a schema, as far as the models tell: tables, views, sequences, indexes, keys,
 * and the indexes PostgreSQL gave existing partitions under their parents' indexes and keys.
 */
function relationNames({ from, to }: { from?: Schema; to?: Schema }, changes: Change[]): Map<string, TakenNames> {
  const names = new Map<string, TakenNames>();
  const schemas = [from, to];
  const add = (schema: string, name: string) => takenIn(names, schema).relations.add(name);
  for (const schema of schemas) {
    const relations = [...Object.values(schema?.tables ?? {}), ...Object.values(schema?.views ?? {}), ...Object.values(schema?.sequences ?? {}), ...Object.values(schema?.composites ?? {})];
    for (const r of relations) add(r.schema, r.name);
    for (const table of Object.values(schema?.tables ?? {})) {
      for (const index of Object.values(table.indexes)) add(table.schema, index.name);
      for (const constraint of Object.values(table.constraints)) {
        takenIn(names, table.schema).constraints.add(constraint.name);
        // Keys and exclusions are indexes too, of the same name.
        if (constraint.kind !== 'check' && constraint.kind !== 'foreign key') add(table.schema, constraint.name);
      }
    }
  }
  // What exists before the plan, less the indexes and keys it drops first (a parent's dropped key
  // takes its partitions' indexes along); partitions the plan creates receive the parent's indexes
  // as they are created.
  const dropped = new Set(changes.flatMap((c) => (c.kind === 'drop index' ? [`${c.relation} ${c.index.name}`] : [])));
  const droppedKeys = new Set(changes.flatMap((c) => (c.kind === 'drop constraint' ? [`${c.table} ${c.constraint.name}`] : [])));
  const partitions = new Map<string, Table[]>();
  for (const schema of schemas) {
    for (const t of Object.values(schema?.tables ?? {})) {
      const list = t.partitionOf ? (partitions.get(t.partitionOf.parent) ?? []) : [];
      if (t.partitionOf && !list.some((x) => x.schema === t.schema && x.name === t.name)) partitions.set(t.partitionOf.parent, [...list, t]);
    }
  }
  const reach = (parent: string, of: Index | { columns: string[]; label: 'pkey' | 'key' }) => {
    for (const partition of partitions.get(parent) ?? []) {
      const name = partitionIndexName(partition.name, of, takenIn(names, partition.schema));
      if (partition.partitionBy) reach(objectId(partition.schema, partition.name), 'keys' in of ? { ...of, name } : of);
    }
  };
  for (const parent of Object.values(from?.tables ?? {}).filter((t) => t.partitionBy)) {
    const id = objectId(parent.schema, parent.name);
    for (const constraint of Object.values(parent.constraints)) {
      if (droppedKeys.has(`${id} ${constraint.name}`)) continue;
      if (constraint.kind === 'primary key' || constraint.kind === 'unique') reach(id, { columns: constraint.columns, label: constraint.kind === 'primary key' ? 'pkey' : 'key' });
    }
    for (const index of Object.values(parent.indexes).sort((a, b) => a.name.localeCompare(b.name))) {
      if (!dropped.has(`${id} ${index.name}`)) reach(id, index);
    }
  }
  return names;
}

function takenIn(names: Map<string, TakenNames>, schema: string): TakenNames {
  let taken = names.get(schema);
  if (!taken) names.set(schema, (taken = { relations: new Set(), constraints: new Set() }));
  return taken;
}

export function onlineForms(requested: Change[], changes: Change[], context: { from?: Schema; to?: Schema }, created: Set<string>): OnlineForm {
  const partitionedIn = (schema: Schema | undefined) => Object.values(schema?.tables ?? {}).flatMap((t) => (t.partitionBy ? [objectId(t.schema, t.name)] : []));
  const partitioned = new Set(partitionedIn(context.from));
  // A table made partitioned in the plan is one when its foreign keys come back.
  const referencedPartitioned = new Set([...partitioned, ...partitionedIn(context.to)]);
  const existing = (relation: string) => !created.has(relation) && !partitioned.has(relation);
  const replaced = replacedIndexes(requested, changes);
  let taken: Map<string, TakenNames> | undefined;
  return (change) => {
    switch (change.kind) {
      case 'create index':
        if (partitioned.has(change.relation) && !created.has(change.relation)) {
          taken ??= relationNames(context, changes);
          return createPartitionedIndexOnline(change.relation, change.index, partitionTargets(change.relation, change.index, changes, context, created, taken));
        }
        if (!existing(change.relation)) return undefined;
        return replaced.creates.has(change) ? replaceIndexOnline(change.relation, change.index) : createIndexOnline(change);
      case 'drop index':
        if (partitioned.has(change.relation) && !created.has(change.relation)) return dropPartitionedIndex(change);
        if (!existing(change.relation)) return undefined;
        return replaced.drops.has(change) ? [] : dropIndexOnline(change);
      case 'add constraint':
        // A key to a partitioned table added NOT VALID and validated does not reach the catalog state the plain
        // form gives on PostgreSQL 15 (test/cases/diff/partition/fk-to-partitioned): it keeps the plain form.
        if (change.constraint.kind === 'foreign key' && referencedPartitioned.has(change.constraint.references.table)) return undefined;
        if (partitioned.has(change.table) && !created.has(change.table)) {
          if (!keyOnPartitions(change)) return undefined;
          taken ??= relationNames(context, changes);
          const leaves = keyPartitions(change.table, change, changes, context, created, taken);
          return leaves ? addPartitionedConstraintOnline(change, leaves) : undefined;
        }
        return existing(change.table) && change.usingIndex === undefined ? addConstraintOnline(change) : undefined;
      case 'validate constraint':
        return existing(change.table) ? validateConstraintOnline(change) : undefined;
      case 'alter column':
        return existing(change.table) ? alterColumnOnline(change) : undefined;
      default:
        return undefined;
    }
  };
}
