import { retypesColumn, type Change } from '../model/change.js';
import { sameValue } from '../model/compare.js';
import { grantsInForce } from '../model/default-privileges.js';
import { objectId, parseObjectId } from '../model/id.js';
import { multirangeId } from '../model/range.js';
import type { Aggregate, Column, Constraint, Index, ObjectRef, Policy, Routine, Schema, Trigger, View } from '../model/schema.js';
import { dependencyGraph, readsDisturbed, type Disturbed } from './dependency-graph.js';
import { mentions, mentionsName, mentionsQualified, type Named } from './mentions.js';
import { routineReferences } from './routine-order.js';
import { viewColumnSettingsChanges } from '../diff/column-settings.js';
import { diffStatistics } from '../diff/statistics.js';
import { createAggregate } from '../diff/aggregates.js';
import { aggregateFunctions, aggregateId } from '../model/aggregate.js';

/**
 * Adds what PostgreSQL needs around the requested changes: objects that depend on something
 * being changed in a way the server refuses while they exist (a column's type under a view or a
 * policy, a table re-created under a view, an enum replaced under a function's signature, a
 * routine re-created under a trigger, policy or default) are dropped before and re-created
 * after. Who depends on what comes from the catalogs' edges when `from` was read from a
 * database (a replayed migrations folder too), else from the names each object's text mentions:
 * the definitions' model carries no edges. The text also decides, edges or not, what reads a
 * column of its own table (an index, constraint or generated column on a column dropped and
 * added again or retyped): the catalog read leaves those edges out (queries/dependencies.ts).
 * Runs to a fixpoint: a dropped view drops its own dependent views too.
 */
