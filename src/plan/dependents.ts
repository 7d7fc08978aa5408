import type { Change } from '../model/change.js';
import { sameValue } from '../model/compare.js';
import { grantsInForce } from '../model/default-privileges.js';
import { objectId, parseObjectId } from '../model/id.js';
import type { Constraint, Policy, Routine, Schema, Trigger, View } from '../model/schema.js';
import { mentions, mentionsName, type Named } from './mentions.js';

/**
 * Adds what PostgreSQL needs around the requested changes: objects that depend on something
 * being changed in a way the server refuses while they exist (a column's type under a view, an
 * enum replaced under a function's signature, a routine re-created under a trigger or policy)
 * are dropped before and re-created after. Runs to a fixpoint: a dropped view drops its own
 * dependent views too.
 */
export function withDependents(changes: Change[], from: Schema, to: Schema): Change[] {
  const out = [...changes];
  const droppedViews = new Set<string>();
  const droppedRoutines = new Set<string>();
  const droppedPolicies = new Set<string>();
  const droppedTriggers = new Set<string>();
  for (const c of changes) {
    if (c.kind === 'drop view') droppedViews.add(objectId(c.view.schema, c.view.name));
    if (c.kind === 'drop routine') droppedRoutines.add(routineKey(c.routine));
    if (c.kind === 'drop policy') droppedPolicies.add(`${c.table} ${c.policy.name}`);
    if (c.kind === 'drop trigger') droppedTriggers.add(`${c.table} ${c.trigger.name}`);
  }

  // What is disturbed: relations whose columns change type, replaced types, re-created routines and views.
  const relations = new Set<string>();
  const types = new Set<string>();
  const routines = new Set<string>();
  // Columns whose type changes (or that go): PostgreSQL refuses while a view, policy, trigger or
  // foreign key depends on them.
  const columns = new Map<string, Set<string>>();
  const touch = (table: string, column: string) => columns.set(table, (columns.get(table) ?? new Set()).add(column));
  const retyped = new Map<string, Set<string>>();
  for (const c of changes) {
    if (c.kind === 'alter column' && (c.from.type !== c.to.type || c.from.collation !== c.to.collation)) {
      relations.add(c.table);
      touch(c.table, c.to.name);
      retyped.set(c.table, (retyped.get(c.table) ?? new Set()).add(c.to.name));
    }
    if (c.kind === 'drop column') {
      relations.add(c.table);
      touch(c.table, c.column.name);
    }
    if (c.kind === 'replace enum') {
      types.add(objectId(c.to.schema, c.to.name));
      for (const { table, column } of c.columns) {
        relations.add(table);
        touch(table, column.name);
      }
    }
    if (c.kind === 'drop routine') routines.add(objectId(c.routine.schema, c.routine.name));
  }
  for (const id of droppedViews) relations.add(id);
  dropForeignKeysBetweenDroppedTables(out, changes);
  if (relations.size === 0 && types.size === 0 && routines.size === 0) return out;

  const named = (ids: Iterable<string>): Named[] => [...ids].map((id) => ({ id, ...parseObjectId(id) }));

  let grew = true;
  while (grew) {
    grew = false;
    const disturbed = named([...relations, ...types, ...routines]);
    for (const view of Object.values(from.views)) {
      const id = objectId(view.schema, view.name);
      if (droppedViews.has(id)) continue;
      const text = `${view.definition} ${view.columns.map((c) => c.type).join(' ')}`;
      if (mentions(text, disturbed).some((hit) => hit !== id)) {
        recreateView(out, view, to.views[id], to);
        droppedViews.add(id);
        relations.add(id);
        grew = true;
      }
    }
    for (const routine of Object.values(from.routines)) {
      const key = routineKey(routine);
      if (droppedRoutines.has(key)) continue;
      const signature = [routine.returns ?? '', ...routine.arguments.map((a) => a.type)].join(' ');
      if (mentions(signature, named(types)).length > 0) {
        const next = Object.values(to.routines).find((r) => routineKey(r) === key);
        recreateRoutine(out, routine, next, to);
        droppedRoutines.add(key);
        routines.add(objectId(routine.schema, routine.name));
        grew = true;
      }
    }
  }

  const disturbed = named([...types, ...routines]);
  const droppedTables = new Set(changes.flatMap((c) => (c.kind === 'drop table' ? [objectId(c.table.schema, c.table.name)] : [])));
  for (const table of Object.values(from.tables)) {
    const tableId = objectId(table.schema, table.name);
    if (droppedTables.has(tableId)) continue;
    const target = to.tables[tableId];
    const touched = [...(columns.get(tableId) ?? [])];
    const readsTouched = (text: string) => touched.some((column) => mentionsName(text, column));
    for (const policy of Object.values(table.policies)) {
      const key = `${tableId} ${policy.name}`;
      if (droppedPolicies.has(key)) continue;
      const text = `${policy.using ?? ''} ${policy.withCheck ?? ''}`;
      if (mentions(text, disturbed).length > 0 || readsTouched(text)) {
        recreatePolicy(out, tableId, policy, target?.policies[policy.name]);
        droppedPolicies.add(key);
      }
    }
    for (const trigger of Object.values(table.triggers)) {
      const key = `${tableId} ${trigger.name}`;
      if (droppedTriggers.has(key)) continue;
      const namesTouched = (trigger.updateOf ?? []).some((column) => touched.includes(column)) || readsTouched(trigger.when ?? '');
      if (routines.has(trigger.function) || mentions(trigger.when ?? '', disturbed).length > 0 || namesTouched) {
        recreateTrigger(out, tableId, trigger, target?.triggers[trigger.name]);
        droppedTriggers.add(key);
      }
    }
    for (const constraint of Object.values(table.constraints)) {
      const next = target?.constraints[constraint.name];
      const checkUsesType = constraint.kind === 'check' && mentions(constraint.expression, named(types)).length > 0;
      const keyRetyped =
        constraint.kind === 'foreign key' &&
        (constraint.columns.some((c) => retyped.get(tableId)?.has(c)) || constraint.references.columns.some((c) => retyped.get(constraint.references.table)?.has(c)));
      if (checkUsesType || keyRetyped) recreateConstraint(out, tableId, constraint, next);
    }
  }
  return out;
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
  if (next) changes.push({ kind: 'add constraint', table, constraint: next });
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
      if (!changes.some((c) => c.kind === 'create index' && c.relation === id && c.index.name === index.name)) changes.push({ kind: 'create index', relation: id, index });
    }
    removeWhere(changes, (c) => c.kind === 'drop index' && c.relation === id);
    // Created again, the view first holds what the default privileges give it.
    const created = grantsInForce(to, 'tables', next.schema);
    if (!sameValue(created, next.grants)) changes.push({ kind: 'set grants', target: { type: next.materialized ? 'materialized view' : 'view', id }, from: created, to: next.grants });
    if (next.comment !== undefined) changes.push({ kind: 'set comment', target: { type: next.materialized ? 'materialized view' : 'view', id }, to: next.comment });
    for (const column of next.columns) {
      if (column.comment !== undefined) changes.push({ kind: 'set comment', target: { type: 'column', relation: id, column: column.name }, to: column.comment });
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