export function withDependents(requested: Change[], from: Schema, to: Schema): Change[] {
  const changes = withGeneratedAroundRetypes(requested, from, to);
  const out = [...changes];
  const graph = dependencyGraph(from.dependencies);
  const droppedViews = new Set<string>();
  const droppedRoutines = new Set<string>();
  const droppedPolicies = new Set<string>();
  const droppedTriggers = new Set<string>();
  for (const c of changes) {
    if (c.kind === 'drop view') droppedViews.add(objectId(c.view.schema, c.view.name));
    if (c.kind === 'drop routine') droppedRoutines.add(routineKey(c.routine));
    if (c.kind === 'drop aggregate') droppedRoutines.add(aggregateId(c.aggregate));
    if (c.kind === 'drop policy') droppedPolicies.add(`${c.table} ${c.policy.name}`);
    if (c.kind === 'drop trigger') droppedTriggers.add(`${c.table} ${c.trigger.name}`);
  }

  // Relations the text scan treats as disturbed: a name is all it can see, not a column.
  const relations = new Set<string>();
  const types = new Set<string>();
  const routines = new Set<string>();
  const disturbed: Disturbed = { relations: new Set(), columns: new Map(), types, routines: new Set(), sequences: new Set() };
  // Columns whose type changes (or that go): PostgreSQL refuses while a view, policy, trigger or
  // foreign key depends on them.
  const touch = (table: string, column: string) => disturbed.columns.set(table, (disturbed.columns.get(table) ?? new Set()).add(column));
  const retyped = new Map<string, Set<string>>();
  const droppedTables = new Set<string>();
  for (const c of changes) {
    if (retypesColumn(c)) {
      relations.add(c.table);
      touch(c.table, c.to.name);
      retyped.set(c.table, (retyped.get(c.table) ?? new Set()).add(c.to.name));
    }
    if (c.kind === 'drop column') {
      relations.add(c.table);
      touch(c.table, c.column.name);
    }
    if (c.kind === 'replace enum' || c.kind === 'replace domain') {
      types.add(objectId(c.to.schema, c.to.name));
      for (const { table, column } of c.columns) {
        relations.add(table);
        touch(table, column.name);
      }
    }
    // A range type made again (a changed subtype or option): what takes or returns it goes and comes back.
    if (c.kind === 'drop range type') types.add(objectId(c.type.schema, c.type.name)).add(multirangeId(c.type));
    if (c.kind === 'drop routine') {
      routines.add(objectId(c.routine.schema, c.routine.name));
      disturbed.routines.add(routineKey(c.routine));
    }
    // An aggregate is a routine to what uses it: a view's query, a SQL-standard body.
    if (c.kind === 'drop aggregate') {
      routines.add(objectId(c.aggregate.schema, c.aggregate.name));
      disturbed.routines.add(aggregateId(c.aggregate));
    }
    // A table dropped while a view that stays reads it: the name now stands for something new.
    if (c.kind === 'drop table') {
      const id = objectId(c.table.schema, c.table.name);
      droppedTables.add(id);
      relations.add(id);
      disturbed.relations.add(id);
    }
    if (c.kind === 'drop sequence') disturbed.sequences.add(objectId(c.sequence.schema, c.sequence.name));
  }
  // A column dropped and added again goes with all that hangs on it, as a dropped column does.
  const readded = readdedColumns(changes, from);
  for (const { table, column } of readded) {
    relations.add(table);
    touch(table, column.name);
    retyped.set(table, (retyped.get(table) ?? new Set()).add(column.name));
  }
  for (const id of droppedViews) {
    relations.add(id);
    disturbed.relations.add(id);
  }
  dropForeignKeysBetweenDroppedTables(out, changes);
  recreateForeignKeysOnDroppedKeys(out, changes, from, to);
  keepSequencesOfRecreatedTables(out, changes, from, to);
  detachSequencesFromDroppedOwners(out, changes);
  if (relations.size === 0 && types.size === 0 && routines.size === 0 && disturbed.sequences.size === 0) return out;

  const named = (ids: Iterable<string>): Named[] => [...ids].map((id) => ({ id, ...parseObjectId(id) }));
  /** Whether `ref` depends on something disturbed: by the catalogs' edges, else by what `text()` names. */
  const dependsOn = (ref: ObjectRef, scope: Disturbed, text: () => boolean) => (graph ? readsDisturbed(graph, ref, scope) : text());

  let grew = true;
  while (grew) {
    grew = false;
    const mentioned = named([...relations, ...types, ...routines]);
    for (const view of Object.values(from.views)) {
      const id = objectId(view.schema, view.name);
      if (droppedViews.has(id)) continue;
      const text = () => mentions(`${view.definition} ${view.columns.map((c) => c.type).join(' ')}`, mentioned).some((hit) => hit !== id);
      if (dependsOn({ type: 'view', id }, disturbed, text)) {
        recreateView(out, view, to.views[id], to);
        droppedViews.add(id);
        relations.add(id);
        disturbed.relations.add(id);
        grew = true;
      }
    }
    for (const routine of Object.values(from.routines)) {
      const key = routineKey(routine);
      if (droppedRoutines.has(key)) continue;
      const self = objectId(routine.schema, routine.name);
      // A SQL-standard body or an argument default that calls a dropped routine holds it (pg_depend).
      const callsDropped = () => mentions(routineReferences(routine), named(routines)).some((hit) => hit !== self);
      const signature = () => mentions([routine.returns ?? '', ...routine.arguments.map((a) => a.type)].join(' '), named(types)).length > 0 || callsDropped();
      if (dependsOn({ type: 'routine', id: key }, disturbed, signature)) {
        const next = Object.values(to.routines).find((r) => routineKey(r) === key);
        recreateRoutine(out, routine, next, to);
        droppedRoutines.add(key);
        routines.add(objectId(routine.schema, routine.name));
        disturbed.routines.add(key);
        grew = true;
      }
    }
    for (const [key, aggregate] of Object.entries(from.aggregates ?? {})) {
      if (droppedRoutines.has(key)) continue;
      // An aggregate holds the functions it calls and the types of its signature and state.
      const text = () => aggregateFunctions(aggregate).some((id) => routines.has(id)) || mentions([aggregate.stype, aggregate.mstype ?? '', ...aggregate.arguments.map((a) => a.type), ...(aggregate.orderBy ?? []).map((a) => a.type)].join(' '), named(types)).length > 0;
      if (dependsOn({ type: 'routine', id: key }, disturbed, text)) {
        recreateAggregate(out, aggregate, to.aggregates?.[key], to);
        droppedRoutines.add(key);
        routines.add(objectId(aggregate.schema, aggregate.name));
        disturbed.routines.add(key);
        grew = true;
      }
    }
  }

  const mentioned = named([...types, ...routines]);
  // PostgreSQL rebuilds a table's own constraints and defaults when a column changes type; only
  // what they call or are typed by, going away, needs them out of the way.
  const calls: Disturbed = { ...disturbed, relations: new Set(), columns: new Map() };
  // A default cast to a replaced enum is moved by the enum's own conversion.
  const calledOnly: Disturbed = { ...calls, types: new Set() };
  for (const view of Object.values(from.views)) {
    const id = objectId(view.schema, view.name);
    if (droppedViews.has(id)) continue;
    for (const trigger of Object.values(view.triggers ?? {})) {
      const key = `${id} ${trigger.name}`;
      if (droppedTriggers.has(key) || !routines.has(trigger.function)) continue;
      recreateTrigger(out, id, trigger, to.views[id]?.triggers?.[trigger.name]);
      droppedTriggers.add(key);
    }
  }
  for (const table of Object.values(from.tables)) {
    const tableId = objectId(table.schema, table.name);
    if (droppedTables.has(tableId)) continue;
    const target = to.tables[tableId];
    const touched = [...(disturbed.columns.get(tableId) ?? [])];
    const readsTouched = (text: string) => touched.some((column) => mentionsName(text, column));
    for (const policy of Object.values(table.policies)) {
      const key = `${tableId} ${policy.name}`;
      if (droppedPolicies.has(key)) continue;
      const text = `${policy.using ?? ''} ${policy.withCheck ?? ''}`;
      if (dependsOn({ type: 'policy', table: tableId, name: policy.name }, disturbed, () => mentions(text, mentioned).length > 0 || readsTouched(text))) {
        recreatePolicy(out, tableId, policy, target?.policies[policy.name]);
        droppedPolicies.add(key);
      }
    }
    for (const trigger of Object.values(table.triggers)) {
      const key = `${tableId} ${trigger.name}`;
      if (droppedTriggers.has(key)) continue;
      const text = () => (trigger.updateOf ?? []).some((column) => touched.includes(column)) || readsTouched(trigger.when ?? '') || mentions(trigger.when ?? '', mentioned).length > 0;
      if (routines.has(trigger.function) || dependsOn({ type: 'trigger', table: tableId, name: trigger.name }, disturbed, text)) {
        recreateTrigger(out, tableId, trigger, target?.triggers[trigger.name]);
        droppedTriggers.add(key);
      }
    }
    // An index calling a routine that goes, or whose predicate or expressions hold a value of a
    // replaced type (`s = 'b'::public.status`), cannot be rebuilt by ALTER COLUMN ... TYPE: it is
    // made again. The catalogs' edges say which (a key on a column of the type alone has none:
    // the conversion rebuilds it). Without them the text decides, where types count only
    // schema-qualified, as casts print: a bare `status` in a key is the column.
    for (const index of Object.values(table.indexes)) {
      const text = () => {
        const keys = `${index.keys.join(' ')} ${index.where ?? ''}`;
        return mentions(keys, named(routines)).length > 0 || mentionsQualified(keys, named(types)).length > 0;
      };
      if (dependsOn({ type: 'index', id: objectId(table.schema, index.name) }, calls, text)) recreateIndex(out, tableId, index, target?.indexes[index.name]);
    }
    for (const constraint of Object.values(table.constraints)) {
      const next = target?.constraints[constraint.name];
      const checkUsesType = () => constraint.kind === 'check' && mentions(constraint.expression, mentioned).length > 0;
      const keyRetyped =
        constraint.kind === 'foreign key' &&
        (constraint.columns.some((c) => retyped.get(tableId)?.has(c)) || constraint.references.columns.some((c) => retyped.get(constraint.references.table)?.has(c)));
      if (keyRetyped || dependsOn({ type: 'constraint', table: tableId, name: constraint.name }, calls, checkUsesType)) recreateConstraint(out, tableId, constraint, next);
    }
    for (const column of table.columns) {
      if (column.default === undefined || column.identity) continue;
      const text = () => mentions(column.default!, named(routines)).length > 0;
      if (dependsOn({ type: 'default', relation: tableId, column: column.name }, calledOnly, text)) recreateDefault(out, tableId, column, target?.columns.find((c) => c.name === column.name));
    }
  }
  for (const { table, column } of readded) recreateOnColumn(out, from, to, table, column.name);
  return out;
}

/**
 * A column whose type changes while stored generated columns of its table read it: PostgreSQL
 * refuses the change, so those columns ride on it (`generated`), dropped before and added again
 * after with their target definition, and their own changes are folded into that.
 */
function withGeneratedAroundRetypes(changes: Change[], from: Schema, to: Schema): Change[] {
  const taken = new Set<string>();
  const out = changes.map((c) => {
    if (c.kind !== 'alter column' || c.from.type === c.to.type) return c;
    const readers = (from.tables[c.table]?.columns ?? []).filter((g) => g.name !== c.to.name && g.generated !== undefined && mentionsName(g.generated, c.to.name));
    const generated = readers.flatMap((g) => {
      const next = to.tables[c.table]?.columns.find((x) => x.name === g.name);
      if (!next?.generated || taken.has(`${c.table}.${g.name}`)) return [];
      taken.add(`${c.table}.${g.name}`);
      return [{ from: g, to: next }];
    });
    return generated.length ? { ...c, generated } : c;
  });
  return out.filter((c) => !(c.kind === 'alter column' && taken.has(`${c.table}.${c.to.name}`)));
}

/**
 * Columns the plan drops and adds again (sql/alter-column.ts, recreateColumn): one that becomes
 * generated or changes its expression, and a generated one of an enum being replaced.
 */
function readdedColumns(changes: Change[], from: Schema): { table: string; column: Column }[] {
  return changes.flatMap((c) => {
    if (c.kind === 'alter column') {
      const own = c.to.generated !== undefined && c.from.generated !== c.to.generated ? [{ table: c.table, column: c.from }] : [];
      return [...own, ...(c.generated ?? []).map((g) => ({ table: c.table, column: g.from }))];
    }
    if (c.kind !== 'replace enum' && c.kind !== 'replace domain') return [];
    return c.columns.flatMap(({ table, column }) => {
      const before = from.tables[table]?.columns.find((x) => x.name === column.name);
      return column.generated !== undefined && before ? [{ table, column: before }] : [];
    });
  });
}

/**
 * What DROP COLUMN takes with it on the table and its partitions, re-created after the column is
 * back: indexes, the table's own constraints on it, its comment and its privileges. Views,
 * policies, triggers and foreign keys from other tables follow the column as a touched one.
 */
function recreateOnColumn(out: Change[], from: Schema, to: Schema, table: string, column: string): void {
  const partitions = Object.values(from.tables).filter((t) => t.partitionOf?.parent === table).map((t) => objectId(t.schema, t.name));
  for (const id of [table, ...partitions]) {
    const before = from.tables[id];
    const after = to.tables[id];
    if (!before) continue;
    for (const index of Object.values(before.indexes)) {
      if (mentionsName([...index.keys, ...index.include, index.where ?? ''].join(' '), column)) recreateIndex(out, id, index, after?.indexes[index.name]);
    }
    for (const constraint of Object.values(before.constraints)) {
      if (constraintReads(constraint, column)) recreateConstraint(out, id, constraint, after?.constraints[constraint.name]);
    }
    // An index re-created under REPLICA IDENTITY USING INDEX loses the mark: it is set again.
    const identity = typeof after?.replicaIdentity === 'object' ? after.replicaIdentity.index : undefined;
    const identityDropped = out.some((c) => (c.kind === 'drop index' && c.relation === id && c.index.name === identity) || (c.kind === 'drop constraint' && c.table === id && c.constraint.name === identity));
    if (identityDropped && !out.some((c) => c.kind === 'set replica identity' && c.table === id)) out.push({ kind: 'set replica identity', table: id, to: after!.replicaIdentity! });
    const next = after?.columns.find((c) => c.name === column);
    if (!next) continue;
    const commented = out.some((c) => c.kind === 'set comment' && c.target.type === 'column' && c.target.relation === id && c.target.column === column);
    if (next.comment !== undefined && !commented) out.push({ kind: 'set comment', target: { type: 'column', relation: id, column }, to: next.comment });
    // The column comes back without privileges: the grants it ends with start from none.
    const granted = out.findIndex((c) => c.kind === 'set grants' && c.target.type === 'column' && c.target.table === id && c.target.column === column);
    if (granted >= 0) out.splice(granted, 1, { ...(out[granted] as Extract<Change, { kind: 'set grants' }>), from: [] });
    else if (next.grants?.length) out.push({ kind: 'set grants', target: { type: 'column', table: id, column }, from: [], to: next.grants });
  }
}

function constraintReads(constraint: Constraint, column: string): boolean {
  switch (constraint.kind) {
    case 'check':
      return mentionsName(constraint.expression, column);
    case 'exclude':
      return mentionsName(constraint.definition, column);
    default:
      return constraint.columns.includes(column);
  }
}

/**
 * Takes a column's default away before what it calls goes, and gives the new one back after:
 * the first step only drops the default (the planner runs it with the drops), the second
 * carries whatever else the column's change was.
 */
function recreateDefault(changes: Change[], table: string, column: Column, next: Column | undefined): void {
  const isThis = (c: Change) => c.kind === 'alter column' && c.table === table && c.to.name === column.name;
  if (changes.some((c) => isThis(c) && c.kind === 'alter column' && c.to.default === undefined && c.from.default !== undefined && sameColumnBut(c.from, c.to))) return;
  removeWhere(changes, isThis);
  const { default: _d, ...bare } = column;
  changes.push({ kind: 'alter column', table, from: column, to: bare });
  if (next && !sameValue(bare, next)) changes.push({ kind: 'alter column', table, from: bare, to: next });
}

/** Whether two versions of a column differ at most in their default. */
export function sameColumnBut(a: Column, b: Column): boolean {
  const { default: _a, comment: _c, ...restA } = a;
  const { default: _b, comment: _d, ...restB } = b;
  return sameValue(restA, restB);
}

/**
 * A sequence owned by a table the plan drops and creates again (made partitioned, say) would go
 * with the old table while the new one's default still calls it: it gets an `alter sequence` that
 * keeps its owner, which detachSequencesFromDroppedOwners then splits around the drop.
 */
function keepSequencesOfRecreatedTables(out: Change[], changes: Change[], from: Schema, to: Schema): void {
  const recreated = new Set(changes.flatMap((c) => (c.kind === 'drop table' ? [objectId(c.table.schema, c.table.name)] : [])).filter((id) => to.tables[id]));
  for (const [id, sequence] of Object.entries(from.sequences)) {
    const next = to.sequences[id];
    if (!next?.ownedBy || !sequence.ownedBy || !recreated.has(sequence.ownedBy.table)) continue;
    if (out.some((c) => (c.kind === 'alter sequence' || c.kind === 'drop sequence' || c.kind === 'create sequence') && objectId((c.kind === 'alter sequence' ? c.to : c.sequence).schema, (c.kind === 'alter sequence' ? c.to : c.sequence).name) === id)) continue;
    out.push({ kind: 'alter sequence', from: sequence, to: next });
  }
}

/**
 * A sequence that moves to a new owner while its old owner's table or column is dropped would
 * be dropped with it: it is let go first (the planner runs that with the drops), owned after.
 */
function detachSequencesFromDroppedOwners(out: Change[], changes: Change[]): void {
  const goes = (table: string, column: string) =>
    changes.some((c) => (c.kind === 'drop table' && objectId(c.table.schema, c.table.name) === table) || (c.kind === 'drop column' && c.table === table && c.column.name === column));
  for (const [i, c] of out.entries()) {
    if (c.kind !== 'alter sequence' || !c.from.ownedBy || !c.to.ownedBy || !goes(c.from.ownedBy.table, c.from.ownedBy.column)) continue;
    const { ownedBy: _o, ...detached } = c.from;
    out.splice(i, 1, { kind: 'alter sequence', from: c.from, to: detached }, { kind: 'alter sequence', from: detached, to: c.to });
  }
}

/**
 * A foreign key rests on the unique index of the key it references (a primary key, a unique
 * constraint or a unique index on the same columns, in any order): PostgreSQL refuses to drop
 * that index while the foreign key exists, even when another key on the same columns takes over.
 * Foreign keys on a key that the plan drops (a primary key moving to other columns, a unique
 * constraint turned into an index) are dropped before it and added again after.
 */
function recreateForeignKeysOnDroppedKeys(out: Change[], changes: Change[], from: Schema, to: Schema): void {
  const keys = new Map<string, string[][]>();
  const add = (table: string, columns: string[]) => keys.set(table, [...(keys.get(table) ?? []), [...columns].sort()]);
  for (const c of changes) {
    if (c.kind === 'drop constraint' && (c.constraint.kind === 'primary key' || c.constraint.kind === 'unique')) add(c.table, c.constraint.columns);
    if (c.kind === 'drop index' && c.index.unique && c.index.where === undefined) {
      const columns = c.index.keys.map((key) => columnOfKey(key));
      if (columns.every((column) => column !== undefined)) add(c.relation, columns as string[]);
    }
  }
  if (keys.size === 0) return;
  for (const table of Object.values(from.tables)) {
    const tableId = objectId(table.schema, table.name);
    if (changes.some((c) => c.kind === 'drop table' && objectId(c.table.schema, c.table.name) === tableId)) continue;
    for (const constraint of Object.values(table.constraints)) {
      if (constraint.kind !== 'foreign key') continue;
      const referenced = [...constraint.references.columns].sort().join(',');
      if (!(keys.get(constraint.references.table) ?? []).some((columns) => columns.join(',') === referenced)) continue;
      recreateConstraint(out, tableId, constraint, to.tables[tableId]?.constraints[constraint.name]);
    }
  }
}

/** The column an index key names, when the key is a bare column (`"id"` or `id`, nothing after it). */
function columnOfKey(key: string): string | undefined {
  const quoted = /^"((?:[^"]|"")+)"$/.exec(key);
  if (quoted) return quoted[1]!.replace(/""/g, '"');
  return /^[a-z_][a-z0-9_$]*$/.test(key) ? key : undefined;
}

/** Foreign keys between tables dropped together go first, so the tables drop in any order. */
function dropForeignKeysBetweenDroppedTables(out: Change[], changes: Change[]): void {
  const dropped = changes.flatMap((c) => (c.kind === 'drop table' ? [c.table] : []));
  const ids = new Set(dropped.map((t) => objectId(t.schema, t.name)));
  for (const table of dropped) {
    for (const constraint of Object.values(table.constraints)) {
      if (constraint.kind === 'foreign key' && ids.has(constraint.references.table)) {
        out.push({ kind: 'drop constraint', table: objectId(table.schema, table.name), constraint });
      }
    }
  }
}

function recreateConstraint(changes: Change[], table: string, constraint: Constraint, next: Constraint | undefined): void {
  const same = (c: Change) => (c.kind === 'drop constraint' || c.kind === 'add constraint') && c.table === table && c.constraint.name === constraint.name;
  if (changes.some((c) => c.kind === 'drop constraint' && same(c))) return;
  removeWhere(changes, same);
  changes.push({ kind: 'drop constraint', table, constraint });
  if (!next) return;
  changes.push({ kind: 'add constraint', table, constraint: next });
  const commented = changes.some((c) => c.kind === 'set comment' && c.target.type === 'constraint' && c.target.table === table && c.target.name === next.name);
  if (next.comment !== undefined && !commented) changes.push({ kind: 'set comment', target: { type: 'constraint', table, name: next.name }, to: next.comment });
}

function recreateIndex(changes: Change[], relation: string, index: Index, next: Index | undefined): void {
  const same = (c: Change) => (c.kind === 'drop index' || c.kind === 'create index') && c.relation === relation && c.index.name === index.name;
  if (changes.some((c) => c.kind === 'drop index' && same(c))) return;
  removeWhere(changes, same);
  changes.push({ kind: 'drop index', relation, index });
  if (next) {
    changes.push({ kind: 'create index', relation, index: next });
    if (next.comment !== undefined) changes.push({ kind: 'set comment', target: { type: 'index', schema: parseObjectId(relation).schema, name: next.name }, to: next.comment });
  }
}

function routineKey(routine: Routine): string {
  return `${objectId(routine.schema, routine.name)}(${routine.arguments.filter((a) => a.mode !== 'out').map((a) => a.type).join(',')})`;
}

/** Swaps an in-place change of an object for a drop before and a create after. */
function removeWhere(changes: Change[], match: (c: Change) => boolean): void {
  for (let i = changes.length - 1; i >= 0; i--) if (match(changes[i]!)) changes.splice(i, 1);
}

function recreateView(changes: Change[], view: View, next: View | undefined, to: Schema): void {
  const id = objectId(view.schema, view.name);
  const isThis = (v: View) => objectId(v.schema, v.name) === id;
  removeWhere(changes, (c) => c.kind === 'replace view' && isThis(c.to));
  changes.push({ kind: 'drop view', view });
  if (next && !changes.some((c) => c.kind === 'create view' && isThis(c.view))) {
    changes.push({ kind: 'create view', view: { ...next, indexes: {} } });
    for (const index of Object.values(next.indexes)) {
      if (changes.some((c) => c.kind === 'create index' && c.relation === id && c.index.name === index.name)) continue;
      changes.push({ kind: 'create index', relation: id, index });
      const commented = changes.some((c) => c.kind === 'set comment' && c.target.type === 'index' && c.target.schema === next.schema && c.target.name === index.name);
      if (index.comment !== undefined && !commented) changes.push({ kind: 'set comment', target: { type: 'index', schema: next.schema, name: index.name }, to: index.comment });
    }
    removeWhere(changes, (c) => c.kind === 'drop index' && c.relation === id);
    // A materialized view's column settings and statistics objects go with it too.
    removeWhere(changes, (c) => (c.kind === 'set column settings' || c.kind === 'create statistics' || c.kind === 'drop statistics' || c.kind === 'alter statistics') && c.table === id);
    changes.push(...viewColumnSettingsChanges(id, undefined, next));
    diffStatistics(id, {}, next, changes);
    // A view's triggers go with it: the new one gets the target's.
    for (const trigger of Object.values(next.triggers ?? {})) {
      if (changes.some((c) => c.kind === 'create trigger' && c.table === id && c.trigger.name === trigger.name)) continue;
      changes.push({ kind: 'create trigger', table: id, trigger });
      if (trigger.comment !== undefined) changes.push({ kind: 'set comment', target: { type: 'trigger', table: id, name: trigger.name }, to: trigger.comment });
    }
    // Created again, the view first holds what the default privileges give it.
    const created = grantsInForce(to, 'tables', next.schema);
    if (!sameValue(created, next.grants)) changes.push({ kind: 'set grants', target: { type: next.materialized ? 'materialized view' : 'view', id }, from: created, to: next.grants });
    if (next.comment !== undefined) changes.push({ kind: 'set comment', target: { type: next.materialized ? 'materialized view' : 'view', id }, to: next.comment });
    for (const column of next.columns) {
      if (column.comment !== undefined) changes.push({ kind: 'set comment', target: { type: 'column', relation: id, column: column.name }, to: column.comment });
      if (column.grants?.length) changes.push({ kind: 'set grants', target: { type: 'column', table: id, column: column.name }, from: [], to: column.grants });
    }
  }
}

function recreateRoutine(changes: Change[], routine: Routine, next: Routine | undefined, to: Schema): void {
  const key = routineKey(routine);
  removeWhere(changes, (c) => c.kind === 'replace routine' && routineKey(c.to) === key);
  changes.push({ kind: 'drop routine', routine });
  if (next && !changes.some((c) => c.kind === 'create routine' && routineKey(c.routine) === key)) {
    changes.push({ kind: 'create routine', routine: next });
    const target = { type: 'routine' as const, id: objectId(next.schema, next.name), routine: next };
    const created = grantsInForce(to, 'functions', next.schema);
    if (!sameValue(created, next.grants)) changes.push({ kind: 'set grants', target, from: created, to: next.grants });
    if (next.comment !== undefined) changes.push({ kind: 'set comment', target, to: next.comment });
  }
}

function recreateAggregate(changes: Change[], aggregate: Aggregate, next: Aggregate | undefined, to: Schema): void {
  const key = aggregateId(aggregate);
  removeWhere(changes, (c) => c.kind === 'replace aggregate' && aggregateId(c.to) === key);
  changes.push({ kind: 'drop aggregate', aggregate });
  if (next && !changes.some((c) => c.kind === 'create aggregate' && aggregateId(c.aggregate) === key)) {
    // Created again, it holds what the default privileges give; its own grants and comment follow.
    removeWhere(changes, (c) => (c.kind === 'set grants' || c.kind === 'set comment') && c.target.type === 'aggregate' && aggregateId(c.target.aggregate) === key);
    createAggregate(next, changes, to);
  }
}

function recreatePolicy(changes: Change[], table: string, policy: Policy, next: Policy | undefined): void {
  removeWhere(changes, (c) => c.kind === 'alter policy' && c.table === table && c.to.name === policy.name);
  changes.push({ kind: 'drop policy', table, policy });
  if (next && !changes.some((c) => c.kind === 'create policy' && c.table === table && c.policy.name === policy.name)) {
    changes.push({ kind: 'create policy', table, policy: next });
    if (next.comment !== undefined) changes.push({ kind: 'set comment', target: { type: 'policy', table, name: next.name }, to: next.comment });
  }
}

function recreateTrigger(changes: Change[], table: string, trigger: Trigger, next: Trigger | undefined): void {
  changes.push({ kind: 'drop trigger', table, trigger });
  if (next && !changes.some((c) => c.kind === 'create trigger' && c.table === table && c.trigger.name === trigger.name)) {
    changes.push({ kind: 'create trigger', table, trigger: next });
    if (next.comment !== undefined) changes.push({ kind: 'set comment', target: { type: 'trigger', table, name: next.name }, to: next.comment });
  }
}
